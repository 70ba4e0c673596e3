package io.github.groqspring.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a reasoning model's reasoning comes back. */
public enum ReasoningFormat {

	/** Not returned. */
	HIDDEN,
	/** Inline in the content, between think tags. */
	RAW,
	/** In the message's separate {@code reasoning} field. */
	PARSED;

	/**
	 * The wire value, lower case.
	 * @return e.g. {@code parsed}
	 */
	@JsonValue
	public String wireValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
