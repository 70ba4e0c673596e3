package io.github.groqspring.ai;

import java.time.Duration;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

/**
 * One observation per call: Spring AI's chat model observation with Groq's key values when
 * the model observes, the template's own when it does not; never both.
 */
class GroqChatModelObservationTests {

	static final String MODEL = "llama-3.3-70b-versatile";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	/** The template observes into the same registry, as the auto-configured bean does. */
	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.defaultModel(MODEL)
		.observationRegistry(this.registry)
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void aCallIsOneSpringAiObservationWithGroqsFacts() {
		ChatClient client = ChatClient.create(GroqChatModel.builder(this.groq)
			.defaultOptions(GroqChatOptions.builder().model(MODEL).build())
			.observationRegistry(this.registry)
			.build());
		client.prompt().user("Hi").options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX).temperature(0.3))
			.call()
			.content();
		String requestId = this.emulator.lastRequest().requestId();
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasContextualNameEqualTo("chat " + MODEL)
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", "groq")
			.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
			.hasLowCardinalityKeyValue("gen_ai.response.model", MODEL)
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.fallback", "false")
			.hasHighCardinalityKeyValue("groq.request.id", requestId)
			.hasHighCardinalityKeyValue("groq.attempts", "1")
			.hasHighCardinalityKeyValue("gen_ai.request.temperature", "0.3")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"stop\"]");
	}

	@Test
	void aFallbackIsOneObservationMarkedAsFallback() throws Exception {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		try (GroqTemplate fallingBack = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultModel(MODEL)
			.retry(io.github.groqspring.http.RetrySettings.NONE)
			.flexFallbackTier(ServiceTier.ON_DEMAND)
			.observationRegistry(this.registry)
			.build()) {
			ChatClient.create(GroqChatModel.builder(fallingBack).observationRegistry(this.registry).build())
				.prompt()
				.user("Hi")
				.options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX))
				.call()
				.content();
		}
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "on_demand")
			.hasLowCardinalityKeyValue("groq.fallback", "true")
			.hasHighCardinalityKeyValue("groq.attempts", "2");
	}

	@Test
	void aStreamIsOneSpringAiObservationStoppedAtItsEnd() {
		this.emulator.enqueueStream(EmulatedStream.pieces("Hello", " there"));
		ChatClient client = ChatClient
			.create(GroqChatModel.builder(this.groq).observationRegistry(this.registry).build());
		client.prompt().user("Hi").stream().content().blockLast(Duration.ofSeconds(10));
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("gen_ai.system", "groq")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "none")
			.hasHighCardinalityKeyValue("gen_ai.request.stream", "true")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "2");
	}

	@Test
	void withoutARegistryOnTheModelTheTemplateObservesTheCallOnce() {
		ChatClient.create(GroqChatModel.builder(this.groq).build()).prompt().user("Hi").call().content();
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("groq.client.operation");
	}

}
