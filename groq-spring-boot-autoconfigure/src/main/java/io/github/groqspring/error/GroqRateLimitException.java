package io.github.groqspring.error;

import java.time.Duration;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: a request or token rate limit of the tier was hit. {@link #getRetryAfter()}
 * says how long Groq asks the caller to wait.
 */
public class GroqRateLimitException extends GroqApiException {

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public GroqRateLimitException(String message, int statusCode, GroqError error, @Nullable String requestId,
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
	public GroqRateLimitException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
	}

	/**
	 * How long Groq asks the caller to wait ({@code retry-after-ms} or {@code retry-after}).
	 * @return the wait, or {@code null} when Groq did not say
	 */
	public @Nullable Duration getRetryAfter() {
		return getRateLimits().retryAfter();
	}

}
