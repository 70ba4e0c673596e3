package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 401: the API key is missing, wrong or revoked. Retrying cannot help; fix {@code GROQ_API_KEY}.
 */
public class GroqAuthenticationException extends GroqApiException {

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public GroqAuthenticationException(String message, int statusCode, GroqError error, @Nullable String requestId,
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
	public GroqAuthenticationException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
	}

}
