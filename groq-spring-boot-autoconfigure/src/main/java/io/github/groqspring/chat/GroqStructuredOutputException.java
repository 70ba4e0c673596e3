package io.github.groqspring.chat;

import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * The model's answer is not JSON for the record asked for: no content, invalid JSON, or
 * JSON of another shape. The raw answer is kept to log or to repair.
 */
public class GroqStructuredOutputException extends GroqException {

	private final @Nullable String content;

	private final Class<?> targetType;

	/**
	 * Create the exception.
	 * @param message what was wrong with the answer
	 * @param content the model's raw answer, {@code null} when it had none
	 * @param targetType the record the answer should have matched
	 * @param statusCode the HTTP status of the response, 0 when not from a response
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param cause the parse failure, may be {@code null}
	 */
	public GroqStructuredOutputException(String message, @Nullable String content, Class<?> targetType,
			int statusCode, @Nullable String requestId, RateLimits rateLimits, @Nullable Throwable cause) {
		this(message, content, targetType, statusCode, requestId, rateLimits, 1, cause);
	}

	/**
	 * Create the exception for an answer that took some requests to get.
	 * @param message what was wrong with the answer
	 * @param content the model's raw answer, {@code null} when it had none
	 * @param targetType the record the answer should have matched
	 * @param statusCode the HTTP status of the response, 0 when not from a response
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param attempts how many requests the call sent for the answer (retries and a flex
	 * fallback included), at least 1
	 * @param cause the parse failure, may be {@code null}
	 */
	public GroqStructuredOutputException(String message, @Nullable String content, Class<?> targetType,
			int statusCode, @Nullable String requestId, RateLimits rateLimits, int attempts,
			@Nullable Throwable cause) {
		super(message, statusCode, requestId, rateLimits, attempts, cause);
		this.content = content;
		this.targetType = targetType;
	}

	/**
	 * The model's answer exactly as it came.
	 * @return the raw content, or {@code null} when the answer had none
	 */
	public @Nullable String getContent() {
		return this.content;
	}

	/**
	 * The record the answer should have matched.
	 * @return the type
	 */
	public Class<?> getTargetType() {
		return this.targetType;
	}

}
