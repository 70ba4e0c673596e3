package io.github.groqspring.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Polls a batch until it finishes, telling a listener each time its status or counts change.
 */
final class BatchPoller {

	private final Function<String, Batch> fetch;

	private final Sleeper sleeper;

	private final Clock clock;

	BatchPoller(Function<String, Batch> fetch, Sleeper sleeper, Clock clock) {
		this.fetch = fetch;
		this.sleeper = sleeper;
		this.clock = clock;
	}

	Batch await(String batchId, BatchPolling polling, Consumer<Batch> onProgress) {
		Instant start = this.clock.instant();
		Duration interval = polling.initialInterval();
		Batch previous = null;
		while (true) {
			Batch batch = this.fetch.apply(batchId);
			if (changed(previous, batch)) {
				onProgress.accept(batch);
			}
			previous = batch;
			if (batch.isFinished()) {
				return batch;
			}
			Duration wait = interval;
			Duration timeout = polling.timeout();
			if (timeout != null) {
				Duration left = timeout.minus(Duration.between(start, this.clock.instant()));
				if (left.isNegative() || left.isZero()) {
					throw new BatchAwaitTimeoutException(batch, timeout);
				}
				wait = (left.compareTo(wait) < 0) ? left : wait;
			}
			sleep(batch, wait);
			interval = polling.next(interval);
		}
	}

	private void sleep(Batch batch, Duration wait) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(
					"Interrupted while waiting for batch " + batch.id() + " (" + batch.status() + "); it goes on at Groq",
					ex);
		}
	}

	private static boolean changed(@Nullable Batch previous, Batch batch) {
		return previous == null || previous.status() != batch.status()
				|| !previous.requestCounts().equals(batch.requestCounts());
	}

	/** Waits between polls; {@link Thread#sleep} outside tests. */
	@FunctionalInterface
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

}
