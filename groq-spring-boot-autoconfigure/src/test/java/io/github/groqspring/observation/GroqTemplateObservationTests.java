package io.github.groqspring.observation;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GroqTemplateObservationTests {

	private static final String MODEL = "llama-3.3-70b-versatile";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final GroqTemplate groq = GroqTemplate.builder().retry(RetrySettings.NONE)
		.baseUrl(this.emulator.baseUrl())
		.observationRegistry(this.registry)
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void chatIsOneObservationWithGenAiAndGroqKeys() {
		ChatResponse response = this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		assertThat(response.groqRequestId()).isEqualTo(this.emulator.lastRequest().requestId());
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("groq.client.operation")
			.hasContextualNameEqualTo("chat llama-3.3-70b-versatile")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasOnlyKeys("gen_ai.operation.name", "gen_ai.system", "gen_ai.request.model", "gen_ai.response.model",
					"groq.request.service_tier", "groq.response.service_tier", "groq.fallback", "groq.stream",
					"outcome", "error.type", "http.response.status_code", "groq.request.id", "gen_ai.response.id",
					"gen_ai.response.finish_reasons", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens",
					"groq.usage.queue_time")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", "groq")
			.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
			.hasLowCardinalityKeyValue("gen_ai.response.model", MODEL)
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.fallback", "false")
			.hasLowCardinalityKeyValue("groq.stream", "false")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasHighCardinalityKeyValue("groq.request.id", this.emulator.lastRequest().requestId())
			.hasHighCardinalityKeyValue("gen_ai.response.id", response.completion().id())
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", Long.toString(response.usage().promptTokens()))
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens",
					Long.toString(response.usage().completionTokens()))
			.hasHighCardinalityKeyValue("groq.usage.queue_time", "0.0418");
	}

	@Test
	void noTierSentIsTierNoneAndGroqsOnDemandEchoIsNoFallback() {
		this.groq.chat(ChatRequest.builder(MODEL).user("Hi"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("groq.request.service_tier", "none")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "on_demand")
			.hasLowCardinalityKeyValue("groq.fallback", "false");
	}

	@Test
	void autoServedByOnDemandIsNoFallback() {
		this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.AUTO).user("Hi"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("groq.request.service_tier", "auto")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "on_demand")
			.hasLowCardinalityKeyValue("groq.fallback", "false");
	}

	@Test
	void flexServedByOnDemandIsAFallback() {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", """
				{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"llama-3.3-70b-versatile",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
				 "x_groq":{"id":"req_fallback"},"service_tier":"on_demand"}"""));
		this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "on_demand")
			.hasLowCardinalityKeyValue("groq.fallback", "true")
			.hasHighCardinalityKeyValue("groq.request.id", "req_fallback")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.usage.input_tokens");
	}

	@Test
	void flexCapacityExceededIsAnErrorWithStatusOutcomeAndRequestId() {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		FlexCapacityExceededException ex = org.assertj.core.api.Assertions.catchThrowableOfType(
				FlexCapacityExceededException.class,
				() -> this.groq.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi")));
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasError(ex)
			.hasLowCardinalityKeyValue("outcome", "CAPACITY_EXCEEDED")
			.hasLowCardinalityKeyValue("error.type", "FlexCapacityExceededException")
			.hasLowCardinalityKeyValue("http.response.status_code", "498")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "none")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "none")
			.hasHighCardinalityKeyValue("groq.request.id", ex.getRequestId());
	}

	@Test
	void rateLimitIsOutcomeRateLimited() {
		this.emulator.enqueue(EmulatedResponse.rateLimited(3));
		assertThatExceptionOfType(GroqRateLimitException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "RATE_LIMITED")
			.hasLowCardinalityKeyValue("error.type", "GroqRateLimitException")
			.hasLowCardinalityKeyValue("http.response.status_code", "429");
	}

	@Test
	void serverErrorIsOutcomeServerError() {
		this.emulator.enqueue(EmulatedResponse.error(503, "internal_server_error", null, "Service Unavailable"));
		assertThatExceptionOfType(GroqServerException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
			.hasLowCardinalityKeyValue("http.response.status_code", "503");
	}

	@Test
	void timeoutIsOutcomeTimeoutWithoutStatus() throws Exception {
		this.emulator.enqueue(EmulatedResponse.reply("late").delayedBy(Duration.ofSeconds(2)));
		try (GroqTemplate impatient = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.readTimeout(Duration.ofMillis(150))
			.observationRegistry(this.registry)
			.build()) {
			assertThatExceptionOfType(GroqTimeoutException.class)
				.isThrownBy(() -> impatient.chat(ChatRequest.builder(MODEL).user("Hi")));
		}
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "TIMEOUT")
			.hasLowCardinalityKeyValue("error.type", "GroqTimeoutException")
			.hasLowCardinalityKeyValue("http.response.status_code", "none")
			.doesNotHaveHighCardinalityKeyValueWithKey("groq.request.id");
	}

	@Test
	void unreachableGroqIsOutcomeTransportError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (GroqTemplate unreachable = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl("http://127.0.0.1:" + port)
			.observationRegistry(this.registry)
			.build()) {
			assertThatExceptionOfType(GroqTransportException.class)
				.isThrownBy(() -> unreachable.chat(ChatRequest.builder(MODEL).user("Hi")));
		}
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "TRANSPORT_ERROR")
			.hasLowCardinalityKeyValue("error.type", "GroqTransportException")
			.hasLowCardinalityKeyValue("http.response.status_code", "none");
	}

	@Test
	void listModelsIsObservedWithItsStatusAndRequestId() {
		this.groq.listModels();
		assertThat(this.registry).hasSingleObservationThat()
			.hasContextualNameEqualTo("list_models")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "list_models")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "none")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasHighCardinalityKeyValue("groq.request.id", this.emulator.lastRequest().requestId());
	}

	@Test
	void getModelOfAnUnknownModelIsAClientError() {
		assertThatExceptionOfType(GroqNotFoundException.class).isThrownBy(() -> this.groq.getModel("nope"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasContextualNameEqualTo("get_model nope")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "nope")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error.type", "GroqNotFoundException")
			.hasLowCardinalityKeyValue("http.response.status_code", "404");
	}

	@Test
	void aRequestWithoutModelFailsBeforeAnyObservation() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.groq.chat(ChatRequest.builder().user("Hi")))
			.withMessage("No model: name one with ChatRequest.builder(model) or set groq.default-model");
		assertThat(this.registry).doesNotHaveAnyObservation();
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void retriesInsideTheHttpLayerStayInsideTheCallsObservation() throws Exception {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded())
			.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
		try (GroqTemplate template = GroqTemplate.builder()
			.retry(new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1)))
			.baseUrl(this.emulator.baseUrl())
			.observationRegistry(this.registry)
			.build()) {
			template.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		}
		assertThat(this.emulator.requests()).hasSize(3);
		assertThat(this.registry).hasSingleObservationThat()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasHighCardinalityKeyValue("groq.retries", "2");
	}

	@Test
	void aFlexFallbackIsRecordedOnTheCallsObservation() throws Exception {
		for (int i = 0; i < 2; i++) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		}
		try (GroqTemplate template = fallingBackToOnDemand()) {
			template.chat(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"));
		}
		assertThat(this.emulator.requests()).hasSize(3);
		assertThat(this.registry).hasSingleObservationThat()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "on_demand")
			.hasLowCardinalityKeyValue("groq.fallback", "true")
			.hasHighCardinalityKeyValue("groq.retries", "1");
	}

	@Test
	void aStreamIsOneObservationEndedByItsLastChunk() {
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"))) {
			assertThat(this.registry).hasSingleObservationThat().isNotStopped();
			stream.forEach((chunk) -> {
			});
		}
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("groq.stream", "true")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			// Groq names the served tier in a stream only on the include_usage chunk, which a stream asks for.
			.hasLowCardinalityKeyValue("groq.response.service_tier", "flex");
	}

	@Test
	void aStreamRetriedBeforeItsFirstChunkIsOneSuccessfulObservation() throws Exception {
		this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
		try (GroqTemplate retrying = GroqTemplate.builder()
			.retry(new RetrySettings(1, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1)))
			.baseUrl(this.emulator.baseUrl())
			.observationRegistry(this.registry)
			.build(); ChatStream stream = retrying.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			stream.forEach((chunk) -> {
			});
		}
		assertThat(this.emulator.requests()).hasSize(2);
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("groq.retries", "1");
	}

	@Test
	void aTruncatedStreamEndsItsObservationWithTheError() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three").truncatedAfter(2));
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			assertThatExceptionOfType(GroqStreamTruncatedException.class).isThrownBy(() -> stream.forEach((chunk) -> {
			}));
		}
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("groq.stream", "true");
	}

	@Test
	void aStreamClosedEarlyEndsItsObservationAsCancelled() {
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			stream.iterator().next();
		}
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("groq.stream", "true")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasHighCardinalityKeyValue("groq.request.id", this.emulator.requests().get(0).requestId())
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.usage.output_tokens");
	}

	@Test
	void aStreamClosedFromAnotherThreadOrByAThrowingHandlerIsCancelledToo() throws Exception {
		ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"));
		Thread closer = new Thread(stream::close);
		closer.start();
		closer.join();
		stream.forEach((chunk) -> {
		});
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi"), (chunk) -> {
				throw new IllegalStateException("the caller gave up");
			}));
		assertThat(this.registry).hasNumberOfObservationsEqualTo(2)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts).allSatisfy((context) -> {
				assertThat(context.getName()).isEqualTo("groq.client.operation");
				assertThat(context.getError()).isNull();
				assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("CANCELLED");
			}));
	}

	@Test
	void aStreamThatFallsBackIsRecordedAsAFallbackLikeABlockingCall() throws Exception {
		for (int i = 0; i < 2; i++) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		}
		try (GroqTemplate template = fallingBackToOnDemand();
				ChatStream stream = template
					.stream(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi"))) {
			assertThat(stream.toResponse().metadata().fellBack()).isTrue();
		}
		assertThat(this.emulator.requests()).hasSize(3);
		assertThat(this.registry).hasSingleObservationThat()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("groq.stream", "true")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "on_demand")
			.hasLowCardinalityKeyValue("groq.fallback", "true")
			.hasHighCardinalityKeyValue("groq.retries", "1");
	}

	@Test
	void aStreamWhoseFallbackFailsEndsItsObservationWithTheFallbacksError() throws Exception {
		for (int i = 0; i < 2; i++) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		}
		for (int i = 0; i < 2; i++) {
			this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down " + i));
		}
		GroqServerException ex;
		try (GroqTemplate template = fallingBackToOnDemand()) {
			ex = catchThrowableOfType(GroqServerException.class,
					() -> template.stream(ChatRequest.builder(MODEL).serviceTier(ServiceTier.FLEX).user("Hi")));
		}
		assertThat(ex.getAttempts()).isEqualTo(4);
		assertThat(this.emulator.requests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("flex", "flex", "on_demand", "on_demand");
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasError(ex)
			.hasLowCardinalityKeyValue("groq.stream", "true")
			.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
			.hasLowCardinalityKeyValue("error.type", "GroqServerException")
			.hasLowCardinalityKeyValue("http.response.status_code", "503")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.fallback", "true")
			.hasHighCardinalityKeyValue("groq.request.id", this.emulator.requests().get(3).requestId())
			.hasHighCardinalityKeyValue("groq.retries", "2"); // one on each tier: the fallback's first request is no retry
	}

	@Test
	void theHttpExchangeIsAChildOfTheGroqObservation() throws Exception {
		try (GroqTemplate template = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.restClientBuilder(RestClient.builder().observationRegistry(this.registry))
			.observationRegistry(this.registry)
			.build()) {
			template.chat(ChatRequest.builder(MODEL).user("Hi"));
		}
		assertThat(this.registry).hasNumberOfObservationsEqualTo(2)
			.hasHandledContextsThatSatisfy((contexts) -> {
				ClientRequestObservationContext http = contexts.stream()
					.filter(ClientRequestObservationContext.class::isInstance)
					.map(ClientRequestObservationContext.class::cast)
					.findFirst()
					.orElseThrow();
				assertThat(http.getParentObservation().getContextView()).isInstanceOf(GroqObservationContext.class);
			});
	}

	@Test
	void withoutARegistryNoContextIsCurrentInsideTheCall() throws Exception {
		// Micrometer's registries share the current observations of a thread: any would show it.
		List<Object> seen = new ArrayList<>();
		RestClient.Builder spying = RestClient.builder().requestInterceptor((request, body, execution) -> {
			seen.add(String.valueOf(CurrentGroqCall.find(this.registry)));
			return execution.execute(request, body);
		});
		try (GroqTemplate unobserved = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.restClientBuilder(spying)
			.build()) {
			unobserved.chat(ChatRequest.builder(MODEL).user("Hi"));
		}
		assertThat(seen).containsExactly("null");
		assertThat(CurrentGroqCall.find(this.registry)).isNull();
	}

	/** One retry, then a fallback from flex to on_demand. */
	private GroqTemplate fallingBackToOnDemand() {
		return GroqTemplate.builder()
			.retry(new RetrySettings(1, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1)))
			.flexFallbackTier(ServiceTier.ON_DEMAND)
			.baseUrl(this.emulator.baseUrl())
			.observationRegistry(this.registry)
			.build();
	}

}
