package io.github.groqspring.internal.http;

import java.time.Duration;

import io.github.groqspring.error.GroqException;

/**
 * Told about the retries of one call, as Spring Framework's {@code RetryListener} is told
 * about a {@code RetryTemplate}'s: how the observation of a call learns about them, without
 * the HTTP layer knowing observations.
 */
@FunctionalInterface
public interface RetryListener {

	/** A listener that does nothing. */
	RetryListener NONE = (failure, attempt, wait) -> {
	};

	/**
	 * An attempt failed with a failure worth retrying, and the request is sent again once
	 * the wait is over.
	 * @param failure why the attempt failed
	 * @param attempt the number of the attempt that failed, counting every request of the
	 * call (1 for the first)
	 * @param wait how long the call waits before sending again
	 */
	void beforeRetry(GroqException failure, int attempt, Duration wait);

}
