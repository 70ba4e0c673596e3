package io.github.groqspring.ratelimit.redis.autoconfigure;

import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqProperties;
import io.github.groqspring.ratelimit.redis.RedisBudgetStore;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of a {@link RedisBudgetStore} when {@code groq.rate-limit.store=redis}
 * and a Redis connection exists: a Lettuce {@link RedisClient} bean, or Spring Data Redis's
 * {@code LettuceConnectionFactory} (its native client). The template auto-configuration then
 * keeps its budgets there.
 */
@AutoConfiguration(before = GroqAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class })
@ConditionalOnProperty(name = "groq.rate-limit.store", havingValue = "redis")
@Conditional(GroqRedisRateLimitAutoConfiguration.RedisConnectionAvailable.class)
@EnableConfigurationProperties(GroqProperties.class)
public final class GroqRedisRateLimitAutoConfiguration {

	private static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";

	@Bean
	@ConditionalOnMissingBean
	RedisBudgetStore groqRedisBudgetStore(GroqProperties properties, ObjectProvider<RedisClient> redisClient,
			BeanFactory beanFactory) {
		GroqProperties.Redis redis = properties.getRateLimit().getRedis();
		return new RedisBudgetStore(() -> client(redisClient, beanFactory),
				new RedisBudgetStore.Settings(redis.getKeyPrefix(), redis.getTimeout(), redis.getRetryInterval()));
	}

	/** The application's Lettuce client, else Spring Data Redis's, once its factory has started. */
	private static @Nullable RedisClient client(ObjectProvider<RedisClient> redisClient, BeanFactory beanFactory) {
		RedisClient own = redisClient.getIfUnique();
		if (own != null) {
			return own;
		}
		return ClassUtils.isPresent(CONNECTION_FACTORY, GroqRedisRateLimitAutoConfiguration.class.getClassLoader())
				? SpringDataRedis.nativeClient(beanFactory) : null;
	}

	/** A Lettuce client bean, or Spring Data Redis's Lettuce connection factory. */
	static final class RedisConnectionAvailable extends AnyNestedCondition {

		RedisConnectionAvailable() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(RedisClient.class)
		static final class LettuceClient {

		}

		@ConditionalOnBean(type = CONNECTION_FACTORY)
		static final class SpringDataConnectionFactory {

		}

	}

	/** Reads Spring Data Redis only when it is on the class path. */
	private static final class SpringDataRedis {

		static @Nullable RedisClient nativeClient(BeanFactory beanFactory) {
			LettuceConnectionFactory factory = beanFactory.getBeanProvider(LettuceConnectionFactory.class).getIfUnique();
			AbstractRedisClient client = (factory != null) ? factory.getNativeClient() : null;
			if (client instanceof RedisClient standalone) {
				return standalone;
			}
			if (client != null) {
				throw new IllegalStateException("groq.rate-limit.store=redis supports a standalone (or Sentinel) Redis "
						+ "connection, not " + client.getClass().getSimpleName());
			}
			return null;
		}

	}

}
