package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Base of every exception a Groq call raises. Unchecked; never carries the API key.
 */
public class GroqException extends RuntimeException {

	private final int statusCode;

	private final @Nullable String requestId;

	private final RateLimits rateLimits;

	private int attempts = 1;

	/**
	 * Create an exception.
	 * @param message what went wrong and what to do
	 * @param statusCode the HTTP status, 0 when no response arrived
	 * @param requestId Groq's request id, when known
	 * @param rateLimits the response's rate limits, {@link RateLimits#NONE} without a response
	 * @param cause the cause, may be {@code null}
	 */
	public GroqException(String message, int statusCode, @Nullable String requestId, RateLimits rateLimits,
			@Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
		this.requestId = requestId;
		this.rateLimits = rateLimits;
	}

	/**
	 * The HTTP status of the response.
	 * @return the status, or 0 when no response arrived (connection failure, timeout)
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Groq's request id ({@code x-request-id}), to quote to Groq support.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * The rate limits the response reported.
	 * @return the limits, {@link RateLimits#NONE} when there was no response
	 */
	public RateLimits getRateLimits() {
		return this.rateLimits;
	}

	/**
	 * How many attempts the call made before giving up with this exception.
	 * @return the attempts, at least 1
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Record how many attempts were made; set by the HTTP layer when it gives up.
	 * @param attempts the attempts, at least 1
	 */
	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

}
