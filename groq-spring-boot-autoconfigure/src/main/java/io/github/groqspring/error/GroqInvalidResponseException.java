package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Groq answered with a success status but a body that is not the JSON expected (a proxy's
 * page, a truncated body).
 */
public class GroqInvalidResponseException extends GroqException {

	/**
	 * Create the exception.
	 * @param message what was wrong with the body
	 * @param statusCode the HTTP status
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param cause the parse failure
	 */
	public GroqInvalidResponseException(String message, int statusCode, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Throwable cause) {
		super(message, statusCode, requestId, rateLimits, cause);
	}

	/**
	 * Create the exception for a call that gives up after some attempts.
	 * @param message what was wrong with the body
	 * @param statusCode the HTTP status
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param attempts how many requests the call had sent with this one, at least 1
	 * @param cause the parse failure
	 */
	public GroqInvalidResponseException(String message, int statusCode, @Nullable String requestId,
			RateLimits rateLimits, int attempts, @Nullable Throwable cause) {
		super(message, statusCode, requestId, rateLimits, attempts, cause);
	}

}
