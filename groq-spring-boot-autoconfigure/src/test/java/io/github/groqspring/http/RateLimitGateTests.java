package io.github.groqspring.http;

import java.time.Duration;

import io.github.groqspring.error.RateLimitExhaustedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RateLimitGateTests {

	private static final RateLimits NO_TOKENS_LEFT = new RateLimits(14400L, 14000L, Duration.ofHours(1), 6000L, 0L,
			Duration.ofSeconds(30), null);

	private final RateLimitGate gate = new RateLimitGate();

	@Test
	void anExhaustedTokenBudgetHoldsTheNextCallBack() {
		this.gate.record("m", NO_TOKENS_LEFT);
		assertThatExceptionOfType(RateLimitExhaustedException.class).isThrownBy(() -> this.gate.await("m", budget()))
			.withMessageStartingWith("Not sent: Groq's rate limit for m is exhausted for another ");
	}

	@Test
	void cachedTokensWhichGroqDoesNotCountAreGivenBackBeforeTheBudgetCountsAsExhausted() {
		this.gate.record("m", NO_TOKENS_LEFT, 120);
		assertThatNoException().isThrownBy(() -> this.gate.await("m", budget()));
		RateLimits overdrawn = new RateLimits(null, null, null, 6000L, -200L, Duration.ofSeconds(30), null);
		this.gate.record("n", overdrawn, 120);
		assertThatExceptionOfType(RateLimitExhaustedException.class).isThrownBy(() -> this.gate.await("n", budget()));
	}

	private static CallBudget budget() {
		return CallBudget.start(RetrySettings.NONE, Duration.ofMillis(100), Duration.ofMillis(100));
	}

}
