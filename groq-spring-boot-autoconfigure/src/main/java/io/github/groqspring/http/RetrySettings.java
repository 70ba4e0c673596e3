package io.github.groqspring.http;

import java.time.Duration;

/**
 * How failed calls are retried, like Groq's SDKs: exponential backoff
 * {@code min(initialBackoff * 2^n, maxBackoff)} times a jitter factor in [0.75, 1], and
 * Groq's {@code retry-after-ms}/{@code retry-after} honoured when it is positive and at most
 * {@code maxRetryAfter}.
 *
 * @param maxRetries retries after the first attempt, 0 for none
 * @param initialBackoff the first backoff
 * @param maxBackoff the longest backoff
 * @param maxRetryAfter the longest {@code retry-after} honoured; a longer one falls back to
 * the backoff
 */
public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/** Groq's SDK defaults: 2 retries, 0.5 s doubling to 8 s, retry-after up to 60 s. */
	public static final RetrySettings DEFAULTS = new RetrySettings(2, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(60));

	/** No retries. */
	public static final RetrySettings NONE = new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	public RetrySettings {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("Retry durations must not be negative");
		}
	}

	/**
	 * The backoff before a retry.
	 * @param retry 0 for the first retry
	 * @param jitter a factor in [0.75, 1]
	 * @return the wait
	 */
	public Duration backoff(int retry, double jitter) {
		double nanos = Math.min(this.initialBackoff.toNanos() * Math.pow(2, retry), this.maxBackoff.toNanos());
		return Duration.ofNanos((long) (nanos * jitter));
	}

}
