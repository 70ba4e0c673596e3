package io.github.groqspring.audio;

/**
 * The timestamps a {@code verbose_json} transcription carries, sent as
 * {@code timestamp_granularities[]}: Groq's default is segments only; word timestamps add
 * latency (Groq's docs). Translations take none.
 */
public enum TimestampGranularity {

	/** Each word with its start and end. */
	WORD("word"),

	/** Each segment with its times, tokens and scores. */
	SEGMENT("segment");

	private final String wireValue;

	TimestampGranularity(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value sent in {@code timestamp_granularities[]}.
	 * @return {@code word} or {@code segment}
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
