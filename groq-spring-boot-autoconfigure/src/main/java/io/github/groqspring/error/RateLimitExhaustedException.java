package io.github.groqspring.error;

import java.time.Duration;

import io.github.groqspring.http.RateLimits;

/**
 * Not sent: rate-limit pacing ({@code groq.rate-limit.*}) found that Groq's budget for the
 * call's model and tier would not refill enough before the call's deadline, so the request
 * was not sent at all. {@link #getResetIn()} is how long the refill would take.
 * {@link #getAttempts()} counts the requests the call had sent before: 0 when it sent nothing
 * at all, more after retries or a flex fallback.
 */
public class RateLimitExhaustedException extends GroqException {

	private final Duration resetIn;

	/**
	 * Create the exception for a call that sent nothing.
	 * @param message what was not sent and why
	 * @param resetIn how long until the budget has refilled enough for the call
	 */
	public RateLimitExhaustedException(String message, Duration resetIn) {
		this(message, resetIn, 0);
	}

	/**
	 * Create the exception for a call that had sent requests before, e.g. on flex before
	 * falling back to another tier.
	 * @param message what was not sent and why
	 * @param resetIn how long until the budget has refilled enough for the call
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
