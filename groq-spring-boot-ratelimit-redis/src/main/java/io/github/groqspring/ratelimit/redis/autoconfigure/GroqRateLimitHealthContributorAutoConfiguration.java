package io.github.groqspring.ratelimit.redis.autoconfigure;

import io.github.groqspring.ratelimit.redis.RedisBudgetStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code groqRateLimit} health contributor: whether budgets are
 * shared on Redis or paced in the JVM during an outage.
 */
@AutoConfiguration(after = GroqRedisRateLimitAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(RedisBudgetStore.class)
@ConditionalOnEnabledHealthIndicator("groqRateLimit")
public final class GroqRateLimitHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "groqRateLimitHealthIndicator")
	GroqRateLimitHealthIndicator groqRateLimitHealthIndicator(RedisBudgetStore store) {
		return new GroqRateLimitHealthIndicator(store);
	}

}
