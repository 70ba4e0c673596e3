package io.github.groqspring.autoconfigure;

import java.util.UUID;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.observation.GroqRateLimitMeters;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.LocalBudgetStore;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RateLimitPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code groq.rate-limit.*}: pacing on by default with budgets in the JVM's shared store, off
 * with {@code enabled=false} (or the deprecated {@code wait=false}), an application's own
 * store bean used, and the meters of pacing registered with Micrometer.
 */
class GroqRateLimitAutoConfigurationTests {

	private static final String MODEL = "llama-3.1-8b-instant";

	private final GroqEmulator emulator = GroqEmulator.start()
		.enforceRateLimits(RateLimitPolicy.builder().limits(0, 14_400, 6_000).build());

	/** A key of its own, so that no other test's calls share the JVM's budget. */
	private final String apiKey = "gsk_" + UUID.randomUUID().toString().replace("-", "");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + this.emulator.baseUrl(), "groq.default-model=" + MODEL,
				"groq.api-key=" + this.apiKey);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void byDefaultCallsArePacedOnTheJvmsSharedBudgetOfTheirKey() {
		this.runner.run((context) -> {
			assertThat(context.getBean(GroqProperties.class).getRateLimit().isPacing()).isTrue();
			context.getBean(GroqTemplate.class).chat(ChatRequest.builder().user("Hello there"));
			// 6 prompt tokens and 5 completion tokens: Groq's header says 5,989 are left.
			assertThat(LocalBudgetStore.shared().snapshot(key()).remainingTokens()).isBetween(5989L, 6000L);
			assertThat(LocalBudgetStore.shared().snapshot(key()).remainingRequests()).isEqualTo(14_399);
		});
	}

	@Test
	void pacingIsOffWithEnabledFalseAndWithTheDeprecatedWaitFalse() {
		for (String off : new String[] { "groq.rate-limit.enabled=false", "groq.rate-limit.wait=false" }) {
			this.runner.withPropertyValues(off).run((context) -> {
				assertThat(context.getBean(GroqProperties.class).getRateLimit().isPacing()).isFalse();
				context.getBean(GroqTemplate.class).chat(ChatRequest.builder().user("Hello there"));
				assertThat(LocalBudgetStore.shared().snapshot(key())).as(off).isNull();
			});
		}
	}

	@Test
	void anApplicationsStoreBeanKeepsTheBudgets() {
		this.runner.withUserConfiguration(OwnStore.class).run((context) -> {
			context.getBean(GroqTemplate.class).chat(ChatRequest.builder().user("Hello there"));
			assertThat(context.getBean(LocalBudgetStore.class).snapshot(key()).remainingTokens()).isBetween(5989L,
					6000L);
			assertThat(LocalBudgetStore.shared().snapshot(key())).isNull();
		});
	}

	@Test
	void withMicrometerTheBudgetLeftIsAGaugeAndWaitsAreTimed() {
		this.runner
			.withConfiguration(AutoConfigurations.of(GroqObservationAutoConfiguration.class,
					ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withUserConfiguration(OwnStore.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(GroqRateLimitMeters.class);
				GroqTemplate groq = context.getBean(GroqTemplate.class);
				groq.chat(ChatRequest.builder().user("Hello there"));
				groq.chat(ChatRequest.builder().user("Hello there"));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				// Every call is timed, 0 when it did not wait: the first had no budget yet, the second enough.
				assertThat(meters.get(GroqRateLimitMeters.DELAY).tags("gen_ai.request.model", MODEL,
						"groq.request.service_tier", "none").timer().count()).isEqualTo(2);
				assertThat(meters.get(GroqRateLimitMeters.WAITED).counter().count()).isZero();
				assertThat(meters.get(GroqRateLimitMeters.REMAINING).tags(GroqRateLimitMeters.UNIT, "tokens").gauge()
					.value()).isBetween(5978.0, 6000.0);
				assertThat(meters.get(GroqRateLimitMeters.REMAINING).tags(GroqRateLimitMeters.UNIT, "requests").gauge()
					.value()).isEqualTo(14_398.0);
			});
	}

	private BudgetKey key() {
		return new BudgetKey(BudgetKey.hash(this.emulator.baseUrl(), this.apiKey), MODEL, BudgetKey.NO_TIER);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		LocalBudgetStore ownBudgets() {
			return new LocalBudgetStore();
		}

	}

}
