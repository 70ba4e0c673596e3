package io.github.groqspring.audio;

import java.time.Duration;

import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Speech Groq produced, whole in memory.
 *
 * @param audio the audio file's bytes, e.g. a WAV file
 * @param contentType the answer's {@code Content-Type}, e.g. {@code audio/wav}
 * @param duration the audio's length, read from the WAV header and the bytes received;
 * {@code null} when the audio is not WAV
 * @param metadata the response's status, request id, rate limits and attempts
 */
public record SpeechAudio(byte[] audio, String contentType, @Nullable Duration duration, ResponseMetadata metadata) {

	@Override
	public String toString() {
		return "SpeechAudio[" + this.audio.length + " bytes, " + this.contentType + ", " + this.duration + ", "
				+ this.metadata + "]";
	}

}
