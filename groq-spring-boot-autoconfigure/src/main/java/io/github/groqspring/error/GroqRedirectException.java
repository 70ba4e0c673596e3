package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * A 3xx status: Groq's API never redirects, so the base URL points somewhere else (a proxy,
 * {@code http://} instead of {@code https://}, another host). No call follows a redirect,
 * which would send the request, as a {@code GET} after 301, 302 or 303, to wherever
 * {@link #getLocation()} says; fix {@code groq.base-url} instead. Not retried.
 */
public class GroqRedirectException extends GroqApiException {

	private final @Nullable String location;

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status, 300 to 399
	 * @param error the decoded error object, usually {@link GroqError#NONE}
	 * @param requestId the request id, when the response had one
	 * @param rateLimits the response's rate limits
	 * @param location the {@code Location} header, or {@code null} when there was none
	 */
	public GroqRedirectException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable String location) {
		this(message, statusCode, error, requestId, rateLimits, null, 1, location);
	}

	/**
	 * Create the exception for one attempt of a call, with Groq's retry advice.
	 * @param message the full message
	 * @param statusCode the HTTP status, 300 to 399
	 * @param error the decoded error object, usually {@link GroqError#NONE}
	 * @param requestId the request id, when the response had one
	 * @param rateLimits the response's rate limits
	 * @param retryHint Groq's {@code x-should-retry} header, {@code null} when it sent none
	 * @param attempts how many requests the call had sent with this one, at least 1
	 * @param location the {@code Location} header, or {@code null} when there was none
	 */
	public GroqRedirectException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts, @Nullable String location) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
		this.location = location;
	}

	/**
	 * Where the response wanted the request to go.
	 * @return the {@code Location} header as sent, with API keys and any user name and
	 * password masked (everything between {@code ://} and its last {@code @} becomes
	 * {@code ******}), or {@code null} when there was none
	 */
	public @Nullable String getLocation() {
		return this.location;
	}

}
