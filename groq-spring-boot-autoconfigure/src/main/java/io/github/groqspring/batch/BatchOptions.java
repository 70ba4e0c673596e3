package io.github.groqspring.batch;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a batch is created: its completion window and metadata. Immutable; start from
 * {@link #defaults()}.
 *
 * @param completionWindow how long Groq may take
 * @param metadata key-value pairs stored with the batch, e.g. a job name
 */
public record BatchOptions(CompletionWindow completionWindow, Map<String, String> metadata) {

	private static final BatchOptions DEFAULTS = new BatchOptions(CompletionWindow.HOURS_24, Map.of());

	public BatchOptions {
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

	/**
	 * A 24 hour window and no metadata.
	 * @return the default options
	 */
	public static BatchOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * These options with another window.
	 * @param completionWindow from 24 hours to 7 days, whole hours
	 * @return a copy
	 * @throws IllegalArgumentException when outside that range
	 */
	public BatchOptions withCompletionWindow(Duration completionWindow) {
		return new BatchOptions(CompletionWindow.of(completionWindow), this.metadata);
	}

	/**
	 * These options with another window, spelled as Groq spells it.
	 * @param completionWindow e.g. {@code 24h} or {@code 7d}
	 * @return a copy
	 * @throws IllegalArgumentException when not from 24h to 7d
	 */
	public BatchOptions withCompletionWindow(String completionWindow) {
		return new BatchOptions(CompletionWindow.parse(completionWindow), this.metadata);
	}

	/**
	 * These options with one more metadata entry.
	 * @param key the key
	 * @param value the value
	 * @return a copy
	 */
	public BatchOptions withMetadata(String key, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.metadata);
		copy.put(key, value);
		return new BatchOptions(this.completionWindow, copy);
	}

}
