package io.github.groqspring.audio;

import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.internal.http.MultipartBody;
import org.jspecify.annotations.Nullable;

/**
 * A translation: speech in any language to English text
 * ({@code POST /openai/v1/audio/translations}). Sent as {@code multipart/form-data}, the
 * fields that are set in this order, the audio last: {@code model}, {@code prompt},
 * {@code response_format}, {@code temperature}, then {@code file} (or {@code url}).
 * Groq's translations take neither a {@code language} (they always produce English) nor
 * timestamp granularities, and no {@code service_tier}.
 *
 * <p>Groq's speech-to-text docs list only {@code whisper-large-v3} as translating
 * ({@code whisper-large-v3-turbo}: "Translation Support: No") while its SDKs allow both;
 * nothing is refused here, so that Groq's answer decides.
 *
 * @param model a speech-to-text model that translates, e.g. {@code whisper-large-v3}
 * @param file the audio
 * @param prompt English text to guide the style or continue a previous segment, at most
 * {@value TranscriptionRequest#MAX_PROMPT_CHARACTERS} characters
 * @param responseFormat how Groq answers, {@code null} for Groq's default ({@code json})
 * @param temperature 0 to 1, {@code null} for Groq's default (0)
 */
public record TranslationRequest(String model, AudioFile file, @Nullable String prompt,
		@Nullable AudioResponseFormat responseFormat, @Nullable Double temperature) {

	public TranslationRequest {
		AudioFields.requireModel(model);
		AudioFields.checkPrompt(prompt);
		AudioFields.checkTemperature(temperature);
	}

	/**
	 * Start building a translation.
	 * @param model a speech-to-text model that translates, e.g. {@code whisper-large-v3}
	 * @param file the audio
	 * @return a builder
	 */
	public static Builder builder(String model, AudioFile file) {
		return new Builder(model, file);
	}

	/** The parts, in the order they go on the wire. */
	List<MultipartBody.Part> parts() {
		List<MultipartBody.Part> parts = new ArrayList<>();
		parts.add(new MultipartBody.TextPart("model", this.model));
		AudioFields.add(parts, "prompt", this.prompt);
		AudioFields.add(parts, "response_format", (this.responseFormat != null) ? this.responseFormat.wireValue() : null);
		AudioFields.add(parts, "temperature", (this.temperature != null) ? AudioFields.number(this.temperature) : null);
		parts.add(AudioFields.audio(this.file));
		return parts;
	}

	/** Builds a {@link TranslationRequest}. */
	public static final class Builder {

		private final String model;

		private final AudioFile file;

		private @Nullable String prompt;

		private @Nullable AudioResponseFormat responseFormat;

		private @Nullable Double temperature;

		private Builder(String model, AudioFile file) {
			this.model = model;
			this.file = file;
		}

		/**
		 * English text that guides the model's style or continues a previous segment.
		 * @param prompt at most {@value TranscriptionRequest#MAX_PROMPT_CHARACTERS} characters
		 * @return this builder
		 */
		public Builder prompt(String prompt) {
			this.prompt = prompt;
			return this;
		}

		/**
		 * How Groq answers.
		 * @param responseFormat {@code JSON} (Groq's default), {@code VERBOSE_JSON} (with
		 * segments) or {@code TEXT}
		 * @return this builder
		 */
		public Builder responseFormat(AudioResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Sampling temperature.
		 * @param temperature 0 to 1
		 * @return this builder
		 */
		public Builder temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when a field is out of Groq's range
		 */
		public TranslationRequest build() {
			return new TranslationRequest(this.model, this.file, this.prompt, this.responseFormat, this.temperature);
		}

	}

}
