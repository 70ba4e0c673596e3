package io.github.groqspring.batch;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How {@code GroqBatchTemplate.await} polls a batch: the first interval doubles after each
 * poll up to a bound, so a short batch is seen finishing soon and a long one is not polled
 * more often than the bound allows.
 *
 * @param initialInterval the wait after the first poll
 * @param maxInterval the longest wait between polls
 * @param timeout how long to wait in all, {@code null} for as long as the batch takes
 * (Groq ends it by its completion window)
 */
public record BatchPolling(Duration initialInterval, Duration maxInterval, @Nullable Duration timeout) {

	/** From 1 second up to 30 seconds between polls, no timeout. */
	public static final BatchPolling DEFAULT = new BatchPolling(Duration.ofSeconds(1), Duration.ofSeconds(30), null);

	public BatchPolling {
		requirePositive("initialInterval", initialInterval);
		requirePositive("maxInterval", maxInterval);
		if (maxInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException(
					"maxInterval (" + maxInterval + ") must not be shorter than initialInterval (" + initialInterval + ")");
		}
		if (timeout != null) {
			requirePositive("timeout", timeout);
		}
	}

	/**
	 * Poll at a fixed interval.
	 * @param interval the wait between polls
	 * @return the polling
	 */
	public static BatchPolling every(Duration interval) {
		return new BatchPolling(interval, interval, null);
	}

	/**
	 * This polling, giving up after a while.
	 * @param timeout how long to wait in all
	 * @return a copy
	 */
	public BatchPolling withTimeout(Duration timeout) {
		return new BatchPolling(this.initialInterval, this.maxInterval, timeout);
	}

	Duration next(Duration interval) {
		Duration doubled = interval.multipliedBy(2);
		return (doubled.compareTo(this.maxInterval) > 0) ? this.maxInterval : doubled;
	}

	private static void requirePositive(String name, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
	}

}
