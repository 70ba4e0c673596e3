package io.github.groqspring.audio;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Text to speech ({@code POST /openai/v1/audio/speech}), sent as JSON with the fields in this
 * order: {@code model}, {@code input}, {@code voice}, {@code response_format}, then
 * {@code sample_rate} and {@code speed} when set. Never a {@code service_tier}.
 *
 * <p>Groq's speech models are Canopy Labs' Orpheus ({@code canopylabs/orpheus-v1-english},
 * {@code canopylabs/orpheus-arabic-saudi}, since PlayAI's were retired at the end of 2025).
 * Their docs set two limits, checked here for the Orpheus models: the input is at most
 * {@value #MAX_ORPHEUS_INPUT_CHARACTERS} characters, and WAV is the only format. The
 * English model reads bracketed directions such as {@code [cheerful]} or {@code [whisper]};
 * its voices are {@code autumn}, {@code diana}, {@code hannah}, {@code austin},
 * {@code daniel} and {@code troy} (the voice stays an open value: Groq adds some).
 *
 * @param model a text-to-speech model, e.g. {@code canopylabs/orpheus-v1-english}
 * @param input the text to speak
 * @param voice the voice, e.g. {@code troy}
 * @param responseFormat the audio format, {@value #WAV} unless set: the only one Orpheus
 * speaks, sent always since Groq's API reference names another default ({@code mp3})
 * @param sampleRate the sample rate in Hz, {@code null} for the model's own (its effect on
 * Orpheus is not documented)
 * @param speed the speed, 0.5 to 5, {@code null} for the model's own (its effect on Orpheus
 * is not documented)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeechRequest(String model, String input, String voice,
		@JsonProperty("response_format") String responseFormat, @JsonProperty("sample_rate") @Nullable Integer sampleRate,
		@Nullable Double speed) {

	/** WAV, Orpheus's only format. */
	public static final String WAV = "wav";

	/** The longest input Orpheus takes ("The input text length is limited to 200 characters", Groq's docs). */
	public static final int MAX_ORPHEUS_INPUT_CHARACTERS = 200;

	public SpeechRequest {
		if (model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank: name a text-to-speech model such as "
					+ "canopylabs/orpheus-v1-english");
		}
		if (input.isBlank()) {
			throw new IllegalArgumentException("input must not be blank: it is the text to speak");
		}
		if (voice.isBlank()) {
			throw new IllegalArgumentException("voice must not be blank, e.g. troy or hannah");
		}
		if (responseFormat.isBlank()) {
			throw new IllegalArgumentException("responseFormat must not be blank, e.g. wav");
		}
		if (speed != null && !(speed >= 0.5 && speed <= 5)) {
			throw new IllegalArgumentException("speed must be between 0.5 and 5, was " + speed);
		}
		if (sampleRate != null && sampleRate < 1) {
			throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
		}
		if (isOrpheus(model)) {
			int length = input.codePointCount(0, input.length());
			if (length > MAX_ORPHEUS_INPUT_CHARACTERS) {
				throw new IllegalArgumentException(model + " speaks at most " + MAX_ORPHEUS_INPUT_CHARACTERS
						+ " characters per request (Groq's limit), the input has " + length
						+ ": split the text and speak each part");
			}
			if (!responseFormat.equals(WAV)) {
				throw new IllegalArgumentException(model + " answers only in wav (Groq's docs), not " + responseFormat);
			}
		}
	}

	/**
	 * Start building a request.
	 * @param model a text-to-speech model, e.g. {@code canopylabs/orpheus-v1-english}
	 * @param input the text to speak
	 * @param voice the voice, e.g. {@code troy}
	 * @return a builder
	 */
	public static Builder builder(String model, String input, String voice) {
		return new Builder(model, input, voice);
	}

	private static boolean isOrpheus(String model) {
		return model.toLowerCase(Locale.ROOT).startsWith("canopylabs/orpheus");
	}

	/** Builds a {@link SpeechRequest}. */
	public static final class Builder {

		private final String model;

		private final String input;

		private final String voice;

		private String responseFormat = WAV;

		private @Nullable Integer sampleRate;

		private @Nullable Double speed;

		private Builder(String model, String input, String voice) {
			this.model = model;
			this.input = input;
			this.voice = voice;
		}

		/**
		 * The audio format.
		 * @param responseFormat e.g. {@code wav} (the default, and Orpheus's only one)
		 * @return this builder
		 */
		public Builder responseFormat(String responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * The sample rate.
		 * @param sampleRate in Hz, e.g. 24000
		 * @return this builder
		 */
		public Builder sampleRate(int sampleRate) {
			this.sampleRate = sampleRate;
			return this;
		}

		/**
		 * The speed.
		 * @param speed 0.5 to 5, 1 for normal
		 * @return this builder
		 */
		public Builder speed(double speed) {
			this.speed = speed;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when a field is out of Groq's range
		 */
		public SpeechRequest build() {
			return new SpeechRequest(this.model, this.input, this.voice, this.responseFormat, this.sampleRate,
					this.speed);
		}

	}

}
