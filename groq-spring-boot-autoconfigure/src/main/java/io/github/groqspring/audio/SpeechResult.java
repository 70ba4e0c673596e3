package io.github.groqspring.audio;

import java.time.Duration;

import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Speech Groq produced, written to a stream or a file.
 *
 * @param contentType the answer's {@code Content-Type}, e.g. {@code audio/wav}
 * @param bytes how many bytes were written
 * @param duration the audio's length, read from the WAV header and the bytes received;
 * {@code null} when the audio is not WAV
 * @param metadata the response's status, request id, rate limits and attempts
 */
public record SpeechResult(String contentType, long bytes, @Nullable Duration duration, ResponseMetadata metadata) {
}
