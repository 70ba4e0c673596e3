package io.github.groqspring.observation;

import java.util.concurrent.TimeUnit;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GroqMeterObservationHandlerTests {

	private static final String MODEL = "llama-3.3-70b-versatile";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final GroqTemplate groq;

	GroqMeterObservationHandlerTests() {
		this.registry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new GroqMeterObservationHandler(this.meters));
		this.groq = GroqTemplate.builder().retry(RetrySettings.NONE).baseUrl(this.emulator.baseUrl()).observationRegistry(this.registry).build();
	}

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void cachedAndReasoningTokensAreCountedBesideTheTokenMeterOnBlockingAndStreamedCalls() {
		this.emulator.enqueue(EmulatedResponse.reply("Fine.").withCachedTokens(5).withReasoning("Say it is fine."));
		this.groq.chat(ChatRequest.builder(MODEL).user("How are you today, friend?"));
		this.emulator.enqueueStream(io.github.groqspring.test.EmulatedStream.reply("Fine.")
			.withReasoning("Be", " brief.")
			.withCachedTokens(3));
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("And you, friend?"))) {
			stream.toResponse();
		}
		assertThat(this.meters.get("groq.client.token.cached").tag("gen_ai.request.model", MODEL).counter().count())
			.isEqualTo(8);
		assertThat(this.meters.get("groq.client.token.reasoning").tag("gen_ai.request.model", MODEL).counter().count())
			.isEqualTo(4 + 2);
		assertThat(this.meters.get("groq.client.token.cached").counter().getId().getBaseUnit()).isEqualTo("tokens");
		this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		assertThat(this.meters.get("groq.client.token.cached").tag("groq.request.service_tier", "flex").counter().count())
			.isZero();
	}

	@Test
	void aCallIsTimedAndCountsItsTokensAndQueueTimePerTier() {
		ChatResponse first = this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi there"));
		ChatResponse second = this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		Timer calls = this.meters.get("groq.client.operation")
			.tag("gen_ai.operation.name", "chat")
			.tag("gen_ai.request.model", MODEL)
			.tag("groq.request.service_tier", "flex")
			.tag("groq.response.service_tier", "flex")
			.tag("outcome", "SUCCESS")
			.tag("error", "none")
			.timer();
		assertThat(calls.count()).isEqualTo(2);
		assertThat(tokens("input")).isEqualTo(first.usage().promptTokens() + second.usage().promptTokens());
		assertThat(tokens("output")).isEqualTo(first.usage().completionTokens() + second.usage().completionTokens());
		Timer queue = this.meters.get("groq.client.queue.time")
			.tags("gen_ai.system", "groq", "gen_ai.operation.name", "chat", "gen_ai.request.model", MODEL,
					"gen_ai.response.model", MODEL, "groq.request.service_tier", "flex", "groq.response.service_tier",
					"flex")
			.timer();
		assertThat(queue.count()).isEqualTo(2);
		assertThat(queue.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(2 * 41_800);
		assertThat(this.meters.find("groq.client.capacity.exceeded").meters()).isEmpty();
		assertThat(this.meters.find("groq.client.retries").meters()).isEmpty();
	}

	@Test
	void every498IsCountedAndEachFailedCallIsTimedWithItsOutcome() {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(FlexCapacityExceededException.class).isThrownBy(
					() -> this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi")));
		}
		assertThat(this.meters.get("groq.client.capacity.exceeded")
			.tags("groq.request.service_tier", "flex", "gen_ai.request.model", MODEL)
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.meters.get("groq.client.operation")
			.tags("outcome", "CAPACITY_EXCEEDED", "error", "FlexCapacityExceededException")
			.timer()
			.count()).isEqualTo(2);
	}

	@Test
	void retriesInsideOneCallAreCountedWithTheirStatusWhileTheCallIsTimedOnce() throws Exception {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		try (GroqTemplate retrying = retryingTemplate()) {
			retrying.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		}
		assertThat(this.emulator.requests()).hasSize(3);
		assertThat(this.meters.get("groq.client.retries")
			.tags("http.response.status_code", "498", "groq.request.service_tier", "flex")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.meters.get("groq.client.capacity.exceeded").counter().count()).isEqualTo(2);
		assertThat(this.meters.get("groq.client.operation").timers()).hasSize(1);
		assertThat(this.meters.get("groq.client.operation").tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
	}

	@Test
	void a429IsCountedAndAFailedCallCountsNoTokens() {
		this.emulator.enqueue(EmulatedResponse.rateLimited(7));
		assertThatExceptionOfType(GroqRateLimitException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(this.meters.get("groq.client.rate.limited")
			.tags("groq.request.service_tier", "none", "gen_ai.operation.name", "chat")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.find("groq.client.token.usage").meters()).isEmpty();
		assertThat(this.meters.get("groq.client.operation")
			.tags("outcome", "RATE_LIMITED", "error", "GroqRateLimitException", "http.response.status_code", "429")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void aRunningCallIsActiveWithOutcomeUnknownAndAStreamClosedEarlyIsTimedAsCancelled() {
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			stream.iterator().next();
			LongTaskTimer active = this.meters.get("groq.client.operation.active")
				.tags("outcome", "UNKNOWN", "error.type", "none", "http.response.status_code", "none",
						"gen_ai.response.model", "none", "groq.response.service_tier", "none", "groq.fallback",
						"false", "groq.stream", "true")
				.longTaskTimer();
			assertThat(active.activeTasks()).isEqualTo(1);
		}
		assertThat(this.meters.get("groq.client.operation.active").longTaskTimer().activeTasks()).isZero();
		assertThat(this.meters.get("groq.client.operation").timers()).hasSize(1);
		assertThat(this.meters.get("groq.client.operation")
			.tags("outcome", "CANCELLED", "error", "none", "error.type", "none", "http.response.status_code", "200",
					"groq.stream", "true")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.find("groq.client.token.usage").meters()).isEmpty();
	}

	private double tokens(String type) {
		return this.meters.get("groq.client.token.usage")
			.tags("gen_ai.token.type", type, "groq.response.service_tier", "flex", "gen_ai.response.model", MODEL)
			.counter()
			.count();
	}

	private GroqTemplate retryingTemplate() {
		RestClient.Builder retrying = RestClient.builder().requestInterceptor((request, body, execution) -> {
			ClientHttpResponse response = execution.execute(request, body);
			while (response.getStatusCode().value() == 498) {
				response.close();
				// A retry layer below the template reports into the call's observation, current on this thread.
				CurrentGroqCall.find(this.registry).recordRetry(498);
				response = execution.execute(request, body);
			}
			return response;
		});
		return GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.observationRegistry(this.registry)
			.restClientBuilder(retrying)
			.build();
	}

}
