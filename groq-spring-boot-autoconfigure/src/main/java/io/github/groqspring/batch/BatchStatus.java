package io.github.groqspring.batch;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Where a batch is in its life. A status newer than this enum reads as {@link #UNKNOWN}
 * rather than failing the call.
 */
public enum BatchStatus {

	/** The input file is being checked. */
	VALIDATING("validating", false),

	/** The input file was refused; see {@link Batch#errors()}. No results. */
	FAILED("failed", true),

	/** Requests are being processed. */
	IN_PROGRESS("in_progress", false),

	/** All requests are done; the result files are being written. */
	FINALIZING("finalizing", false),

	/** Done; results are in the output and error files. */
	COMPLETED("completed", true),

	/** The completion window ran out: done requests are in the output file, the rest in the error file. */
	EXPIRED("expired", true),

	/** Cancel was asked for; in-flight requests finish (up to 10 minutes). */
	CANCELLING("cancelling", false),

	/** Cancelled: done requests are in the output file, the rest in the error file. */
	CANCELLED("cancelled", true),

	/** A status this version does not know. */
	UNKNOWN("unknown", false);

	private final String wireValue;

	private final boolean terminal;

	BatchStatus(String wireValue, boolean terminal) {
		this.wireValue = wireValue;
		this.terminal = terminal;
	}

	/**
	 * The status as Groq spells it.
	 * @return e.g. {@code in_progress}
	 */
	@JsonValue
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * Whether the batch will not change any more.
	 * @return {@code true} for failed, completed, expired and cancelled
	 */
	public boolean isTerminal() {
		return this.terminal;
	}

	/**
	 * Read a status leniently.
	 * @param value the wire value
	 * @return the status, {@link #UNKNOWN} for a value this version does not know
	 */
	@JsonCreator
	public static BatchStatus fromWireValue(@Nullable String value) {
		String lower = (value != null) ? value.toLowerCase(Locale.ROOT) : "";
		for (BatchStatus status : values()) {
			if (status.wireValue.equals(lower)) {
				return status;
			}
		}
		return UNKNOWN;
	}

	@Override
	public String toString() {
		return this.wireValue;
	}

}
