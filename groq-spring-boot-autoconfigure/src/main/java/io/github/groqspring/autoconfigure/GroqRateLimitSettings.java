package io.github.groqspring.autoconfigure;

import java.util.List;

import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.LocalBudgetStore;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitListener;
import io.github.groqspring.ratelimit.RateLimitSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * {@code groq.rate-limit.*} as the template's {@link RateLimitSettings}: the store is the
 * application's {@link RateLimitBudgetStore} bean (the Redis module's, with
 * {@code groq.rate-limit.store=redis}) or the JVM's shared one; every
 * {@link RateLimitListener} bean is told about waits and refusals.
 */
final class GroqRateLimitSettings {

	private static final String REDIS_ACTION = "Add io.github.groqspring:groq-spring-boot-ratelimit-redis and a "
			+ "Redis connection (Spring Data Redis with spring.data.redis.*, or a Lettuce RedisClient bean), or set "
			+ "groq.rate-limit.store=memory to keep budgets in the JVM.";

	private GroqRateLimitSettings() {
	}

	static RateLimitSettings from(GroqProperties.RateLimit properties, ObjectProvider<RateLimitBudgetStore> stores,
			ObjectProvider<RateLimitListener> listeners, Environment environment) {
		RateLimitBudgetStore store = stores.getIfUnique(LocalBudgetStore::shared);
		if (properties.isPacing() && properties.getStore() == GroqProperties.Store.REDIS
				&& store instanceof LocalBudgetStore) {
			throw new GroqInvalidPropertyException("groq.rate-limit.store", "redis",
					GroqAutoConfiguration.origin(environment, "groq.rate-limit.store"),
					"groq.rate-limit.store is redis, but no Redis budget store exists", REDIS_ACTION);
		}
		GroqProperties.Estimator estimator = properties.getEstimator();
		return RateLimitSettings.DEFAULTS.withEnabled(properties.isPacing())
			.withStore(store)
			.withWindows(properties.getTokenWindow(), properties.getRequestWindow())
			.withEstimator(estimator.getCharsPerToken(), estimator.getCompletionTokens(),
					estimator.isReserveMaxCompletionTokens())
			.withListener(listener(listeners.orderedStream().toList()));
	}

	private static RateLimitListener listener(List<RateLimitListener> listeners) {
		if (listeners.isEmpty()) {
			return RateLimitListener.NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		return new RateLimitListener() {

			@Override
			public void paced(BudgetKey key, long waitedNanos,
					RateLimitBudgetStore store) {
				listeners.forEach((listener) -> listener.paced(key, waitedNanos, store));
			}

			@Override
			public void refused(BudgetKey key, long neededNanos) {
				listeners.forEach((listener) -> listener.refused(key, neededNanos));
			}

		};
	}

}
