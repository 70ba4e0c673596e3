package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Base of every exception a Groq call raises. Unchecked and immutable; never carries the
 * API key.
 */
public class GroqException extends RuntimeException {

	private final int statusCode;

	private final @Nullable String requestId;

	private final RateLimits rateLimits;

	private final int attempts;

	/**
	 * Create an exception for a call that sent one request (or none).
	 * @param message what went wrong and what to do
	 * @param statusCode the HTTP status, 0 when no response arrived
	 * @param requestId Groq's request id, when known
	 * @param rateLimits the response's rate limits, {@link RateLimits#NONE} without a response
	 * @param cause the cause, may be {@code null}
	 */
	public GroqException(String message, int statusCode, @Nullable String requestId, RateLimits rateLimits,
			@Nullable Throwable cause) {
		this(message, statusCode, requestId, rateLimits, 1, cause);
	}

	/**
	 * Create an exception for a call that gives up after some attempts.
	 * @param message what went wrong and what to do
	 * @param statusCode the HTTP status, 0 when no response arrived
	 * @param requestId Groq's request id, when known
	 * @param rateLimits the response's rate limits, {@link RateLimits#NONE} without a response
	 * @param attempts how many requests the call had sent: at least 1, or 0 for a call that
	 * sent nothing ({@link RateLimitExhaustedException})
	 * @param cause the cause, may be {@code null}
	 * @throws IllegalArgumentException when {@code attempts} is negative
	 */
	public GroqException(String message, int statusCode, @Nullable String requestId, RateLimits rateLimits,
			int attempts, @Nullable Throwable cause) {
		super(message, cause);
		if (attempts < 0) {
			throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
		}
		this.statusCode = statusCode;
		this.requestId = requestId;
		this.rateLimits = rateLimits;
		this.attempts = attempts;
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
	 * How many requests the call sent before giving up with this exception: its retries,
	 * and after a flex fallback the attempts on both tiers.
	 * @return the attempts: at least 1 for every exception but a
	 * {@link RateLimitExhaustedException} of a call that sent nothing, which has 0
	 */
	public int getAttempts() {
		return this.attempts;
	}

}
