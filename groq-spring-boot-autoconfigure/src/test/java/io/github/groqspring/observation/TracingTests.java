package io.github.groqspring.observation;

import java.util.List;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TracingTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final SimpleTracer tracer = new SimpleTracer();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final GroqTemplate groq;

	TracingTests() {
		this.registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(this.tracer));
		this.groq = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.restClientBuilder(RestClient.builder().observationRegistry(this.registry))
			.observationRegistry(this.registry)
			.build();
	}

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void eachCallIsASpanTaggedWithGroqsRequestIdAndParentOfTheHttpSpan() {
		this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").serviceTier(ServiceTier.FLEX).user("Hi"));
		List<SimpleSpan> spans = List.copyOf(this.tracer.getSpans());
		assertThat(spans).hasSize(2);
		SimpleSpan groq = spans.stream().filter((span) -> span.getName().startsWith("chat")).findFirst().orElseThrow();
		SimpleSpan http = spans.stream().filter((span) -> span != groq).findFirst().orElseThrow();
		assertThat(groq.getName()).isEqualTo("chat llama-3.3-70b-versatile");
		assertThat(groq.getTags()).containsEntry("groq.request.id", this.emulator.lastRequest().requestId())
			.containsEntry("gen_ai.request.model", "llama-3.3-70b-versatile")
			.containsEntry("groq.request.service_tier", "flex")
			.containsEntry("groq.response.service_tier", "flex")
			.containsEntry("outcome", "SUCCESS");
		assertThat(groq.getEndTimestamp()).isNotNull();
		assertThat(http.getParentId()).isEqualTo(groq.getSpanId());
		assertThat(http.getTraceId()).isEqualTo(groq.getTraceId());
	}

	@Test
	void aFailedCallsSpanCarriesTheErrorAndTheRequestId() {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		FlexCapacityExceededException ex = org.assertj.core.api.Assertions.catchThrowableOfType(
				FlexCapacityExceededException.class, () -> this.groq
					.chat(ChatRequest.builder("llama-3.3-70b-versatile").serviceTier(ServiceTier.FLEX).user("Hi")));
		SimpleSpan groq = this.tracer.getSpans()
			.stream()
			.filter((span) -> span.getName().startsWith("chat"))
			.findFirst()
			.orElseThrow();
		assertThat(groq.getError()).isSameAs(ex);
		assertThat(groq.getTags()).containsEntry("groq.request.id", ex.getRequestId())
			.containsEntry("outcome", "CAPACITY_EXCEEDED")
			.containsEntry("http.response.status_code", "498");
	}

}
