package io.github.groqspring.testsupport;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.GroqEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.groqspring.autoconfigure.GroqAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code groq.emulator.enabled}: the offline mode the samples run in. */
@ExtendWith(OutputCaptureExtension.class)
class GroqEmulatorOfflineModeTests {

	@Test
	void autoWithoutAKeyStartsTheEmulatorAndStopsItWithTheApplication(CapturedOutput output) {
		org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null, "GROQ_API_KEY is set");
		GroqEmulator emulator;
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=auto")) {
			emulator = context.getBean(GroqEmulator.class);
			GroqTemplate groq = context.getBean(GroqTemplate.class);
			assertThat(groq.getBaseUrl()).isEqualTo(emulator.baseUrl());
			assertThat(groq.listModels()).isNotEmpty();
			assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at " + emulator.baseUrl());
		}
		assertThat(emulator.toString()).contains("1 requests");
		assertThat(isListening(emulator)).isFalse();
	}

	@Test
	void autoWithAKeyLeavesGroqAlone() {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=auto", "--groq.api-key=gsk_real")) {
			assertThat(context.getBeansOfType(GroqEmulator.class)).isEmpty();
			assertThat(context.getBean(GroqTemplate.class).getBaseUrl()).isEqualTo("https://api.groq.com");
		}
	}

	@Test
	void offByDefault() {
		try (ConfigurableApplicationContext context = run("--groq.api-key=gsk_real")) {
			assertThat(context.getBeansOfType(GroqEmulator.class)).isEmpty();
		}
	}

	@Test
	void aWrongModeFailsWithTheValidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> run("--groq.emulator.enabled=sometimes"))
			.withMessage("Invalid value 'sometimes' for groq.emulator.enabled: use true, false or auto");
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(args);
	}

	private static boolean isListening(GroqEmulator emulator) {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", emulator.port())) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
			JacksonAutoConfiguration.class })
	static class Application {

	}

}
