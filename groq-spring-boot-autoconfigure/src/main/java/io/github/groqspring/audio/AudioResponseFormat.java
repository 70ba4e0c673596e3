package io.github.groqspring.audio;

/**
 * How Groq answers a transcription or translation. Groq offers these three; it does not
 * offer OpenAI's {@code srt} and {@code vtt} (its speech-to-text docs list {@code json},
 * {@code verbose_json} and {@code text}, as do its SDKs).
 */
public enum AudioResponseFormat {

	/** The text alone, as JSON ({@code {"text": ...}}): Groq's default. */
	JSON("json"),

	/**
	 * The text with the task, the language, the audio's duration and, as asked with
	 * {@link TimestampGranularity}, its segments and words with their times.
	 */
	VERBOSE_JSON("verbose_json"),

	/** The text alone, as {@code text/plain}. */
	TEXT("text");

	private final String wireValue;

	AudioResponseFormat(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value sent as {@code response_format}.
	 * @return e.g. {@code verbose_json}
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
