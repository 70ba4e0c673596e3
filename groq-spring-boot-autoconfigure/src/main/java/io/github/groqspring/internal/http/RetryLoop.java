package io.github.groqspring.internal.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqRedirectException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import io.github.groqspring.http.RetrySettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;

/**
 * The one retry layer: runs attempts within a call's budget, waits as Groq asks
 * ({@code retry-after-ms}, {@code retry-after}) or with jittered exponential backoff, tells
 * the call's {@link RetryListener} before each retry, and gives up with the last typed
 * exception when retries are spent, the failure is not worth retrying, or the wait would
 * pass the deadline. Each attempt knows its number, counted across the whole call, so that
 * the exception it raises carries it from the start.
 */
final class RetryLoop {

	private static final Log logger = LogFactory.getLog(GroqHttpClient.class);

	private RetryLoop() {
	}

	/**
	 * Run attempts until one succeeds or the call gives up.
	 * @param <R> the result type
	 * @param budget the call's retries, deadline and prior attempts
	 * @param listener told before each retry
	 * @param attempt one attempt
	 * @param onRetried what a result becomes when it took more than one request
	 * @param transportFailure the exception for an attempt that got no usable response
	 * @param retryable whether a failure that {@link #isRetryable} refuses is worth another
	 * attempt all the same (e.g. a stream that broke before its first chunk)
	 * @return the result of the successful attempt
	 */
	static <R> R run(CallBudget budget, RetryListener listener, Attempt<R> attempt, Retried<R> onRetried,
			TransportFailure transportFailure, Predicate<GroqException> retryable) {
		return runWithPolicy(budget, listener, attempt, onRetried, transportFailure,
				(failure) -> isRetryable(failure) || retryable.test(failure));
	}

	/**
	 * Run attempts until one succeeds or the call gives up, retrying exactly the failures a
	 * policy names (instead of {@link #isRetryable}), e.g. {@link #isRetryableUpload}.
	 * @param <R> the result type
	 * @param budget the call's retries, deadline and prior attempts
	 * @param listener told before each retry
	 * @param attempt one attempt
	 * @param onRetried what a result becomes when it took more than one request
	 * @param transportFailure the exception for an attempt that got no usable response
	 * @param policy whether a failure is worth another attempt
	 * @return the result of the successful attempt
	 */
	static <R> R runWithPolicy(CallBudget budget, RetryListener listener, Attempt<R> attempt, Retried<R> onRetried,
			TransportFailure transportFailure, Predicate<GroqException> policy) {
		for (int number = 1;; number++) {
			int callAttempt = budget.priorAttempts() + number;
			// The gate may hold the attempt back (rate-limit pacing) or refuse it unsent.
			budget.gate().beforeAttempt(budget, callAttempt);
			long attemptDeadline = budget.attemptDeadlineNanos();
			try {
				AttemptTimeout.set(Duration.ofNanos(attemptDeadline - System.nanoTime()).toMillis());
				R result = attempt.run(attemptDeadline, callAttempt);
				return (callAttempt == 1) ? result : onRetried.withAttempts(result, callAttempt);
			}
			catch (ResourceAccessException ex) {
				GroqException failure = transportFailure.create(ex, callAttempt);
				budget.gate().afterFailure(failure);
				retryOrThrow(failure, number, budget, listener, policy);
			}
			catch (GroqException ex) {
				budget.gate().afterFailure(ex);
				retryOrThrow(ex, number, budget, listener, policy);
			}
			finally {
				AttemptTimeout.clear();
			}
		}
	}

	/**
	 * Whether a failure is worth another attempt: transport failures, 408, 409, 429, 498 and
	 * 5xx, unless Groq's {@code x-should-retry} header says otherwise; never a 3xx (nothing
	 * follows a redirect, so every attempt would get the same one, whatever the header
	 * says), a tier the organisation may not use, another 4xx, or an unreadable success body.
	 * @param failure the failure
	 * @return whether to retry
	 */
	static boolean isRetryable(GroqException failure) {
		if (failure instanceof GroqApiException api) {
			if (api instanceof GroqRedirectException) {
				return false;
			}
			if (api.getRetryHint() != null) {
				return api.getRetryHint();
			}
			if (api instanceof ServiceTierNotAvailableException) {
				return false;
			}
			int status = api.getStatusCode();
			return status == 408 || status == 409 || status == 429 || status == 498 || status >= 500;
		}
		return failure instanceof GroqTransportException;
	}

	/**
	 * Whether a failed request that carried an upload (a file, or a URL Groq fetches and
	 * processes) is worth sending again: only when Groq cannot have processed it, since an
	 * audio request is billed by its length. That is a connection that could not be made
	 * (refused, unknown host, connect timeout, no pooled connection in time: not one byte
	 * went out), and Groq's answers that say the request was not processed: 429 (rate
	 * limit), 498 (flex capacity), 500, 502 and 503 (Groq's errors page: server errors are
	 * not charged). Groq's {@code x-should-retry: false} vetoes a retry; its {@code true}
	 * does not add one (it does not say that nothing was processed). Never a read timeout,
	 * a connection broken while the upload or the answer was under way, or a 504.
	 * @param failure the failure
	 * @return whether to send the upload again
	 */
	static boolean isRetryableUpload(GroqException failure) {
		if (failure instanceof GroqApiException api) {
			if (Boolean.FALSE.equals(api.getRetryHint())) {
				return false;
			}
			int status = api.getStatusCode();
			return status == 429 || status == 498 || status == 500 || status == 502 || status == 503;
		}
		return failure instanceof GroqTransportException && isConnectFailure(failure.getCause());
	}

	/**
	 * Whether a transport failure happened before a connection was made (so before any byte
	 * of the request was sent): refused, unreachable, unknown host, a connect timeout, or no
	 * connection from the pool in time.
	 */
	static boolean isConnectFailure(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return true;
			}
			String name = cause.getClass().getSimpleName();
			if (name.contains("ConnectTimeout") || name.contains("ConnectionRequestTimeout")) {
				return true;
			}
		}
		return false;
	}

	private static void retryOrThrow(GroqException failure, int number, CallBudget budget, RetryListener listener,
			Predicate<GroqException> policy) {
		RetrySettings retry = budget.retry();
		if (number > retry.maxRetries() || !policy.test(failure)) {
			throw failure;
		}
		Duration wait = waitBeforeRetry(failure, number - 1, retry);
		if (wait.compareTo(budget.remaining()) >= 0) {
			throw failure;
		}
		int attempt = budget.priorAttempts() + number;
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying Groq call in " + wait.toMillis() + " ms after attempt " + attempt + ": "
					+ failure.getMessage());
		}
		listener.beforeRetry(failure, attempt, wait);
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
	 * number, counted across the call (1 for its first request).
	 */
	@FunctionalInterface
	interface Attempt<R> {

		R run(long attemptDeadline, int attempt);

	}

	/** What a result becomes when the call took more than one request. */
	@FunctionalInterface
	interface Retried<R> {

		R withAttempts(R result, int attempts);

	}

	/** The exception for an attempt that got no usable response. */
	@FunctionalInterface
	interface TransportFailure {

		GroqException create(ResourceAccessException failure, int attempt);

	}

}
