package io.github.groqspring.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Polls a batch, or a job of batches, until it finishes, telling a listener each time what
 * it reports changes.
 */
final class BatchPoller {

	/** A batch: finished when terminal, changed when its status or counts are. */
	static final Watch<Batch> BATCH = new Watch<>() {

		@Override
		public boolean isFinished(Batch batch) {
			return batch.isFinished();
		}

		@Override
		public boolean changed(Batch previous, Batch current) {
			return previous.status() != current.status() || !previous.requestCounts().equals(current.requestCounts());
		}

		@Override
		public RuntimeException timedOut(Batch batch, Duration timeout) {
			return new BatchAwaitTimeoutException(batch, timeout);
		}

		@Override
		public String describe(Batch batch) {
			return "batch " + batch.id() + " (" + batch.status() + ")";
		}

	};

	private final Sleeper sleeper;

	private final Clock clock;

	BatchPoller(Sleeper sleeper, Clock clock) {
		this.sleeper = sleeper;
		this.clock = clock;
	}

	<T> T await(Supplier<T> poll, Watch<T> watch, BatchPolling polling, Consumer<T> onProgress) {
		Instant start = this.clock.instant();
		Duration interval = polling.initialInterval();
		@Nullable T previous = null;
		while (true) {
			T current = poll.get();
			if (previous == null || watch.changed(previous, current)) {
				onProgress.accept(current);
			}
			previous = current;
			if (watch.isFinished(current)) {
				return current;
			}
			Duration wait = interval;
			Duration timeout = polling.timeout();
			if (timeout != null) {
				Duration left = timeout.minus(Duration.between(start, this.clock.instant()));
				if (left.isNegative() || left.isZero()) {
					throw watch.timedOut(current, timeout);
				}
				wait = (left.compareTo(wait) < 0) ? left : wait;
			}
			sleep(watch.describe(current), wait);
			interval = polling.next(interval);
		}
	}

	private void sleep(String waitingFor, Duration wait) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + waitingFor + "; it goes on at Groq", ex);
		}
	}

	/** What the poller needs to know about what it polls. */
	interface Watch<T> {

		boolean isFinished(T state);

		boolean changed(T previous, T current);

		RuntimeException timedOut(T state, Duration timeout);

		/** For messages, e.g. {@code batch batch_01 (in_progress)}. */
		String describe(T state);

	}

	/** Waits between polls; {@link Thread#sleep} outside tests. */
	@FunctionalInterface
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

}
