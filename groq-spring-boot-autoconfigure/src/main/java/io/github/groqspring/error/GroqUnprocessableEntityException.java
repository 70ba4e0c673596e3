package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 422: Groq understood the request but could not process it; Groq says a retry may help.
 */
public class GroqUnprocessableEntityException extends GroqApiException {

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public GroqUnprocessableEntityException(String message, int statusCode, GroqError error, @Nullable String requestId, RateLimits rateLimits) {
		super(message, statusCode, error, requestId, rateLimits);
	}

}
