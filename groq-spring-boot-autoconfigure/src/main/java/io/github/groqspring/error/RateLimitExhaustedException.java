package io.github.groqspring.error;

import java.time.Duration;

import io.github.groqspring.http.RateLimits;

/**
 * Not sent: with {@code groq.rate-limit.wait} on, Groq had said the rate limit is exhausted
 * until a reset that comes after this call's deadline. {@link #getAttempts()} is 0 when the
 * call sent nothing at all, and after a flex fallback the requests it had sent on flex.
 */
public class RateLimitExhaustedException extends GroqException {

	private final Duration resetIn;

	/**
	 * Create the exception for a call that sent nothing.
	 * @param message what was not sent and why
	 * @param resetIn how long until the limit resets
	 */
	public RateLimitExhaustedException(String message, Duration resetIn) {
		this(message, resetIn, 0);
	}

	/**
	 * Create the exception for a call that had sent requests before, e.g. on flex before
	 * falling back to another tier.
	 * @param message what was not sent and why
	 * @param resetIn how long until the limit resets
	 * @param attempts how many requests the call had sent, 0 when none
	 */
	public RateLimitExhaustedException(String message, Duration resetIn, int attempts) {
		super(message, 0, null, RateLimits.NONE, attempts, null);
		this.resetIn = resetIn;
	}

	/**
	 * How long until Groq's limit resets.
	 * @return the time to the reset
	 */
	public Duration getResetIn() {
		return this.resetIn;
	}

}
