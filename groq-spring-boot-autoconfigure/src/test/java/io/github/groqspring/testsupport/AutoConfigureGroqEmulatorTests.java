package io.github.groqspring.testsupport;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.test.AutoConfigureGroqEmulator;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a user's own test looks like with the test-support annotation; the application's
 * offline mode ({@code groq.emulator.enabled=auto}, as the samples set it) stays out of the way.
 */
@SpringBootTest(properties = { "groq.default-model=llama-3.3-70b-versatile", "groq.emulator.enabled=auto" })
@AutoConfigureGroqEmulator(apiKey = "gsk_test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureGroqEmulatorTests {

	@Autowired
	GroqEmulator groq;

	@Autowired
	GroqTemplate template;

	@Test
	@Order(1)
	void theContextTalksToTheEmulatorWithTheTestKey() {
		this.groq.onChat().promptMatches("Summarize").thenReply("Short.");
		assertThat(this.template.complete("Summarize this")).isEqualTo("Short.");
		assertThat(this.template.getBaseUrl()).isEqualTo(this.groq.baseUrl());
		assertThat(this.groq.lastRequest().header("Authorization")).isEqualTo("Bearer gsk_test");
		assertThat(this.groq.lastRequest().model()).isEqualTo("llama-3.3-70b-versatile");
	}

	@Test
	@Order(2)
	void eachTestStartsWithAFreshEmulatorState() {
		assertThat(this.groq.requests()).isEmpty();
		assertThat(this.template.complete("Summarize this")).isEqualTo("Emulated reply to: Summarize this");
	}

	@Test
	@Order(3)
	void errorsAreScriptedPerTier() {
		this.groq.onChat().tier("flex").thenRespond(EmulatedResponse.flexCapacityExceeded());
		assertThatExceptionOfType(FlexCapacityExceededException.class).isThrownBy(
				() -> this.template.chat(ChatRequest.builder().user("x").serviceTier(ServiceTier.FLEX)));
		assertThat(this.groq.chatRequests()).hasSize(3);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
			JacksonAutoConfiguration.class })
	static class Application {

	}

}
