package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 400 because the organisation may not use the requested service tier (e.g.
 * {@code auto} or {@code performance} on a free plan). Never retried: change the tier.
 */
public class ServiceTierNotAvailableException extends GroqBadRequestException {

	private final @Nullable String serviceTier;

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param serviceTier the refused tier, as named by Groq or as sent
	 */
	public ServiceTierNotAvailableException(String message, int statusCode, GroqError error,
			@Nullable String requestId, RateLimits rateLimits, @Nullable String serviceTier) {
		this(message, statusCode, error, requestId, rateLimits, null, 1, serviceTier);
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
	 * @param serviceTier the refused tier, as named by Groq or as sent
	 */
	public ServiceTierNotAvailableException(String message, int statusCode, GroqError error,
			@Nullable String requestId, RateLimits rateLimits, @Nullable Boolean retryHint, int attempts,
			@Nullable String serviceTier) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
		this.serviceTier = serviceTier;
	}

	/**
	 * The tier the organisation may not use.
	 * @return its wire value, e.g. {@code auto}
	 */
	public @Nullable String getServiceTier() {
		return this.serviceTier;
	}

}
