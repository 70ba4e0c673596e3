package io.github.groqspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.GroqTemplateBuilderCustomizer;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.batch.GroqBatchTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(GroqEmulatorExtension.class)
class GroqAutoConfigurationTests {

	static GroqEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
					JacksonAutoConfiguration.class));

	private final ApplicationContextRunner offline = this.runner.withPropertyValues("groq.base-url=" + emulator.baseUrl());

	@Test
	void createsGroqTemplateWithGroqsDefaults() {
		this.runner.withPropertyValues("groq.api-key=gsk_x").run((context) -> {
			assertThat(context).hasSingleBean(GroqTemplate.class).hasSingleBean(GroqProperties.class);
			GroqTemplate groq = context.getBean(GroqTemplate.class);
			assertThat(groq.getBaseUrl()).isEqualTo("https://api.groq.com");
			assertThat(groq.getDefaultServiceTier()).isNull();
			assertThat(groq.getDefaultModel()).isNull();
			GroqProperties properties = context.getBean(GroqProperties.class);
			// unset, so that spring.http.clients.* applies when set; else the builder's 5s and 60s
			assertThat(properties.getConnectTimeout()).isNull();
			assertThat(properties.getReadTimeout()).isNull();
			assertThat(properties.getMaxConnections()).isEqualTo(64);
		});
	}

	@Test
	void bindsEveryProperty() {
		this.runner
			.withPropertyValues("groq.api-key=gsk_bound", "groq.base-url=" + emulator.baseUrl(),
					"groq.default-model=llama-3.1-8b-instant", "groq.default-service-tier=flex",
					"groq.connect-timeout=2s", "groq.read-timeout=30s", "groq.max-connections=8")
			.run((context) -> {
				GroqProperties properties = context.getBean(GroqProperties.class);
				assertThat(properties.getApiKey()).isEqualTo("gsk_bound");
				assertThat(properties.getBaseUrl()).isEqualTo(emulator.baseUrl());
				assertThat(properties.getDefaultModel()).isEqualTo("llama-3.1-8b-instant");
				assertThat(properties.getDefaultServiceTier()).isEqualTo(ServiceTier.FLEX);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getMaxConnections()).isEqualTo(8);
				GroqTemplate groq = context.getBean(GroqTemplate.class);
				assertThat(groq.complete("Hi")).isEqualTo("Emulated reply to: Hi");
				assertThat(emulator.lastRequest().header("Authorization")).isEqualTo("Bearer gsk_bound");
				assertThat(emulator.lastRequest().model()).isEqualTo("llama-3.1-8b-instant");
				assertThat(emulator.lastRequest().serviceTier()).isEqualTo("flex");
			});
	}

	@Test
	void environmentVariablesGroqApiKeyAndGroqBaseUrlWork() {
		this.runner
			.withInitializer((context) -> TestPropertyValues
				.of("GROQ_API_KEY=gsk_from_env", "GROQ_BASE_URL=" + emulator.baseUrl())
				.applyTo(context.getEnvironment(), TestPropertyValues.Type.SYSTEM_ENVIRONMENT))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GroqProperties.class).getApiKey()).isEqualTo("gsk_from_env");
				context.getBean(GroqTemplate.class).listModels();
				assertThat(emulator.lastRequest().header("Authorization")).isEqualTo("Bearer gsk_from_env");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "on_demand", "on-demand", "ON_DEMAND" })
	void onDemandBindsHoweverItIsWritten(String value) {
		this.offline.withPropertyValues("groq.default-service-tier=" + value)
			.run((context) -> assertThat(context.getBean(GroqTemplate.class).getDefaultServiceTier())
				.isEqualTo(ServiceTier.ON_DEMAND));
	}

	@Test
	void invalidTierFailsStartUpNamingThePropertyAndTheValidValues() {
		this.offline.withPropertyValues("groq.default-service-tier=turbo").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			BindException bind = findCause(failure, BindException.class);
			assertThat(bind.getProperty().getName().toString()).isEqualTo("groq.default-service-tier");
			assertThat(bind).hasMessage("Failed to bind properties under 'groq.default-service-tier' to "
					+ "io.github.groqspring.tier.ServiceTier");
			assertThat(failure).rootCause()
				.hasMessage("'turbo' is not a Groq service tier; valid values are performance, on_demand, flex, auto");
		});
	}

	@Test
	void missingKeyForGroqsCloudFailsStartUpWithAnAnalysis() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			GroqApiKeyMissingException missing = findCause(context.getStartupFailure(),
					GroqApiKeyMissingException.class);
			assertThat(missing).hasMessage("No Groq API key: set the GROQ_API_KEY environment variable or the "
					+ "groq.api-key property (groq.base-url is https://api.groq.com)");
			FailureAnalysis analysis = new GroqApiKeyMissingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("No Groq API key is configured, and groq.base-url is Groq's cloud (https://api.groq.com).");
			assertThat(analysis.getAction()).startsWith("Set the GROQ_API_KEY environment variable or the "
					+ "groq.api-key property to a key from https://console.groq.com/keys.");
		});
	}

	@Test
	void blankKeyCountsAsMissing() {
		this.runner.withPropertyValues("groq.api-key=  ").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void missingKeyIsAllowedForAnyOtherBaseUrl() {
		this.offline.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(GroqTemplate.class);
			context.getBean(GroqTemplate.class).listModels();
			assertThat(emulator.lastRequest().header("Authorization")).isNull();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesGroqOperations() {
		this.offline.withUserConfiguration(StubGroqConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(GroqTemplate.class).hasSingleBean(GroqOperations.class);
			assertThat(context.getBean(GroqOperations.class)).isSameAs(StubGroqConfiguration.STUB);
		});
	}

	@Test
	void backsOffWhenTheUserDefinesGroqTemplate() {
		this.offline.withUserConfiguration(OwnTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(GroqTemplate.class);
			assertThat(context.getBean(GroqTemplate.class).getDefaultModel()).isEqualTo("mine");
		});
	}

	@Test
	void usersRestClientCustomizersApply() {
		this.offline.withBean(RestClientCustomizer.class,
				() -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(emulator.lastRequest().header("X-Customized")).isEqualTo("yes");
			});
	}

	@Test
	void bootsPrototypeRestClientBuilderIsNotCreatedButTheCustomizersApplyInOrder() {
		this.offline.withUserConfiguration(CreatedBeansConfiguration.class, OrderedCustomizersConfiguration.class)
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(emulator.lastRequest().header("X-Customized")).isEqualTo("second");
				assertThat(context.getBean(CreatedBeans.class).names).doesNotContain("restClientBuilder");
				assertThat(context.getBean(RestClient.Builder.class)).isNotNull();
				assertThat(context.getBean(CreatedBeans.class).names).contains("restClientBuilder");
			});
	}

	@Test
	void aRestClientBuilderTheApplicationDefinesIsUsed() {
		this.offline.withUserConfiguration(OwnRestClientBuilderConfiguration.class)
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(emulator.lastRequest().header("X-Own-Builder")).isEqualTo("yes");
				assertThat(emulator.lastRequest().header("X-Customized")).isNull();
			});
	}

	@Test
	void withoutRestClientAutoConfigurationAPlainBuilderIsUsed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + emulator.baseUrl())
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(emulator.lastRequest().header("X-Customized")).isNull();
				assertThat(emulator.lastRequest().header("User-Agent")).isEqualTo("groq-spring-boot-starter");
			});
	}

	@Test
	void groqTemplateBuilderCustomizersApplyInOrderAfterTheProperties() {
		this.offline.withPropertyValues("groq.default-service-tier=auto", "groq.default-model=from-properties")
			.withUserConfiguration(OrderedGroqCustomizersConfiguration.class)
			.run((context) -> {
				GroqTemplate groq = context.getBean(GroqTemplate.class);
				assertThat(context.getBean(OrderedGroqCustomizersConfiguration.class).applied).containsExactly("first",
						"second");
				assertThat(groq.getDefaultServiceTier()).isEqualTo(ServiceTier.FLEX);
				assertThat(groq.getDefaultModel()).isEqualTo("llama-3.1-8b-instant");
				groq.complete("Hi");
				assertThat(emulator.lastRequest().serviceTier()).isEqualTo("flex");
				assertThat(emulator.lastRequest().model()).isEqualTo("llama-3.1-8b-instant");
			});
	}

	@Test
	void groqTemplateBuilderCustomizersAreNotAppliedToATemplateTheApplicationDefines() {
		this.offline.withUserConfiguration(OwnTemplateConfiguration.class, OrderedGroqCustomizersConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(GroqTemplate.class);
				assertThat(context.getBean(GroqTemplate.class).getDefaultModel()).isEqualTo("mine");
				assertThat(context.getBean(OrderedGroqCustomizersConfiguration.class).applied).isEmpty();
			});
	}

	@Test
	void aHostileApplicationJsonMapperDoesNotChangeTheWireFormat() {
		this.offline
			.withBean(JsonMapper.class,
					() -> JsonMapper.builder()
						.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
						.enable(SerializationFeature.WRAP_ROOT_VALUE, SerializationFeature.INDENT_OUTPUT)
						.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
						.build())
			.run((context) -> {
				ChatResponse response = context.getBean(GroqTemplate.class)
					.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
				assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
				assertThat(emulator.lastRequest().bodyText()).isEqualTo(
						"{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
			});
	}

	@Test
	void propertiesToStringMasksTheKey() {
		this.offline.withPropertyValues("groq.api-key=gsk_do_not_print").run((context) -> {
			assertThat(context.getBean(GroqProperties.class).toString()).doesNotContain("gsk_do_not_print")
				.contains("apiKey=******");
			assertThat(context.getBean(GroqTemplate.class).toString()).doesNotContain("gsk_do_not_print");
		});
	}

	@Test
	void streamIdleTimeoutReachesTheTemplateAndIsUnsetByDefault() {
		this.offline.run((context) -> assertThat(context.getBean(GroqTemplate.class).getStreamIdleTimeout()).isNull());
		this.offline.withPropertyValues("groq.stream.idle-timeout=250ms").run((context) -> {
			assertThat(context.getBean(GroqProperties.class).getStream().getIdleTimeout())
				.isEqualTo(Duration.ofMillis(250));
			assertThat(context.getBean(GroqTemplate.class).getStreamIdleTimeout()).isEqualTo(Duration.ofMillis(250));
		});
	}

	@Test
	void aStreamIdleTimeoutThatIsNotPositiveFailsStartUpNamingTheProperty() {
		this.offline.withPropertyValues("groq.stream.idle-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			BindException bind = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bind.getProperty().getName().toString()).isEqualTo("groq.stream.idle-timeout");
			assertThat(bind.getProperty().getValue()).isEqualTo("0s");
			assertThat(findCause(context.getStartupFailure(), IllegalArgumentException.class)).hasMessage(
					"groq.stream.idle-timeout must be more than 0s, such as 30s (unset, only groq.read-timeout applies)");
		});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class StubGroqConfiguration {

		static final GroqOperations STUB = new GroqOperations() {

			@Override
			public ChatResponse chat(ChatRequest request) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ChatResponse chat(ChatRequest request, RequestOptions options) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ChatStream stream(ChatRequest request) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ChatStream stream(ChatRequest request, RequestOptions options) {
				throw new UnsupportedOperationException();
			}

			@Override
			public GroqBatchTemplate batches() {
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

		@Bean
		GroqOperations groqOperations() {
			return STUB;
		}

	}

	static final class CreatedBeans implements BeanPostProcessor {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			this.names.add(beanName);
			return bean;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CreatedBeansConfiguration {

		@Bean
		static CreatedBeans createdBeans() {
			return new CreatedBeans();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizersConfiguration {

		@Bean
		@Order(2)
		RestClientCustomizer secondCustomizer() {
			return (builder) -> builder.defaultHeader("X-Customized", "second");
		}

		@Bean
		@Order(1)
		RestClientCustomizer firstCustomizer() {
			return (builder) -> builder.defaultHeader("X-Customized", "first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedGroqCustomizersConfiguration {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		GroqTemplateBuilderCustomizer secondGroqCustomizer() {
			return (builder) -> {
				this.applied.add("second");
				builder.defaultModel("llama-3.1-8b-instant");
			};
		}

		@Bean
		@Order(1)
		GroqTemplateBuilderCustomizer firstGroqCustomizer() {
			return (builder) -> {
				this.applied.add("first");
				builder.defaultModel("overridden-by-the-second").defaultServiceTier(ServiceTier.FLEX);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRestClientBuilderConfiguration {

		@Bean
		RestClient.Builder ownRestClientBuilder() {
			return RestClient.builder().defaultHeader("X-Own-Builder", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplateConfiguration {

		@Bean
		GroqTemplate myGroqTemplate() {
			return GroqTemplate.builder().baseUrl(emulator.baseUrl()).defaultModel("mine").build();
		}

	}

}
