package io.github.groqspring.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.health.GroqHealthIndicator;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.GroqModelCatalogue;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class GroqHealthContributorAutoConfigurationTests {

	private static final String KEY = "gsk_health_autoconfig_secret_99";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension().configure((groq) -> groq.requireApiKey(KEY));

	private final GroqEmulator emulator = this.emulators.emulator();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class,
				GroqHealthContributorAutoConfiguration.class, RestClientAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + this.emulator.baseUrl(), "groq.api-key=" + KEY,
				"groq.default-model=llama-3.1-8b-instant", "groq.default-service-tier=on_demand");

	@Test
	void contributesGroqWhenTheHealthModuleIsPresent() {
		this.runner.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(GroqHealthIndicator.class).hasBean("groqHealthIndicator");
				HealthIndicator groq = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
					.getContributor("groq");
				assertThat(groq).isSameAs(context.getBean(GroqHealthIndicator.class));
				Health health = groq.health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("host", "127.0.0.1:" + this.emulator.port())
					.containsEntry("defaultModel", "llama-3.1-8b-instant")
					.containsEntry("defaultServiceTier", "on_demand")
					.containsEntry("models", GroqModelCatalogue.defaults().size());
				assertThat(health.toString()).doesNotContain(KEY);
				assertThat(this.emulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
			});
	}

	@Test
	void isAbsentWithoutTheHealthModule() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(GroqTemplate.class);
			assertThat(context).doesNotHaveBean(GroqHealthIndicator.class).doesNotHaveBean(GroqHealthProperties.class);
		});
	}

	@Test
	void isAbsentWhenDisabled() {
		this.runner.withPropertyValues("management.health.groq.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(GroqTemplate.class)
				.doesNotHaveBean(GroqHealthIndicator.class));
	}

	@Test
	void followsTheDefaultsSwitchUnlessEnabledByName() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GroqHealthIndicator.class));
		this.runner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.groq.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(GroqHealthIndicator.class));
	}

	@Test
	void isAbsentWithoutAGroqTemplate() {
		this.runner.withUserConfiguration(StubOperationsConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GroqHealthIndicator.class));
	}

	@Test
	void backsOffForTheUsersOwnGroqHealthIndicator() {
		this.runner.withUserConfiguration(OwnIndicatorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HealthIndicator.class).doesNotHaveBean(GroqHealthIndicator.class);
			assertThat(context.getBean("groqHealthIndicator")).isSameAs(OwnIndicatorConfiguration.INDICATOR);
		});
	}

	@Test
	void reportsAnInvalidKeyAndAMissingModelAsDown() {
		this.runner.withPropertyValues("groq.api-key=gsk_revoked_key_1").run((context) -> {
			Health health = context.getBean(GroqHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "invalid_api_key");
			assertThat(health.toString()).doesNotContain("gsk_revoked_key_1");
		});
		this.runner.withPropertyValues("groq.default-model=llama-9-gone").run((context) -> {
			Health health = context.getBean(GroqHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "model_not_found")
				.containsEntry("defaultModel", "llama-9-gone");
		});
	}

	@Test
	void probesWithItsOwnTimeoutNotTheCallsReadTimeout() {
		this.emulator.enqueue(GroqEmulator.MODELS,
				EmulatedResponse.raw(200, "application/json", "{\"data\":[]}").delayedBy(Duration.ofSeconds(2)));
		this.runner.withPropertyValues("groq.read-timeout=60s", "groq.health.timeout=150ms").run((context) -> {
			Health health = context.getBean(GroqHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "timeout")
				.containsEntry("error", "Groq did not answer GET /openai/v1/models at 127.0.0.1:" + this.emulator.port()
						+ " within 150ms (groq.health.timeout)");
		});
	}

	@Test
	void probesWithTheKeyAndBaseUrlOfATemplateTheApplicationBuilds() {
		this.runner.withPropertyValues("groq.api-key=gsk_property_key_no_template_uses")
			.withBean(GroqTemplate.class,
					() -> GroqTemplate.builder()
						.baseUrl(this.emulator.baseUrl())
						.apiKey(KEY)
						.defaultModel("llama-3.1-8b-instant")
						.build())
			.run((context) -> {
				Health health = context.getBean(GroqHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("defaultModel", "llama-3.1-8b-instant")
					.containsEntry("defaultServiceTier", "none");
				assertThat(this.emulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
			});
	}

	@Test
	void theProbeIsNeitherRetriedNorObservedThoughTheTemplateIs() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.emulator.enqueue(GroqEmulator.MODELS, EmulatedResponse.error(500, "internal_server_error", null, "Boom"));
		this.runner.withBean(GroqTemplate.class,
				() -> GroqTemplate.builder().baseUrl(this.emulator.baseUrl()).apiKey(KEY).observationRegistry(registry).build())
			.run((context) -> {
				Health health = context.getBean(GroqHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason", "error").containsEntry("status", 500);
				assertThat(probes()).isEqualTo(1);
				assertThat(registry).doesNotHaveAnyObservation();
				context.getBean(GroqTemplate.class).listModels();
				assertThat(registry).hasSingleObservationThat().hasBeenStopped();
			});
	}

	@Test
	void cachesResultsForAMinuteByDefault() {
		this.runner.run((context) -> {
			assertThat(context.getBean(GroqHealthProperties.class).getCacheTimeToLive())
				.isEqualTo(Duration.ofSeconds(60));
			assertThat(context.getBean(GroqHealthProperties.class).getTimeout()).isEqualTo(Duration.ofSeconds(3));
			GroqHealthIndicator indicator = context.getBean(GroqHealthIndicator.class);
			indicator.health();
			indicator.health();
			indicator.health();
			assertThat(probes()).isEqualTo(1);
		});
	}

	@Test
	void aZeroCacheTimeToLiveProbesOnEveryCheck() {
		this.runner.withPropertyValues("groq.health.cache-time-to-live=0s").run((context) -> {
			GroqHealthIndicator indicator = context.getBean(GroqHealthIndicator.class);
			indicator.health();
			indicator.health();
			indicator.health();
			assertThat(probes()).isEqualTo(3);
		});
	}

	@Test
	void aZeroTimeoutFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("groq.health.timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("groq.health.timeout must be more than 0s, such as 3s");
		});
	}

	@Test
	void aNegativeCacheTimeToLiveFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("groq.health.cache-time-to-live=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("groq.health.cache-time-to-live must be 0s or more, such as 60s (0s asks Groq on every check)");
		});
	}

	private long probes() {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.path().equals(GroqEmulator.MODELS))
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class StubOperationsConfiguration {

		@Bean
		GroqOperations groqOperations() {
			return new GroqOperations() {

				@Override
				public ChatResponse chat(ChatRequest request) {
					throw new UnsupportedOperationException();
				}

				@Override
				public ChatResponse chat(ChatRequest request, io.github.groqspring.RequestOptions options) {
					throw new UnsupportedOperationException();
				}

				@Override
				public io.github.groqspring.stream.ChatStream stream(ChatRequest request) {
					throw new UnsupportedOperationException();
				}

				@Override
				public io.github.groqspring.stream.ChatStream stream(ChatRequest request,
						io.github.groqspring.RequestOptions options) {
					throw new UnsupportedOperationException();
				}

				@Override
				public io.github.groqspring.batch.GroqBatchTemplate batches() {
					throw new UnsupportedOperationException();
				}

				@Override
				public List<GroqModel> listModels() {
					return List.of();
				}

				@Override
				public GroqModel getModel(String id) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnIndicatorConfiguration {

		static final HealthIndicator INDICATOR = () -> Health.up().withDetail("mine", true).build();

		@Bean
		HealthIndicator groqHealthIndicator() {
			return INDICATOR;
		}

	}

}
