package io.github.groqspring.internal.http;

import java.time.Duration;

import io.github.groqspring.http.RetrySettings;

/**
 * The limits of one call: its retry settings, how long one attempt may take, the deadline
 * of the whole call (retries, waits and fallback included), and how many requests the call
 * sent before (on flex, before a fallback), so that attempts count across both tiers, and
 * the gate each attempt passes (rate-limit pacing).
 *
 * @param retry the retry settings
 * @param readTimeout how long one attempt's response may take, headers to last byte
 * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} clock
 * @param callTimeout the whole budget, for messages
 * @param priorAttempts requests the call sent before this part of it, 0 at its start
 * @param gate told before each attempt and after each failed one
 */
public record CallBudget(RetrySettings retry, Duration readTimeout, long deadlineNanos, Duration callTimeout,
		int priorAttempts, AttemptGate gate) {

	/**
	 * The longest budget a call is given: a quarter of the {@link System#nanoTime()} range,
	 * so that its deadline and the time left never wrap around.
	 */
	public static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 4);

	/**
	 * Start a call's budget now.
	 * @param retry the retry settings
	 * @param readTimeout how long one attempt may take
	 * @param callTimeout how long the whole call may take; beyond {@link #LONGEST} (some 73
	 * years) it counts as {@code LONGEST}, so that no setting overflows the clock
	 * @return the budget
	 */
	public static CallBudget start(RetrySettings retry, Duration readTimeout, Duration callTimeout) {
		return new CallBudget(retry, readTimeout, System.nanoTime() + nanos(callTimeout), callTimeout, 0,
				AttemptGate.NONE);
	}

	/**
	 * This budget without retries, for requests that must not be sent twice.
	 * @return a copy with {@link RetrySettings#NONE}
	 */
	public CallBudget withoutRetries() {
		return new CallBudget(RetrySettings.NONE, this.readTimeout, this.deadlineNanos, this.callTimeout,
				this.priorAttempts, this.gate);
	}

	/**
	 * The rest of this call's budget after it sent some requests, e.g. for its fallback to
	 * another tier: the same deadline, retries of its own, attempts counted on.
	 * @param attempts the requests the call has sent so far
	 * @return a copy
	 */
	public CallBudget afterAttempts(int attempts) {
		return new CallBudget(this.retry, this.readTimeout, this.deadlineNanos, this.callTimeout, attempts, this.gate);
	}

	/**
	 * This budget with attempts let through by a gate, e.g. rate-limit pacing.
	 * @param gate the gate
	 * @return a copy
	 */
	public CallBudget withGate(AttemptGate gate) {
		return new CallBudget(this.retry, this.readTimeout, this.deadlineNanos, this.callTimeout, this.priorAttempts,
				gate);
	}

	/**
	 * Time left before the deadline.
	 * @return the remaining time, never negative
	 */
	public Duration remaining() {
		long left = this.deadlineNanos - System.nanoTime();
		return Duration.ofNanos(Math.max(0, left));
	}

	/**
	 * The deadline of the next attempt: the read timeout from now, or the call's deadline
	 * if that is sooner.
	 * @return the attempt's deadline on the {@link System#nanoTime()} clock
	 */
	long attemptDeadlineNanos() {
		return Math.min(this.deadlineNanos, System.nanoTime() + nanos(this.readTimeout));
	}

	/** A duration in nanoseconds, at most {@link #LONGEST}'s. */
	private static long nanos(Duration duration) {
		return (duration.compareTo(LONGEST) > 0) ? LONGEST.toNanos() : duration.toNanos();
	}

}
