package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 404: e.g. the model does not exist or this key has no access to it.
 */
public class GroqNotFoundException extends GroqApiException {

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public GroqNotFoundException(String message, int statusCode, GroqError error, @Nullable String requestId, RateLimits rateLimits) {
		super(message, statusCode, error, requestId, rateLimits);
	}

}
