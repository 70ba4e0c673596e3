package io.github.groqspring.internal.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.RetrySettings;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The retry loop on its own: which failures it retries, how it numbers attempts across a
 * call, what it tells its listener, and when it gives up.
 */
class RetryLoopTests {

	private static final RetrySettings TWO_FAST_RETRIES = new RetrySettings(2, Duration.ofMillis(1),
			Duration.ofMillis(2), Duration.ofSeconds(1));

	private final List<String> told = new ArrayList<>();

	private final RetryListener listener = (failure, attempt, wait) -> this.told
		.add(attempt + ":" + failure.getStatusCode());

	private final List<Integer> attempts = new ArrayList<>();

	@Test
	void aFirstSuccessIsReturnedAsItIs() {
		String result = run(budget(TWO_FAST_RETRIES), (deadline, attempt) -> {
			this.attempts.add(attempt);
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(this.attempts).containsExactly(1);
		assertThat(this.told).isEmpty();
	}

	@Test
	void transientFailuresAreRetriedAndTheResultCountsEveryAttempt() {
		String result = run(budget(TWO_FAST_RETRIES), (deadline, attempt) -> {
			this.attempts.add(attempt);
			if (attempt < 3) {
				throw server(503, attempt);
			}
			return "ok";
		});
		assertThat(result).isEqualTo("ok after 3");
		assertThat(this.attempts).containsExactly(1, 2, 3);
		assertThat(this.told).containsExactly("1:503", "2:503");
	}

	@Test
	void spentRetriesThrowTheLastFailureWithItsAttempt() {
		GroqServerException failure = catchThrowableOfType(GroqServerException.class,
				() -> run(budget(TWO_FAST_RETRIES), (deadline, attempt) -> {
					this.attempts.add(attempt);
					throw server(500, attempt);
				}));
		assertThat(failure.getAttempts()).isEqualTo(3);
		assertThat(failure.getMessage()).isEqualTo("500 on attempt 3");
		assertThat(this.attempts).containsExactly(1, 2, 3);
		assertThat(this.told).containsExactly("1:500", "2:500");
	}

	@Test
	void aFailureNotWorthRetryingIsThrownAtOnce() {
		GroqBadRequestException failure = catchThrowableOfType(GroqBadRequestException.class,
				() -> run(budget(TWO_FAST_RETRIES), (deadline, attempt) -> {
					this.attempts.add(attempt);
					throw new GroqBadRequestException("400", 400, GroqError.NONE, null, RateLimits.NONE, null, attempt);
				}));
		assertThat(failure.getAttempts()).isEqualTo(1);
		assertThat(this.attempts).containsExactly(1);
		assertThat(this.told).isEmpty();
	}

	@Test
	void whatIsRetriedFollowsTheStatusAndGroqsAdvice() {
		assertThat(RetryLoop.isRetryable(api(408, null))).isTrue();
		assertThat(RetryLoop.isRetryable(api(409, null))).isTrue();
		assertThat(RetryLoop.isRetryable(api(429, null))).isTrue();
		assertThat(RetryLoop.isRetryable(api(498, null))).isTrue();
		assertThat(RetryLoop.isRetryable(api(500, null))).isTrue();
		assertThat(RetryLoop.isRetryable(api(400, null))).isFalse();
		assertThat(RetryLoop.isRetryable(api(404, null))).isFalse();
		assertThat(RetryLoop.isRetryable(api(302, null))).isFalse();
		assertThat(RetryLoop.isRetryable(api(503, false))).isFalse();
		assertThat(RetryLoop.isRetryable(api(400, true))).isTrue();
		assertThat(RetryLoop.isRetryable(new ServiceTierNotAvailableException("tier", 400, GroqError.NONE, null,
				RateLimits.NONE, "flex"))).isFalse();
		assertThat(RetryLoop.isRetryable(new GroqTransportException("reset", new IOException()))).isTrue();
		assertThat(RetryLoop.isRetryable(new GroqTimeoutException("late", new SocketTimeoutException()))).isTrue();
		assertThat(RetryLoop.isRetryable(new GroqException("other", 200, null, RateLimits.NONE, null))).isFalse();
	}

	@Test
	void theCallersPredicateRetriesWhatTheStatusRulesWouldNot() {
		String result = run(budget(TWO_FAST_RETRIES), (deadline, attempt) -> {
			if (attempt == 1) {
				throw new GroqException("cut before anything arrived", 200, null, RateLimits.NONE, attempt, null);
			}
			return "ok";
		}, (failure) -> failure.getMessage().startsWith("cut"));
		assertThat(result).isEqualTo("ok after 2");
		assertThat(this.told).containsExactly("1:200");
	}

	@Test
	void attemptsCountOnAfterThoseTheCallMadeBefore() {
		String result = run(budget(TWO_FAST_RETRIES).afterAttempts(3), (deadline, attempt) -> {
			this.attempts.add(attempt);
			if (attempt == 4) {
				throw server(502, attempt);
			}
			return "ok";
		});
		assertThat(result).isEqualTo("ok after 5");
		assertThat(this.attempts).containsExactly(4, 5);
		assertThat(this.told).containsExactly("4:502");
	}

	@Test
	void aCallThatSentRequestsBeforeReportsItsCountEvenWhenItsFirstAttemptHereSucceeds() {
		assertThat(run(budget(TWO_FAST_RETRIES).afterAttempts(2), (deadline, attempt) -> "ok"))
			.isEqualTo("ok after 3");
	}

	@Test
	void aBrokenConnectionBecomesATransportFailureOfItsAttemptAndIsRetried() {
		AtomicInteger calls = new AtomicInteger();
		GroqTransportException failure = catchThrowableOfType(GroqTransportException.class,
				() -> run(budget(TWO_FAST_RETRIES), (deadline, attempt) -> {
					calls.incrementAndGet();
					throw new ResourceAccessException("I/O error", new IOException("Connection reset"));
				}));
		assertThat(calls).hasValue(3);
		assertThat(failure.getAttempts()).isEqualTo(3);
		assertThat(failure.getMessage()).isEqualTo("reset on attempt 3");
		assertThat(this.told).containsExactly("1:0", "2:0");
	}

	@Test
	void groqsRetryAfterIsTheWaitWhenItIsShortEnough() {
		List<Duration> waits = new ArrayList<>();
		RetrySettings retry = new RetrySettings(1, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1));
		String result = RetryLoop.run(CallBudget.start(retry, Duration.ofSeconds(5), Duration.ofSeconds(30)),
				(failure, attempt, wait) -> waits.add(wait), (deadline, attempt) -> {
					if (attempt == 1) {
						throw rateLimited(Duration.ofMillis(20));
					}
					return "ok";
				}, (result1, count) -> result1, RetryLoopTests::transportFailure, (failure) -> false);
		assertThat(result).isEqualTo("ok");
		assertThat(waits).containsExactly(Duration.ofMillis(20));
	}

	@Test
	void aRetryAfterLongerThanTheMostHonouredFallsBackToTheBackoff() {
		List<Duration> waits = new ArrayList<>();
		RetrySettings retry = new RetrySettings(1, Duration.ofMillis(8), Duration.ofMillis(8), Duration.ofMillis(100));
		RetryLoop.run(CallBudget.start(retry, Duration.ofSeconds(5), Duration.ofSeconds(30)),
				(failure, attempt, wait) -> waits.add(wait), (deadline, attempt) -> {
					if (attempt == 1) {
						throw rateLimited(Duration.ofSeconds(30));
					}
					return "ok";
				}, (result, count) -> result, RetryLoopTests::transportFailure, (failure) -> false);
		assertThat(waits).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(6), Duration.ofMillis(8)));
	}

	@Test
	void aWaitThatWouldPassTheDeadlineIsNotTaken() {
		RetrySettings slow = new RetrySettings(2, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ZERO);
		long start = System.nanoTime();
		GroqServerException failure = catchThrowableOfType(GroqServerException.class,
				() -> run(CallBudget.start(slow, Duration.ofSeconds(1), Duration.ofSeconds(2)), (deadline, attempt) -> {
					this.attempts.add(attempt);
					throw server(503, attempt);
				}));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(failure.getAttempts()).isEqualTo(1);
		assertThat(this.attempts).containsExactly(1);
		assertThat(this.told).isEmpty();
	}

	@Test
	void eachAttemptSeesItsTimeLeftAndNothingIsLeftBehind() {
		List<Long> seen = new ArrayList<>();
		run(CallBudget.start(TWO_FAST_RETRIES, Duration.ofSeconds(5), Duration.ofSeconds(30)), (deadline, attempt) -> {
			seen.add(AttemptTimeout.currentMillis());
			if (attempt == 1) {
				throw server(503, attempt);
			}
			return "ok";
		});
		assertThat(seen).hasSize(2).allSatisfy((millis) -> assertThat(millis).isBetween(4_000L, 5_000L));
		assertThat(AttemptTimeout.currentMillis()).isNull();
	}

	@Test
	void anInterruptDuringTheWaitEndsTheCallAndKeepsTheFlag() {
		RetrySettings slow = new RetrySettings(1, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO);
		Thread.currentThread().interrupt();
		try {
			GroqException failure = catchThrowableOfType(GroqException.class,
					() -> run(CallBudget.start(slow, Duration.ofSeconds(1), Duration.ofSeconds(30)),
							(deadline, attempt) -> {
								throw server(503, attempt);
							}));
			assertThat(failure).hasMessage("Interrupted while waiting to retry a Groq call")
				.hasCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
			assertThat(this.told).containsExactly("1:503");
		}
		finally {
			Thread.interrupted();
		}
	}

	private String run(CallBudget budget, RetryLoop.Attempt<String> attempt) {
		return run(budget, attempt, (failure) -> false);
	}

	private String run(CallBudget budget, RetryLoop.Attempt<String> attempt,
			java.util.function.Predicate<GroqException> retryable) {
		return RetryLoop.run(budget, this.listener, attempt, (result, count) -> result + " after " + count,
				RetryLoopTests::transportFailure, retryable);
	}

	private static CallBudget budget(RetrySettings retry) {
		return CallBudget.start(retry, Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

	private static GroqException transportFailure(ResourceAccessException ex, int attempt) {
		return new GroqTransportException("reset on attempt " + attempt, attempt, ex.getCause());
	}

	private static GroqServerException server(int status, int attempt) {
		return new GroqServerException(status + " on attempt " + attempt, status, GroqError.NONE, null,
				RateLimits.NONE, null, attempt);
	}

	private static GroqApiException api(int status, Boolean retryHint) {
		return new GroqApiException(Integer.toString(status), status, GroqError.NONE, null, RateLimits.NONE,
				retryHint, 1);
	}

	private static GroqRateLimitException rateLimited(Duration retryAfter) {
		return new GroqRateLimitException("429", 429, GroqError.NONE, null,
				new RateLimits(null, null, null, null, null, null, retryAfter), null, 1);
	}

}
