package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.internal.observation.GroqContentLogger;
import io.github.groqspring.observation.DefaultGroqObservationConvention;
import io.github.groqspring.observation.GroqMeterObservationHandler;
import io.github.groqspring.observation.GroqObservationConvention;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class GroqObservationAutoConfigurationTests {

	private static final String MODEL = "llama-3.1-8b-instant";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqObservationAutoConfiguration.class,
				RestClientAutoConfiguration.class, JacksonAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + this.emulator.baseUrl(), "groq.default-model=" + MODEL);

	@Test
	void withMetersEachCallIsTimedAndCountsItsTokens() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(GroqMeterObservationHandler.class);
			ChatResponse response = context.getBean(GroqTemplate.class).chat(ChatRequest.builder().user("Hi"));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("groq.client.operation")
				.tags("gen_ai.request.model", MODEL, "groq.response.service_tier", "on_demand", "outcome", "SUCCESS")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get("groq.client.token.usage").tag("gen_ai.token.type", "output").counter().count())
				.isEqualTo(response.usage().completionTokens());
			assertThat(meters.get("groq.client.queue.time")
				.tag("groq.response.service_tier", "on_demand")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void withoutAMeterRegistryThereIsNoMeterHandlerButCallsAreObserved() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class,
					GroqObservationAutoConfiguration.class, RestClientAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + this.emulator.baseUrl(), "groq.default-model=" + MODEL)
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(GroqMeterObservationHandler.class);
				context.getBean(GroqTemplate.class).complete("Hi");
				assertThat(context.getBean(TestObservationRegistry.class)).hasSingleObservationThat()
					.hasNameEqualTo("groq.client.operation")
					.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL);
			});
	}

	@Test
	void theUsersConventionIsUsed() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(GroqObservationConvention.class, () -> new DefaultGroqObservationConvention() {

				@Override
				public String getName() {
					return "my.groq.calls";
				}

			})
			.run((context) -> {
				context.getBean(GroqTemplate.class).complete("Hi");
				assertThat(context.getBean(TestObservationRegistry.class)).hasSingleObservationThat()
					.hasNameEqualTo("my.groq.calls");
			});
	}

	@Test
	void withoutMicrometerTheApplicationStartsAndCallsWork() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(GroqMeterObservationHandler.class)
				.doesNotHaveBean(MeterRegistry.class);
			assertThat(context.getBean(GroqTemplate.class).complete("Hi")).isEqualTo("Emulated reply to: Hi");
		});
	}

	@Test
	void withoutMicrometersMetersCallsAreStillObserved() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(GroqMeterObservationHandler.class);
				context.getBean(GroqTemplate.class).complete("Hi");
				assertThat(context.getBean(TestObservationRegistry.class)).hasSingleObservationThat()
					.hasLowCardinalityKeyValue("outcome", "SUCCESS");
			});
	}

	@Test
	void logContentIsOffByDefaultAndOnWithTheProperty(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(GroqContentLogger.CATEGORY, LogLevel.DEBUG);
		try {
			this.runner.run((context) -> context.getBean(GroqTemplate.class).complete("Default off"));
			this.runner.withPropertyValues("groq.observations.log-content=true", "groq.api-key=gsk_autoconfig_secret_1")
				.run((context) -> context.getBean(GroqTemplate.class).complete("Switched on gsk_autoconfig_secret_1"));
		}
		finally {
			logging.setLogLevel(GroqContentLogger.CATEGORY, null);
		}
		assertThat(output.getAll()).doesNotContain("Default off")
			.contains("Groq chat request to " + MODEL + " (tier none): [user] Switched on ******")
			.doesNotContain("gsk_autoconfig_secret_1");
	}

}
