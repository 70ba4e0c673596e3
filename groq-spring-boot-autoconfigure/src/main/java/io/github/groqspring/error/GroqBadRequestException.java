package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 400: the request is invalid. For {@code tool_use_failed} and
 * {@code json_validate_failed}, {@link #getFailedGeneration()} holds what the model produced.
 */
public class GroqBadRequestException extends GroqApiException {

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public GroqBadRequestException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits) {
		this(message, statusCode, error, requestId, rateLimits, null, 1);
	}

	/**
	 * Create the exception for one attempt of a call, with Groq's retry advice.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param retryHint Groq's {@code x-should-retry} header, {@code null} when it sent none
	 * @param attempts how many requests the call had sent with this one, at least 1
	 */
	public GroqBadRequestException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
	}

	/**
	 * What the model generated before a tool-use or JSON-schema validation failed.
	 * @return the generation, or {@code null}
	 */
	public @Nullable String getFailedGeneration() {
		return getError().failedGeneration();
	}

}
