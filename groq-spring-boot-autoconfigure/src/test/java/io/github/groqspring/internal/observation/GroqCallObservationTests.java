package io.github.groqspring.internal.observation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ResponseMessage;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqOperationType;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract a streamed call relies on: the observation starts when the stream opens,
 * spans the threads that consume it, and ends once, when the stream ends.
 */
class GroqCallObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final GroqObserver observer = new GroqObserver(this.registry, null, null);

	private final ChatRequest request = ChatRequest.builder("openai/gpt-oss-20b")
		.serviceTier(ServiceTier.FLEX)
		.user("Stream it")
		.build();

	@Test
	void aStreamIsObservedFromOpenToItsLastChunkAcrossThreads() throws Exception {
		GroqCallObservation call = this.observer.start(streamContext());
		assertThat(this.registry).hasSingleObservationThat().hasBeenStarted().isNotStopped();
		AtomicReference<GroqObservationContext> currentOnConsumer = new AtomicReference<>();
		CompletableFuture.runAsync(() -> {
			try (Observation.Scope scope = call.openScope()) {
				currentOnConsumer.set((GroqObservationContext) this.registry.getCurrentObservation().getContext());
				call.context().setCompletion(lastChunk());
			}
		}).get();
		assertThat(currentOnConsumer.get()).isSameAs(call.context());
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		call.succeeded(null);
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasContextualNameEqualTo("chat openai/gpt-oss-20b")
			.hasLowCardinalityKeyValue("groq.stream", "true")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "flex")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "flex")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "openai/gpt-oss-20b")
			.hasHighCardinalityKeyValue("groq.request.id", "req_stream")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "12")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "34")
			.hasHighCardinalityKeyValue("groq.usage.queue_time", "0.5");
		assertThat(this.registry.getCurrentObservation()).isNull();
	}

	@Test
	void aStreamThatBreaksEndsWithItsErrorAndLaterEndsAreIgnored() {
		GroqCallObservation call = this.observer.start(streamContext());
		GroqTransportException broken = new GroqTransportException("Stream ended without [DONE]",
				new IOException("Premature EOF"));
		call.failed(broken);
		call.succeeded(lastChunk());
		call.failed(new IllegalStateException("closed"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.hasError(broken)
			.hasLowCardinalityKeyValue("outcome", "TRANSPORT_ERROR")
			.hasLowCardinalityKeyValue("groq.response.service_tier", "none");
	}

	@Test
	void aStreamClosedBeforeItsEndIsAnError() {
		GroqCallObservation call = this.observer.start(streamContext());
		call.failed(new IllegalStateException("Stream closed by the caller before it ended"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("error.type", "IllegalStateException")
			.hasLowCardinalityKeyValue("http.response.status_code", "none");
	}

	@Test
	void aStreamTheCallerClosedIsCancelledWithoutAnErrorAndLaterEndsAreIgnored() {
		GroqCallObservation call = this.observer.start(streamContext());
		call.cancelled(new ResponseMetadata(200, "req_cancelled", null, RateLimits.NONE, null, 2, null));
		call.failed(new IllegalStateException("closed"));
		call.succeeded(lastChunk());
		assertThat(this.registry).hasSingleObservationThat()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasHighCardinalityKeyValue("groq.request.id", "req_cancelled")
			.satisfies((context) -> {
				GroqObservationContext groq = (GroqObservationContext) context;
				assertThat(groq.isCancelled()).isTrue();
				assertThat(groq.isCompleted()).isFalse();
			});
	}

	@Test
	void aFallbackReportedFromInsideTheCallIsRecorded() {
		this.observer.observe(this::chatContext, (listener) -> {
			listener.beforeFallback(ServiceTier.ON_DEMAND, flexCapacityExceeded());
			return "served";
		});
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("groq.fallback", "true")
			.doesNotHaveHighCardinalityKeyValueWithKey("groq.retries")
			.doesNotHaveHighCardinalityKeyValueWithKey("groq.request.id")
			.satisfies((context) -> {
				GroqObservationContext groq = (GroqObservationContext) context;
				assertThat(groq.getFallbackTier()).isEqualTo(ServiceTier.ON_DEMAND);
				assertThat(groq.getFailedAttempts()).containsExactly(498);
				assertThat(groq.getRetries()).isZero();
			});
	}

	@Test
	void retriesReportedFromInsideTheCallAreRecordedWithTheirStatuses() {
		this.observer.observe(this::chatContext, (listener) -> {
			listener.beforeRetry(flexCapacityExceeded(), 1, Duration.ofMillis(5));
			listener.beforeRetry(new GroqTransportException("reset", 2, new IOException("Connection reset")), 2,
					Duration.ofMillis(10));
			return "served";
		});
		assertThat(this.registry).hasSingleObservationThat()
			.hasHighCardinalityKeyValue("groq.retries", "2")
			.hasLowCardinalityKeyValue("groq.fallback", "false")
			.satisfies((context) -> {
				GroqObservationContext groq = (GroqObservationContext) context;
				assertThat(groq.getRetriedStatuses()).containsExactly(498, 0);
				assertThat(groq.getFailedAttempts()).containsExactly(498, 0);
				assertThat(groq.getFallbackTier()).isNull();
			});
	}

	@Test
	void aCallNothingObservesGetsTheListenerThatRecordsNothing() {
		GroqObserver unobserved = new GroqObserver(ObservationRegistry.NOOP, null, null);
		Object listener = unobserved.observe(this::chatContext, (given) -> given);
		assertThat(listener).isSameAs(GroqCallListener.NONE);
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private GroqObservationContext chatContext() {
		return new GroqObservationContext(GroqOperationType.CHAT, this.request.model(), this.request.serviceTier(),
				false, this.request);
	}

	private GroqObservationContext streamContext() {
		return new GroqObservationContext(GroqOperationType.CHAT, this.request.model(), this.request.serviceTier(),
				true, this.request);
	}

	private static FlexCapacityExceededException flexCapacityExceeded() {
		return new FlexCapacityExceededException("Groq answered 498 Flex Capacity Exceeded", 498, GroqError.NONE,
				null, RateLimits.NONE);
	}

	private static ChatCompletion lastChunk() {
		Usage usage = new Usage(0.5, 12, 0.01, 34, 0.2, 46, 0.71, null, null);
		return new ChatCompletion("chatcmpl-stream", "chat.completion", 1L, "openai/gpt-oss-20b",
				List.of(new ChatCompletion.Choice(0,
						new ResponseMessage("assistant", "streamed", null, null, null, null), "stop")),
				usage, null, new ChatCompletion.XGroq("req_stream", null, null), "flex");
	}

}
