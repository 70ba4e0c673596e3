package io.github.groqspring;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class GroqTemplateWithoutObservationsTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.defaultModel("llama-3.1-8b-instant")
		.defaultServiceTier(ServiceTier.ON_DEMAND)
		.observationRegistry(this.registry)
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void theViewCallsWithTheTemplatesSettingsAndObservesNothing() {
		GroqTemplate view = this.groq.withoutObservations();
		assertThat(view.chat(ChatRequest.builder().user("Hi").build()).content()).isEqualTo("Emulated reply to: Hi");
		view.stream(ChatRequest.builder().user("Hi").build()).toResponse();
		assertThat(this.registry).doesNotHaveAnyObservation();
		assertThat(this.emulator.chatRequests()).allSatisfy((request) -> {
			assertThat(request.model()).isEqualTo("llama-3.1-8b-instant");
			assertThat(request.serviceTier()).isEqualTo("on_demand");
		});
		assertThat(view).hasToString(this.groq.toString());
	}

	@Test
	void closingTheViewLeavesTheTemplatesConnectionPoolOpen() throws Exception {
		this.groq.withoutObservations().close();
		assertThat(this.groq.complete("Still there?")).isEqualTo("Emulated reply to: Still there?");
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

}
