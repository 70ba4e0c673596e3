package io.github.groqspring.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.github.groqspring.internal.http.MultipartBody;
import org.jspecify.annotations.Nullable;

/**
 * A transcription: speech to text in the audio's own language
 * ({@code POST /openai/v1/audio/transcriptions}). Sent as {@code multipart/form-data}, the
 * fields that are set in this order, the audio last (so that every field has arrived before
 * the file's bytes): {@code model}, {@code language}, {@code prompt},
 * {@code response_format}, {@code temperature}, one {@code timestamp_granularities[]} per
 * granularity, then {@code file} (or {@code url}). Never a {@code service_tier}: Groq's
 * audio endpoints take none.
 *
 * <pre>{@code
 * Transcription transcript = groq.audio().transcribe(TranscriptionRequest
 *         .builder("whisper-large-v3-turbo", AudioFile.of(Path.of("meeting.m4a")))
 *         .language("en")
 *         .timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)
 *         .build());
 * }</pre>
 *
 * @param model a speech-to-text model, e.g. {@code whisper-large-v3-turbo}
 * @param file the audio
 * @param language the audio's language, ISO-639-1 (e.g. {@code en}), {@code null} to let the
 * model detect it
 * @param prompt text in the audio's language to guide the style or continue a previous
 * segment, at most {@value #MAX_PROMPT_CHARACTERS} characters
 * @param responseFormat how Groq answers, {@code null} for Groq's default ({@code json})
 * @param temperature 0 to 1, {@code null} for Groq's default (0)
 * @param timestampGranularities the timestamps of a {@code verbose_json} answer, empty for
 * Groq's default (segments)
 */
public record TranscriptionRequest(String model, AudioFile file, @Nullable String language, @Nullable String prompt,
		@Nullable AudioResponseFormat responseFormat, @Nullable Double temperature,
		List<TimestampGranularity> timestampGranularities) {

	/**
	 * The longest prompt Groq takes: "prompt length must be 896 characters or fewer" (its
	 * 400; the docs say 224 tokens).
	 */
	public static final int MAX_PROMPT_CHARACTERS = 896;

	public TranscriptionRequest {
		AudioFields.requireModel(model);
		if (language != null && language.isBlank()) {
			throw new IllegalArgumentException("language must not be blank: use an ISO-639-1 code such as en, "
					+ "or leave it unset to let the model detect it");
		}
		AudioFields.checkPrompt(prompt);
		AudioFields.checkTemperature(temperature);
		timestampGranularities = List.copyOf(new LinkedHashSet<>(timestampGranularities));
		if (!timestampGranularities.isEmpty() && responseFormat != AudioResponseFormat.VERBOSE_JSON) {
			throw new IllegalArgumentException("Timestamps come only with response_format verbose_json, not "
					+ responseFormat + ": set responseFormat(AudioResponseFormat.VERBOSE_JSON) or leave it unset");
		}
	}

	/**
	 * Start building a transcription.
	 * @param model a speech-to-text model, e.g. {@code whisper-large-v3-turbo}
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
		AudioFields.add(parts, "language", this.language);
		AudioFields.add(parts, "prompt", this.prompt);
		AudioFields.add(parts, "response_format", (this.responseFormat != null) ? this.responseFormat.wireValue() : null);
		AudioFields.add(parts, "temperature", (this.temperature != null) ? AudioFields.number(this.temperature) : null);
		for (TimestampGranularity granularity : this.timestampGranularities) {
			parts.add(new MultipartBody.TextPart("timestamp_granularities[]", granularity.wireValue()));
		}
		parts.add(AudioFields.audio(this.file));
		return parts;
	}

	/** Builds a {@link TranscriptionRequest}. */
	public static final class Builder {

		private final String model;

		private final AudioFile file;

		private @Nullable String language;

		private @Nullable String prompt;

		private @Nullable AudioResponseFormat responseFormat;

		private @Nullable Double temperature;

		private final List<TimestampGranularity> timestampGranularities = new ArrayList<>();

		private Builder(String model, AudioFile file) {
			this.model = model;
			this.file = file;
		}

		/**
		 * The audio's language, which improves accuracy and latency.
		 * @param language ISO-639-1, e.g. {@code en} or {@code fr}
		 * @return this builder
		 */
		public Builder language(String language) {
			this.language = language;
			return this;
		}

		/**
		 * Text in the audio's language that guides the model's style, spelling or vocabulary,
		 * or continues a previous segment.
		 * @param prompt at most {@value TranscriptionRequest#MAX_PROMPT_CHARACTERS} characters
		 * @return this builder
		 */
		public Builder prompt(String prompt) {
			this.prompt = prompt;
			return this;
		}

		/**
		 * How Groq answers.
		 * @param responseFormat {@code JSON} (Groq's default), {@code VERBOSE_JSON} or {@code TEXT}
		 * @return this builder
		 */
		public Builder responseFormat(AudioResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Sampling temperature; at 0 the model raises it by itself where its log
		 * probabilities call for it (Groq's docs).
		 * @param temperature 0 to 1
		 * @return this builder
		 */
		public Builder temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * The timestamps to return, which need a {@code verbose_json} answer: when no response
		 * format is set, {@code verbose_json} is asked for.
		 * @param granularities {@code WORD}, {@code SEGMENT} or both
		 * @return this builder
		 */
		public Builder timestampGranularities(TimestampGranularity... granularities) {
			this.timestampGranularities.addAll(List.of(granularities));
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException when a field is out of Groq's range
		 */
		public TranscriptionRequest build() {
			AudioResponseFormat format = (this.responseFormat == null && !this.timestampGranularities.isEmpty())
					? AudioResponseFormat.VERBOSE_JSON : this.responseFormat;
			return new TranscriptionRequest(this.model, this.file, this.language, this.prompt, format,
					this.temperature, this.timestampGranularities);
		}

	}

}
