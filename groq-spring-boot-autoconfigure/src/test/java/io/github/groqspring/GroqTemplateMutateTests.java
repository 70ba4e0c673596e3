package io.github.groqspring;

import java.time.Duration;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GroqTemplate#mutate()}: a template derived with another key, base URL, tier or
 * timeouts sends what it was given, keeps everything else of the original, and shares no
 * connection pool with it.
 */
class GroqTemplateMutateTests {

	static final String KEY = "gsk_mutate_original_key_0001";

	static final String OTHER_KEY = "gsk_mutate_tenant_b_key_0002";

	@RegisterExtension
	static final GroqEmulatorExtension groq = new GroqEmulatorExtension();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final GroqTemplate original = GroqTemplate.builder()
		.baseUrl(groq.baseUrl())
		.apiKey(KEY)
		.defaultModel("llama-3.1-8b-instant")
		.defaultServiceTier(ServiceTier.ON_DEMAND)
		.retry(RetrySettings.NONE)
		.observationRegistry(this.registry)
		.build();

	@AfterEach
	void close() throws Exception {
		this.original.close();
	}

	@Test
	void aTemplateMutatedWithAnotherKeySendsThatKeyAndTheOriginalKeepsItsOwn() throws Exception {
		try (GroqTemplate tenantB = this.original.mutate().apiKey(OTHER_KEY).build()) {
			tenantB.complete("From B");
			this.original.complete("From A");
			tenantB.listModels();
		}
		assertThat(groq.emulator().requests()).extracting((request) -> request.header("Authorization"))
			.containsExactly("Bearer " + OTHER_KEY, "Bearer " + KEY, "Bearer " + OTHER_KEY);
	}

	@Test
	void aMutatedTemplateKeepsTheOriginalsSettingsWhereItChangesNone() throws Exception {
		try (GroqTemplate flex = this.original.mutate().defaultServiceTier(ServiceTier.FLEX).build()) {
			assertThat(flex.getBaseUrl()).isEqualTo(this.original.getBaseUrl());
			assertThat(flex.getDefaultModel()).isEqualTo("llama-3.1-8b-instant");
			assertThat(flex.getDefaultServiceTier()).isEqualTo(ServiceTier.FLEX);
			assertThat(this.original.getDefaultServiceTier()).isEqualTo(ServiceTier.ON_DEMAND);
			flex.complete("Hi");
		}
		RecordedRequest sent = groq.emulator().lastRequest();
		assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(sent.model()).isEqualTo("llama-3.1-8b-instant");
		assertThat(sent.serviceTier()).isEqualTo("flex");
		assertThat(this.registry).hasSingleObservationThat().hasBeenStopped();
	}

	@Test
	void aMutatedTemplateWithAnotherBaseUrlCallsThereOnly() throws Exception {
		try (GroqEmulator other = GroqEmulator.start();
				GroqTemplate elsewhere = this.original.mutate().baseUrl(other.baseUrl()).build()) {
			elsewhere.complete("Hi");
			assertThat(other.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
			assertThat(groq.emulator().requests()).isEmpty();
		}
	}

	@Test
	void aMutatedTemplateHasItsOwnConnectionPool() throws Exception {
		GroqTemplate derived = this.original.mutate().build();
		derived.complete("Before");
		derived.close();
		assertThat(this.original.complete("Still open")).isEqualTo("Emulated reply to: Still open");
		try (GroqTemplate second = this.original.mutate().build()) {
			this.original.close();
			assertThat(second.complete("Also open")).isEqualTo("Emulated reply to: Also open");
		}
	}

	@Test
	void aMutatedTemplatesTimeoutsAreItsOwn() throws Exception {
		groq.emulator()
			.enqueue(GroqEmulator.MODELS,
					EmulatedResponse.raw(200, "application/json", "{\"object\":\"list\",\"data\":[]}")
						.delayedBy(Duration.ofMillis(800)));
		try (GroqTemplate impatient = this.original.mutate().readTimeout(Duration.ofMillis(100)).build()) {
			assertThatExceptionOfType(GroqTimeoutException.class).isThrownBy(impatient::listModels);
		}
		groq.emulator()
			.enqueue(GroqEmulator.MODELS,
					EmulatedResponse.raw(200, "application/json", "{\"object\":\"list\",\"data\":[]}")
						.delayedBy(Duration.ofMillis(800)));
		assertThat(this.original.listModels()).isEmpty();
	}

	@Test
	void changingTheMutatedBuilderChangesNeitherTheOriginalNorWhatItBuiltBefore() throws Exception {
		GroqTemplateBuilder builder = this.original.mutate();
		try (GroqTemplate first = builder.defaultModel("llama-3.3-70b-versatile").build();
				GroqTemplate again = this.original.mutate().build()) {
			builder.defaultModel("openai/gpt-oss-20b");
			assertThat(first.getDefaultModel()).isEqualTo("llama-3.3-70b-versatile");
			assertThat(this.original.getDefaultModel()).isEqualTo("llama-3.1-8b-instant");
			assertThat(again.getDefaultModel()).isEqualTo("llama-3.1-8b-instant");
		}
	}

	@Test
	void aViewWithoutObservationsMutatesIntoATemplateWithoutObservations() throws Exception {
		try (GroqTemplate derived = this.original.withoutObservations().mutate().apiKey(OTHER_KEY).build()) {
			derived.chat(ChatRequest.builder().user("Unobserved").build());
		}
		assertThat(this.registry).doesNotHaveAnyObservation();
		assertThat(groq.emulator().lastRequest().header("Authorization")).isEqualTo("Bearer " + OTHER_KEY);
	}

}
