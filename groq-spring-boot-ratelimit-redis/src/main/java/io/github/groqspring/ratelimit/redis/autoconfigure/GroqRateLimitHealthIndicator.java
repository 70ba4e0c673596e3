package io.github.groqspring.ratelimit.redis.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import io.github.groqspring.ratelimit.redis.RedisBudgetStore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Groq's rate-limit budgets are shared on Redis or paced in this JVM alone: UP
 * either way (calls go on, paced locally, while Redis is down), with {@code store},
 * {@code shared}, {@code outages} (since start), {@code clockOffsetMs} (this JVM's clock
 * against Redis's), and during an outage {@code pacing}, {@code failingOpenSince} and {@code error}. Never
 * asks Redis itself: it reports what the store saw on the calls' path.
 */
public class GroqRateLimitHealthIndicator implements HealthIndicator {

	private final RedisBudgetStore store;

	/**
	 * Create an indicator.
	 * @param store the store to report on
	 */
	public GroqRateLimitHealthIndicator(RedisBudgetStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		RedisBudgetStore.State state = this.store.state();
		Health.Builder health = Health.up().withDetail("store", "redis").withDetail("shared", state.shared());
		if (!state.shared()) {
			health.withDetail("pacing", "in this JVM alone until Redis answers again");
			Instant since = state.failingOpenSince();
			if (since != null) {
				health.withDetail("failingOpenSince", since.toString());
			}
			String error = state.lastError();
			if (error != null) {
				health.withDetail("error", error);
			}
		}
		Duration offset = state.clockOffset();
		if (offset != null) {
			health.withDetail("clockOffsetMs", offset.toMillis());
		}
		health.withDetail("outages", state.outages());
		return health.build();
	}

}
