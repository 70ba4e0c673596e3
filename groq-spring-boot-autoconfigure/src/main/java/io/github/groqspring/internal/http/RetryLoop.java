package io.github.groqspring.internal.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import io.github.groqspring.observation.GroqObservationContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.client.ResourceAccessException;
import io.github.groqspring.http.RetrySettings;

/**
 * The one retry layer: runs attempts within a call's budget, waits as Groq asks
 * ({@code retry-after-ms}, {@code retry-after}) or with jittered exponential backoff, and
 * gives up with the last typed exception when retries are spent, the failure is not worth
 * retrying, or the wait would pass the deadline.
 */
final class RetryLoop {

	private static final Log logger = LogFactory.getLog(GroqHttpClient.class);

	private RetryLoop() {
	}

	static <R> R run(CallBudget budget, Attempt<R> attempt, BiFunction<R, Integer, R> onRetried,
			Function<ResourceAccessException, GroqException> transportFailure) {
		for (int number = 1;; number++) {
			long attemptDeadline = budget.attemptDeadlineNanos();
			try {
				AttemptTimeout.set(Duration.ofNanos(attemptDeadline - System.nanoTime()).toMillis());
				R result = attempt.run(attemptDeadline, number);
				return (number == 1) ? result : onRetried.apply(result, number);
			}
			catch (ResourceAccessException ex) {
				retryOrThrow(transportFailure.apply(ex), number, budget);
			}
			catch (GroqException ex) {
				retryOrThrow(ex, number, budget);
			}
			finally {
				AttemptTimeout.clear();
			}
		}
	}

	/**
	 * Whether a failure is worth another attempt: transport failures, 408, 409, 429, 498 and
	 * 5xx, unless Groq's {@code x-should-retry} header says otherwise; never a tier the
	 * organisation may not use, another 4xx, or an unreadable success body. A stream that
	 * broke before its first chunk counts as a transport failure; one that delivered chunks
	 * is never retried.
	 * @param failure the failure
	 * @return whether to retry
	 */
	static boolean isRetryable(GroqException failure) {
		if (failure instanceof GroqApiException api) {
			if (api.getRetryHint() != null) {
				return api.getRetryHint();
			}
			if (api instanceof ServiceTierNotAvailableException) {
				return false;
			}
			int status = api.getStatusCode();
			return status == 408 || status == 409 || status == 429 || status == 498 || status >= 500;
		}
		if (failure instanceof GroqStreamTruncatedException truncated) {
			return truncated.getChunksReceived() == 0;
		}
		return failure instanceof GroqTransportException;
	}

	private static void retryOrThrow(GroqException failure, int attempt, CallBudget budget) {
		RetrySettings retry = budget.retry();
		if (attempt > retry.maxRetries() || !isRetryable(failure)) {
			failure.setAttempts(attempt);
			throw failure;
		}
		Duration wait = waitBeforeRetry(failure, attempt - 1, retry);
		if (wait.compareTo(budget.remaining()) >= 0) {
			failure.setAttempts(attempt);
			throw failure;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying Groq call in " + wait.toMillis() + " ms after attempt " + attempt + ": "
					+ failure.getMessage());
		}
		GroqObservationContext observation = GroqObservationContext.current();
		if (observation != null) {
			observation.recordRetry(failure.getStatusCode());
		}
		Sleeper.sleep(wait);
	}

	private static Duration waitBeforeRetry(GroqException failure, int retry, RetrySettings settings) {
		Duration retryAfter = failure.getRateLimits().retryAfter();
		if (retryAfter != null && !retryAfter.isZero() && retryAfter.compareTo(settings.maxRetryAfter()) <= 0) {
			return retryAfter;
		}
		return settings.backoff(retry, ThreadLocalRandom.current().nextDouble(0.75, 1.0));
	}

	/**
	 * One attempt, given the {@link System#nanoTime()} by which it must be done and its
	 * number, 1 for the first.
	 */
	@FunctionalInterface
	interface Attempt<R> {

		R run(long attemptDeadline, int attempt);

	}

}
