package io.github.groqspring.ratelimit.redis;

import java.util.List;
import java.util.UUID;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqInvalidPropertyException;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.redis.autoconfigure.GroqRateLimitHealthContributorAutoConfiguration;
import io.github.groqspring.ratelimit.redis.autoconfigure.GroqRateLimitHealthIndicator;
import io.github.groqspring.ratelimit.redis.autoconfigure.GroqRedisRateLimitAutoConfiguration;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RateLimitPolicy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code groq.rate-limit.store=redis}: the store is made from Spring Data Redis's connection
 * or the application's Lettuce client, the template keeps its budgets there, and the health
 * contributor reports on it; without a connection start-up fails saying what to add.
 */
@ExtendWith(RedisServerExtension.class)
class RedisAutoConfigurationTests {

	private final GroqEmulator emulator = GroqEmulator.start()
		.enforceRateLimits(RateLimitPolicy.builder().limits(0, 14_400, 6_000).build());

	private final String apiKey = "gsk_" + UUID.randomUUID().toString().replace("-", "");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqRedisRateLimitAutoConfiguration.class,
				GroqRateLimitHealthContributorAutoConfiguration.class, GroqAutoConfiguration.class,
				RestClientAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + this.emulator.baseUrl(), "groq.api-key=" + this.apiKey,
				"groq.default-model=llama-3.1-8b-instant");

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void withSpringDataRedisTheTemplateKeepsItsBudgetsOnRedisUnderAHashOfTheKey(RedisServer redis) {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("groq.rate-limit.store=redis", "spring.data.redis.port=" + redis.port())
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisBudgetStore.class).hasSingleBean(GroqRateLimitHealthIndicator.class);
				RedisBudgetStore store = context.getBean(RedisBudgetStore.class);
				RedisBudgetStoreTests.awaitShared(store);
				GroqTemplate groq = context.getBean(GroqTemplate.class);
				groq.chat(ChatRequest.builder().user("Hello there"));
				groq.chat(ChatRequest.builder().user("Hello there"));
				String hash = BudgetKey.hash(this.emulator.baseUrl(), this.apiKey);
				RedisClient client = redis.client();
				try (StatefulRedisConnection<String, String> connection = client.connect()) {
					List<String> keys = connection.sync().keys("groq:rate-limit:" + hash + ":*");
					assertThat(keys).containsExactlyInAnyOrder(
							"groq:rate-limit:" + hash + ":llama-3.1-8b-instant:none:tokens:6000",
							"groq:rate-limit:" + hash + ":llama-3.1-8b-instant:none:requests:14400");
					assertThat(connection.sync().keys("*" + this.apiKey + "*")).isEmpty();
				}
				finally {
					client.shutdown();
				}
				assertThat(context.getBean(GroqRateLimitHealthIndicator.class).health().getDetails())
					.containsEntry("store", "redis")
					.containsEntry("shared", true);
			});
	}

	@Test
	void anApplicationsLettuceClientIsUsedWithoutSpringData(RedisServer redis) {
		this.runner.withPropertyValues("groq.rate-limit.store=redis")
			.withBean(RedisClient.class, redis::client)
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisBudgetStore.class);
				RedisBudgetStoreTests.awaitShared(context.getBean(RedisBudgetStore.class));
			});
	}

	@Test
	void aRedisConnectionAloneDoesNotMoveTheBudgetsOffTheJvm(RedisServer redis) {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.port=" + redis.port())
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitBudgetStore.class)
				.doesNotHaveBean(GroqRateLimitHealthIndicator.class));
	}

	@Test
	void storeRedisWithoutAConnectionFailsStartUpSayingWhatToAdd() {
		this.runner.withPropertyValues("groq.rate-limit.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(GroqInvalidPropertyException.class)
				.hasMessageContaining("groq.rate-limit.store is redis, but no Redis budget store exists");
		});
	}

}
