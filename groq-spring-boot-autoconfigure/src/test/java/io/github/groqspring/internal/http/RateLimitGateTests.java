package io.github.groqspring.internal.http;

import java.time.Duration;

import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.RetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimitGateTests {

	private static final String KEY = "model llama-3.3-70b-versatile on tier flex";

	private final RateLimitGate gate = new RateLimitGate();

	@Test
	void aKeyWithBudgetLeftIsNotHeldBack() {
		this.gate.record(KEY, limits(5L, Duration.ofSeconds(30), null));
		long start = System.nanoTime();
		this.gate.await(KEY, budget(Duration.ofMillis(1)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void anExhaustedKeyWaitsForItsReset() {
		this.gate.record(KEY, limits(0L, Duration.ofMillis(60), null));
		long start = System.nanoTime();
		this.gate.await(KEY, budget(Duration.ofSeconds(10)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
	}

	@Test
	void aResetAfterTheDeadlineFailsAtOnceWithoutSending() {
		this.gate.record(KEY, limits(0L, Duration.ofSeconds(30), null));
		RateLimitExhaustedException failure = catchThrowableOfType(RateLimitExhaustedException.class,
				() -> this.gate.await(KEY, budget(Duration.ofSeconds(2))));
		assertThat(failure.getMessage()).startsWith("Not sent: Groq's rate limit for " + KEY + " is exhausted for another ")
			.endsWith(" ms, beyond this call's budget (PT2S, groq.call-timeout); groq.rate-limit.wait is on");
		assertThat(failure.getResetIn()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
		assertThat(failure.getStatusCode()).isZero();
		assertThat(failure.getAttempts()).isZero();
	}

	@Test
	void aFallbackThatIsNotSentCountsTheAttemptsBeforeIt() {
		this.gate.record(KEY, limits(0L, Duration.ofSeconds(30), null));
		RateLimitExhaustedException failure = catchThrowableOfType(RateLimitExhaustedException.class,
				() -> this.gate.await(KEY, budget(Duration.ofSeconds(2)).afterAttempts(3)));
		assertThat(failure.getAttempts()).isEqualTo(3);
	}

	@Test
	void retryAfterHoldsTheKeyBackEvenWithBudgetLeft() {
		this.gate.record(KEY, limits(100L, Duration.ofSeconds(1), Duration.ofSeconds(20)));
		assertThat(catchThrowableOfType(RateLimitExhaustedException.class,
				() -> this.gate.await(KEY, budget(Duration.ofSeconds(1)))).getResetIn())
			.isGreaterThan(Duration.ofSeconds(19));
	}

	@Test
	void anAnswerWithBudgetLeftDoesNotLiftABlockThatHasNotPassed() {
		this.gate.record(KEY, limits(0L, Duration.ofSeconds(30), null));
		this.gate.record(KEY, limits(10L, Duration.ofSeconds(30), null));
		assertThat(catchThrowableOfType(RateLimitExhaustedException.class,
				() -> this.gate.await(KEY, budget(Duration.ofSeconds(1))))).isNotNull();
	}

	@Test
	void cachedTokensWhichGroqDoesNotCountAreGivenBackBeforeTheBudgetCountsAsExhausted() {
		this.gate.record(KEY, limits(0L, Duration.ofSeconds(30), null), 120);
		this.gate.await(KEY, budget(Duration.ofMillis(1)));
		String other = "model llama-3.1-8b-instant on tier flex";
		this.gate.record(other, limits(-200L, Duration.ofSeconds(30), null), 120);
		assertThat(catchThrowableOfType(RateLimitExhaustedException.class,
				() -> this.gate.await(other, budget(Duration.ofSeconds(1))))).isNotNull();
	}

	@Test
	void keysAreIndependent() {
		this.gate.record(KEY, limits(0L, Duration.ofSeconds(30), null));
		this.gate.await("model llama-3.1-8b-instant on tier flex", budget(Duration.ofMillis(1)));
	}

	@Test
	void aBlockThatHasPassedIsForgotten() throws InterruptedException {
		this.gate.record(KEY, limits(0L, Duration.ofMillis(1), null));
		Thread.sleep(10);
		this.gate.await(KEY, budget(Duration.ofMillis(1)));
		this.gate.record(KEY, RateLimits.NONE);
		this.gate.await(KEY, budget(Duration.ofMillis(1)));
	}

	private static CallBudget budget(Duration callTimeout) {
		return CallBudget.start(RetrySettings.NONE, Duration.ofSeconds(1), callTimeout);
	}

	private static RateLimits limits(Long remainingTokens, Duration resetTokens, Duration retryAfter) {
		return new RateLimits(1000L, 900L, Duration.ofHours(1), 6000L, remainingTokens, resetTokens, retryAfter);
	}

}
