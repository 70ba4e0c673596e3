package io.github.groqspring.internal.http;

import java.time.Duration;

import io.github.groqspring.http.RetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallBudgetTests {

	private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1),
			Duration.ofSeconds(5));

	@Test
	void startPutsTheDeadlineOneCallTimeoutFromNow() {
		long before = System.nanoTime();
		CallBudget budget = CallBudget.start(RETRY, Duration.ofSeconds(2), Duration.ofSeconds(10));
		long after = System.nanoTime();
		assertThat(budget.deadlineNanos()).isBetween(before + Duration.ofSeconds(10).toNanos(),
				after + Duration.ofSeconds(10).toNanos());
		assertThat(budget.retry()).isSameAs(RETRY);
		assertThat(budget.readTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(budget.callTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(budget.priorAttempts()).isZero();
		assertThat(budget.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aTimeoutBeyondTheClocksRangeCountsAsTheLongestBudgetInsteadOfOverflowing() {
		Duration centuries = Duration.ofDays(110_000);
		CallBudget budget = CallBudget.start(RETRY, centuries, Duration.ofDays(110_000_000));
		long now = System.nanoTime();
		assertThat(budget.deadlineNanos() - now).isBetween(CallBudget.LONGEST.toNanos() - Duration.ofSeconds(5).toNanos(),
				CallBudget.LONGEST.toNanos());
		assertThat(budget.remaining()).isGreaterThan(Duration.ofDays(365L * 70));
		assertThat(budget.attemptDeadlineNanos() - now).isGreaterThan(Duration.ofDays(365L * 70).toNanos());
		assertThat(budget.callTimeout()).isEqualTo(Duration.ofDays(110_000_000));
	}

	@Test
	void remainingIsNeverNegative() {
		CallBudget spent = new CallBudget(RETRY, Duration.ofSeconds(1), System.nanoTime() - 1_000_000, Duration.ZERO,
				0, AttemptGate.NONE);
		assertThat(spent.remaining()).isZero();
	}

	@Test
	void anAttemptEndsAtTheReadTimeoutOrTheCallsDeadlineWhicheverIsSooner() {
		CallBudget shortRead = CallBudget.start(RETRY, Duration.ofSeconds(1), Duration.ofSeconds(60));
		long before = System.nanoTime();
		long attempt = shortRead.attemptDeadlineNanos();
		assertThat(attempt).isBetween(before + Duration.ofSeconds(1).toNanos(), System.nanoTime()
				+ Duration.ofSeconds(1).toNanos());
		CallBudget shortCall = CallBudget.start(RETRY, Duration.ofSeconds(60), Duration.ofSeconds(1));
		assertThat(shortCall.attemptDeadlineNanos()).isEqualTo(shortCall.deadlineNanos());
	}

	@Test
	void withoutRetriesKeepsTheDeadlineAndTheAttemptsSoFar() {
		CallBudget budget = CallBudget.start(RETRY, Duration.ofSeconds(2), Duration.ofSeconds(10)).afterAttempts(2);
		CallBudget once = budget.withoutRetries();
		assertThat(once.retry()).isSameAs(RetrySettings.NONE);
		assertThat(once.deadlineNanos()).isEqualTo(budget.deadlineNanos());
		assertThat(once.readTimeout()).isEqualTo(budget.readTimeout());
		assertThat(once.callTimeout()).isEqualTo(budget.callTimeout());
		assertThat(once.priorAttempts()).isEqualTo(2);
	}

	@Test
	void afterAttemptsKeepsTheDeadlineAndTheRetriesAndCountsOn() {
		CallBudget budget = CallBudget.start(RETRY, Duration.ofSeconds(2), Duration.ofSeconds(10));
		CallBudget fallback = budget.afterAttempts(3);
		assertThat(fallback.priorAttempts()).isEqualTo(3);
		assertThat(fallback.retry()).isSameAs(RETRY);
		assertThat(fallback.deadlineNanos()).isEqualTo(budget.deadlineNanos());
		assertThat(fallback.callTimeout()).isEqualTo(budget.callTimeout());
	}

}
