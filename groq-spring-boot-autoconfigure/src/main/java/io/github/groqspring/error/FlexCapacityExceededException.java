package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 498, Groq's own status: the {@code flex} tier has no capacity right now. Transient:
 * retry with jittered backoff, or send the request again on another tier.
 */
public class FlexCapacityExceededException extends GroqApiException {

	/** Groq's status for flex capacity exceeded. */
	public static final int STATUS = 498;

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public FlexCapacityExceededException(String message, int statusCode, GroqError error, @Nullable String requestId,
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
	public FlexCapacityExceededException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
	}

}
