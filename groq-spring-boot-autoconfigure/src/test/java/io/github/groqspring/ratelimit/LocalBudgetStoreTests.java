package io.github.groqspring.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalBudgetStore} on a clock the test moves: a continuously refilled bucket that
 * serves waiting callers in order, gives back what calls did not use, and takes Groq's
 * remaining headers as the truth at the time the answered request was admitted.
 */
class LocalBudgetStoreTests {

	private static final long SECOND = 1_000_000_000L;

	/** 1,000 tokens a minute (one every 60 ms), 100 requests a day. */
	private static final BudgetLimits LIMITS = new BudgetLimits(1000, Duration.ofMinutes(1), 100, Duration.ofDays(1));

	private static final BudgetKey KEY = new BudgetKey(BudgetKey.hash("http://localhost", "gsk_x"), "m", "on_demand");

	private final AtomicLong now = new AtomicLong(1_000 * SECOND);

	private final LocalBudgetStore store = new LocalBudgetStore(this.now::get);

	@Test
	void aCallWithinTheBudgetGoesAtOnceAndOneBeyondItWaitsForItsShareOfTheRefillInTurn() {
		BudgetReservation first = this.store.reserve(KEY, LIMITS, 600, 1, 0);
		assertThat(first.granted()).isTrue();
		assertThat(first.waitNanos()).isZero();
		// 200 tokens short at 1,000 a minute: 12 s; with no time to wait, refused and nothing taken.
		BudgetReservation refused = this.store.reserve(KEY, LIMITS, 600, 1, 11 * SECOND);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.waitNanos()).isEqualTo(12 * SECOND);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(400);
		BudgetReservation second = this.store.reserve(KEY, LIMITS, 600, 1, 12 * SECOND);
		assertThat(second.granted()).isTrue();
		assertThat(second.waitNanos()).isEqualTo(12 * SECOND);
		// The next caller queues behind the refill promised to the second: (200 + 100) tokens, 18 s.
		assertThat(this.store.reserve(KEY, LIMITS, 100, 1, 60 * SECOND).waitNanos()).isEqualTo(18 * SECOND);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(-300);
		assertThat(this.store.snapshot(KEY).remainingRequests()).isEqualTo(97);
	}

	@Test
	void theBucketRefillsContinuouslyUpToTheLimitNeverBeyond() {
		this.store.reserve(KEY, LIMITS, 1000, 1, 0);
		this.now.addAndGet(30 * SECOND);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(500);
		this.now.addAndGet(600 * SECOND);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(1000);
	}

	@Test
	void settlingGivesBackWhatACallDidNotUseOnceAndTakesWhatItUsedBeyond() {
		BudgetReservation reservation = this.store.reserve(KEY, LIMITS, 900, 1, 0);
		this.store.settle(reservation, 300, 1);
		this.store.settle(reservation, 0, 0);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(700);
		BudgetReservation under = this.store.reserve(KEY, LIMITS, 100, 1, 0);
		this.store.settle(under, 250, 1);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(450);
		this.store.settle(BudgetReservation.refused(KEY, LIMITS, 500, 1, SECOND), 0, 0);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(450);
		assertThat(this.store.snapshot(KEY).remainingRequests()).isEqualTo(98);
	}

	@Test
	void anAnswerSetsTheBucketToWhatGroqSaidWasLeftLessWhatWasReservedAfterItsRequest() {
		BudgetReservation answered = this.store.reserve(KEY, LIMITS, 100, 1, 0);
		this.store.reserve(KEY, LIMITS, 200, 1, 0);
		this.now.addAndGet(3 * SECOND);
		// Another process spent 500: Groq says 400 were left when the first request was admitted,
		// some time in the last 3 s (no refill is assumed); the second request is still on its way.
		this.store.observe(KEY, LIMITS, 400, 90, answered);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(400 - 200);
		// The answer already counted the first request: settling it gives nothing back.
		this.store.settle(answered, 10, 1);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(200);
	}

	@Test
	void anAnswerToALaterReservationStillCountsEarlierOnesNotAnsweredYet() {
		BudgetReservation earlier = this.store.reserve(KEY, LIMITS, 100, 1, 0);
		BudgetReservation later = this.store.reserve(KEY, LIMITS, 200, 1, 0);
		// The later call reached Groq first: 1,000 - 200 = 800 left then; the earlier one is still on its way.
		this.store.observe(KEY, LIMITS, 800, 99, later);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(700);
		// An older answer can only lower the bucket: it takes the later call off again (500), on the
		// safe side until a newer answer comes; settling gives nothing back, both answers counted them.
		this.store.observe(KEY, LIMITS, 700, 98, earlier);
		this.store.settle(earlier, 100, 1);
		this.store.settle(later, 150, 1);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(500);
	}

	@Test
	void anAnswerToARequestSentWithoutAReservationOnlyLowersTheBucket() {
		this.store.observe(KEY, LIMITS, 300, 100, null);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(300);
		this.store.observe(KEY, LIMITS, 900, 100, null);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(300);
		this.store.observe(KEY, LIMITS, -1, -1, null);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(300);
		// A reserved call not answered yet may have been sent after that request: it is taken off too.
		BudgetReservation inFlight = this.store.reserve(KEY, LIMITS, 100, 1, 0);
		this.store.observe(KEY, LIMITS, 250, 100, null);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(150);
		this.store.settle(inFlight, 100, 1);
		this.store.observe(KEY, LIMITS, 150, 100, null);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(150);
	}

	@Test
	void newLimitsResizeTheBucketAndBudgetsAreKeptApartByKeyModelAndTier() {
		this.store.reserve(KEY, LIMITS, 100, 1, 0);
		BudgetLimits smaller = new BudgetLimits(500, Duration.ofMinutes(1), 100, Duration.ofDays(1));
		this.store.reserve(KEY, smaller, 0, 1, 0);
		assertThat(this.store.snapshot(KEY).limits()).isEqualTo(smaller);
		assertThat(this.store.snapshot(KEY).remainingTokens()).isEqualTo(500);
		BudgetKey flex = new BudgetKey(KEY.keyHash(), "m", "flex");
		assertThat(this.store.snapshot(flex)).isNull();
		assertThat(this.store.reserve(flex, LIMITS, 1000, 1, 0).waitNanos()).isZero();
		assertThat(new LocalBudgetStore().snapshot(KEY)).isNull();
		assertThat(LocalBudgetStore.shared()).isSameAs(LocalBudgetStore.shared());
	}

	@Test
	void aBudgetWithoutLimitsNeverWaits() {
		BudgetLimits none = new BudgetLimits(0, Duration.ofMinutes(1), 0, Duration.ofDays(1));
		for (int i = 0; i < 3; i++) {
			assertThat(this.store.reserve(KEY, none, 1_000_000, 1, 0).waitNanos()).isZero();
		}
	}

	@Test
	void theKeyIsHashedWithTheBaseUrlAndNeverShown() {
		String hash = BudgetKey.hash("https://api.groq.com", "gsk_secret");
		assertThat(hash).hasSize(16).matches("[0-9a-f]{16}").isNotEqualTo(BudgetKey.hash("http://localhost:1", "gsk_secret"));
		assertThat(hash).isEqualTo(BudgetKey.hash("https://api.groq.com", "gsk_secret"));
		assertThat(new BudgetKey(hash, "m", "flex").toString()).doesNotContain("gsk_secret")
			.isEqualTo("model m on tier flex (key " + hash + ")");
	}

}
