package io.github.groqspring.ratelimit.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.BudgetLimits;
import io.github.groqspring.ratelimit.BudgetReservation;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link RedisBudgetStore} against a real Redis: several stores act as the instances of one
 * application.
 */
@ExtendWith({ RedisServerExtension.class, OutputCaptureExtension.class })
class RedisBudgetStoreTests {

	/** 1,000 tokens a minute (16.7 a second), 100 requests a day. */
	private static final BudgetLimits LIMITS = new BudgetLimits(1000, Duration.ofMinutes(1), 100, Duration.ofDays(1));

	private static final long SECOND = 1_000_000_000L;

	private RedisClient client;

	private final BudgetKey key = new BudgetKey(BudgetKey.hash("https://api.groq.com", "gsk_test"),
			"model-" + UUID.randomUUID(), "on_demand");

	@BeforeEach
	void connect(RedisServer redis) {
		this.client = redis.client();
	}

	@AfterEach
	void disconnect() {
		this.client.shutdown();
	}

	@Test
	void instancesShareOneBudgetAndWaitInTurnForItsRefill() {
		try (RedisBudgetStore first = store(Clock.systemUTC()); RedisBudgetStore second = store(Clock.systemUTC())) {
			first.observe(this.key, LIMITS, 1000, 100, null);
			idle(first);
			assertThat(first.reserve(this.key, LIMITS, 600, 1, 0).waitNanos()).isZero();
			BudgetReservation refused = second.reserve(this.key, LIMITS, 600, 1, 0);
			assertThat(refused.granted()).isFalse();
			// 200 tokens short at 1,000 a minute: 12 s.
			assertThat((double) refused.waitNanos() / SECOND).isCloseTo(12, within(0.5));
			BudgetReservation waiting = second.reserve(this.key, LIMITS, 600, 1, 20 * SECOND);
			assertThat(waiting.granted()).isTrue();
			assertThat((double) waiting.waitNanos() / SECOND).isCloseTo(12, within(0.5));
			BudgetReservation behind = first.reserve(this.key, LIMITS, 100, 1, 60 * SECOND);
			assertThat((double) behind.waitNanos() / SECOND).isCloseTo(18, within(0.5));
			assertThat(first.state().shared()).isTrue();
			assertThat(first.snapshot(this.key).remainingTokens()).isEqualTo(1000);
		}
	}

	@Test
	void settlingGivesBackWhatTheCallDidNotUseAndTakesWhatItUsedBeyond() {
		try (RedisBudgetStore first = store(Clock.systemUTC()); RedisBudgetStore second = store(Clock.systemUTC())) {
			first.observe(this.key, LIMITS, 1000, 100, null);
			idle(first);
			BudgetReservation reservation = first.reserve(this.key, LIMITS, 900, 1, 0);
			first.settle(reservation, 300, 1);
			idle(first);
			first.settle(reservation, 0, 0);
			idle(first);
			assertThat(second.reserve(this.key, LIMITS, 700, 1, 0).granted()).isTrue();
			BudgetReservation more = second.reserve(this.key, LIMITS, 0, 1, 0);
			second.settle(more, 50, 1);
			idle(second);
			BudgetReservation none = first.reserve(this.key, LIMITS, 10, 1, 0);
			assertThat(none.granted()).isFalse();
			assertThat((double) none.waitNanos() / SECOND).isCloseTo(3.6, within(0.3));
		}
	}

	@Test
	void groqsRemainingHeaderLowersTheSharedBucketButNeverRaisesIt() {
		try (RedisBudgetStore first = store(Clock.systemUTC()); RedisBudgetStore second = store(Clock.systemUTC())) {
			first.observe(this.key, LIMITS, 1000, 100, null);
			idle(first);
			second.observe(this.key, LIMITS, 100, 90, null);
			idle(second);
			assertThat(first.reserve(this.key, LIMITS, 200, 1, 0).granted()).isFalse();
			first.observe(this.key, LIMITS, 1000, 100, null);
			idle(first);
			assertThat(first.reserve(this.key, LIMITS, 200, 1, 0).granted()).isFalse();
			assertThat(first.reserve(this.key, LIMITS, 100, 1, 0).granted()).isTrue();
		}
	}

	@Test
	void redisHoldsAHashOfTheKeyNeverTheKey() {
		String apiKey = "gsk_" + UUID.randomUUID().toString().replace("-", "");
		BudgetKey secret = new BudgetKey(BudgetKey.hash("https://api.groq.com", apiKey), "llama-3.3-70b-versatile",
				"on_demand");
		try (RedisBudgetStore store = store(Clock.systemUTC());
				StatefulRedisConnection<String, String> redis = this.client.connect()) {
			store.observe(secret, LIMITS, 1000, 100, null);
			idle(store);
			store.reserve(secret, LIMITS, 10, 1, 0);
			List<String> keys = redis.sync().keys("*" + secret.keyHash() + "*");
			assertThat(keys).containsExactlyInAnyOrder(
					"groq:rate-limit:" + secret.keyHash() + ":llama-3.3-70b-versatile:on_demand:tokens:1000",
					"groq:rate-limit:" + secret.keyHash() + ":llama-3.3-70b-versatile:on_demand:requests:100");
			assertThat(redis.sync().keys("*" + apiKey + "*")).isEmpty();
			for (String name : redis.sync().keys("*")) {
				assertThat(redis.sync().dump(name)).asString().doesNotContain(apiKey);
			}
			assertThat(redis.sync().pttl(keys.get(0))).isPositive();
		}
	}

	@Test
	void whileRedisIsDownCallsArePacedInTheJvmAndTheStoreRecoversByItself(RedisServer redis,
			CapturedOutput output) {
		RedisBudgetStore.Settings quick = new RedisBudgetStore.Settings("groq:rate-limit", Duration.ofMillis(200),
				Duration.ofMillis(300));
		try (RedisBudgetStore store = new RedisBudgetStore(() -> this.client, quick)) {
			awaitShared(store);
			store.observe(this.key, LIMITS, 1000, 100, null);
			idle(store);
			assertThat(store.reserve(this.key, LIMITS, 100, 1, 0).granted()).isTrue();
			redis.stop();
			try {
				for (int i = 0; i < 5; i++) {
					long start = System.nanoTime();
					BudgetReservation local = store.reserve(this.key, LIMITS, 100, 1, 0);
					assertThat(local.granted()).isTrue();
					assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000L);
				}
				RedisBudgetStore.State state = store.state();
				assertThat(state.shared()).isFalse();
				assertThat(state.failingOpenSince()).isNotNull();
				assertThat(state.lastError()).isNotBlank().doesNotContain("gsk_");
				// The local budget knew Groq's last header (1,000): 5 local calls of 100 fit, 6 more do not.
				for (int i = 0; i < 5; i++) {
					store.reserve(this.key, LIMITS, 100, 1, 0);
				}
				assertThat(store.reserve(this.key, LIMITS, 100, 1, 0).granted()).isFalse();
				assertThat(occurrences(output.toString(), "Groq rate-limit budgets on Redis are unavailable")).isOne();
			}
			finally {
				redis.restart();
			}
			long deadline = System.nanoTime() + 20 * SECOND;
			while (!store.state().shared() && System.nanoTime() < deadline) {
				store.reserve(this.key, LIMITS, 1, 1, 0);
				RedisServer.sleep(100);
			}
			assertThat(store.state().shared()).isTrue();
			assertThat(output).contains("Groq rate-limit budgets are shared on Redis again");
			assertThat(store.reserve(this.key, LIMITS, 900, 1, 0).granted()).isTrue();
		}
	}

	@Test
	void instancesWhoseClocksDisagreeByAMinuteRefillOnRedisTime() {
		Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));
		Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-30));
		try (RedisBudgetStore fast = store(ahead); RedisBudgetStore slow = store(behind)) {
			assertThat(fast.state().clockOffset().toMillis()).isCloseTo(-30_000L, within(1_000L));
			assertThat(slow.state().clockOffset().toMillis()).isCloseTo(30_000L, within(1_000L));
			slow.observe(this.key, LIMITS, 1000, 100, null);
			idle(slow);
			assertThat(slow.reserve(this.key, LIMITS, 1000, 1, 0).granted()).isTrue();
			// On its own clock, the fast instance is a minute later: a whole refill. On Redis's, no time passed.
			BudgetReservation early = fast.reserve(this.key, LIMITS, 100, 1, 0);
			assertThat(early.granted()).isFalse();
			assertThat((double) early.waitNanos() / SECOND).isCloseTo(6, within(0.5));
			// And the slow one is not stalled by the fast one's timestamps.
			BudgetReservation fair = slow.reserve(this.key, LIMITS, 100, 1, 10 * SECOND);
			assertThat((double) fair.waitNanos() / SECOND).isCloseTo(6, within(0.5));
		}
	}

	private RedisBudgetStore store(Clock clock) {
		RedisBudgetStore store = new RedisBudgetStore(() -> this.client, RedisBudgetStore.Settings.DEFAULTS, clock);
		awaitShared(store);
		return store;
	}

	/** Wait until what the store does off the calls' path (settling, learning from headers) is done. */
	static void idle(RedisBudgetStore store) {
		long deadline = System.nanoTime() + 10 * SECOND;
		while (store.pendingOperations() > 0 && System.nanoTime() < deadline) {
			RedisServer.sleep(5);
		}
		assertThat(store.pendingOperations()).as("operations still waiting for Redis").isZero();
	}

	static void awaitShared(RedisBudgetStore store) {
		long deadline = System.nanoTime() + 10 * SECOND;
		while (!store.state().shared() && System.nanoTime() < deadline) {
			store.snapshot(new BudgetKey("0", "none", "none"));
			RedisServer.sleep(20);
		}
		assertThat(store.state().shared()).as("connected to Redis").isTrue();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
