package io.github.groqspring.audio;

import java.math.BigDecimal;
import java.util.List;

import io.github.groqspring.internal.http.MultipartBody;
import org.jspecify.annotations.Nullable;

/** The checks and multipart fields that transcriptions and translations share. */
final class AudioFields {

	private AudioFields() {
	}

	static void requireModel(String model) {
		if (model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank: name a speech-to-text model such as "
					+ "whisper-large-v3-turbo");
		}
	}

	static void checkPrompt(@Nullable String prompt) {
		if (prompt == null) {
			return;
		}
		int length = prompt.codePointCount(0, prompt.length());
		if (length > TranscriptionRequest.MAX_PROMPT_CHARACTERS) {
			throw new IllegalArgumentException("prompt must be " + TranscriptionRequest.MAX_PROMPT_CHARACTERS
					+ " characters or fewer (Groq's limit), was " + length + ": shorten it");
		}
	}

	static void checkTemperature(@Nullable Double temperature) {
		if (temperature != null && !(temperature >= 0 && temperature <= 1)) {
			throw new IllegalArgumentException("temperature must be between 0 and 1, was " + temperature);
		}
	}

	static void add(List<MultipartBody.Part> parts, String name, @Nullable String value) {
		if (value != null) {
			parts.add(new MultipartBody.TextPart(name, value));
		}
	}

	/** A number as JSON would write it: {@code 0}, {@code 0.2}, never {@code 0.0} or {@code 2.0E-4}. */
	static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** The audio's part: the file, streamed, or the URL Groq fetches. */
	static MultipartBody.Part audio(AudioFile file) {
		String url = file.url();
		if (url != null) {
			return new MultipartBody.TextPart("url", url);
		}
		return new MultipartBody.FilePart("file", file.filename(), file.contentType(), file.length(), file::writeTo,
				file.isRepeatable());
	}

}
