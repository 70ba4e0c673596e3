package io.github.groqspring.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.stream.GroqStreamException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.test.StreamOutcome;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.GroqTierThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscription;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;
import tools.jackson.databind.node.ObjectNode;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ReactiveGroqTemplateTests {

	static final String MODEL = "llama-3.3-70b-versatile";

	static final Duration OUTCOME_WAIT = Duration.ofSeconds(5);

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey("gsk_reactive_test_0123456789")
		.retry(RetrySettings.NONE)
		.build();

	private final ReactiveGroqTemplate reactive = new ReactiveGroqTemplate(this.groq);

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void streamEmitsEveryChunkAndSendsAStreamingRequest() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.pieces("Hello", " there", "!").withUsageChunk());
		List<ChatCompletionChunk> chunks = this.reactive.stream(ChatRequest.builder(MODEL).user("Hi")).collectList()
			.block(OUTCOME_WAIT);
		assertThat(chunks).extracting(ChatCompletionChunk::content)
			.containsExactly("", "Hello", " there", "!", null, null);
		assertThat(chunks.get(4).finishReason()).isEqualTo("stop");
		assertThat(chunks.get(5).choices()).isEmpty();
		assertThat(chunks.get(5).serviceTier()).isEqualTo("on_demand");
		// The template's request, stream options aside (those are GroqTemplate's to choose).
		ObjectNode body = (ObjectNode) this.emulator.lastRequest().json();
		body.remove("stream_options");
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}],"stream":true}""",
				body.toString(), JSONCompareMode.STRICT);
		assertThat(this.emulator.awaitStreamOutcome(OUTCOME_WAIT)).isEqualTo(new StreamOutcome(6, true, false));
	}

	@Test
	void nothingIsSentBeforeSubscription() {
		this.reactive.stream(ChatRequest.builder(MODEL).user("Hi"));
		assertThat(this.emulator.chatRequests()).isEmpty();
	}

	@Test
	void aChunkIsReadFromTheConnectionOnlyWhenRequestedAndNeverOnTheSubscribersThread() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three four five six"));
		List<String> readers = new CopyOnWriteArrayList<>();
		Flux<String> pieces = this.reactive.stream(ChatRequest.builder(MODEL).user("Count").build(),
				RequestOptions.DEFAULTS, (chunk, stream) -> {
					readers.add(Thread.currentThread().getName());
					return String.valueOf(chunk.content());
				});
		ManualSubscriber subscriber = new ManualSubscriber();
		pieces.subscribe(subscriber);
		subscriber.request(1);
		await().atMost(OUTCOME_WAIT).until(() -> subscriber.received.size() == 1);
		Thread.sleep(300);
		assertThat(readers).hasSize(1);
		subscriber.request(2);
		await().atMost(OUTCOME_WAIT).until(() -> subscriber.received.size() == 3);
		Thread.sleep(300);
		assertThat(readers).hasSize(3);
		assertThat(subscriber.received).containsExactly("", "one", " two");
		assertThat(readers).allSatisfy((name) -> assertThat(name).startsWith("boundedElastic-"));
		subscriber.dispose();
	}

	@Test
	void cancellingDropsTheConnectionAtOnceEvenWhileAReadIsWaiting() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.emulator.enqueueStream(EmulatedStream.reply("one two three four").holdingAfter(3, release));
		TestObservationRegistry registry = TestObservationRegistry.create();
		try (GroqTemplate observed = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.observationRegistry(registry)
			.build()) {
			ManualSubscriber subscriber = new ManualSubscriber();
			new ReactiveGroqTemplate(observed).stream(ChatRequest.builder(MODEL).user("Count"))
				.map((chunk) -> String.valueOf(chunk.content()))
				.subscribe(subscriber);
			subscriber.request(10);
			await().atMost(OUTCOME_WAIT).until(() -> subscriber.received.size() == 3);
			// The worker is now blocked reading the fourth chunk, which the server holds back.
			subscriber.dispose();
			// Closed by the cancel itself, not once the blocked read returns.
			assertThat(registry).hasSingleObservationThat()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "CANCELLED");
			release.countDown();
			// The rest goes to a dropped connection: had the stream stayed open, the server would
			// have sent all of it and [DONE] to a reader that only closes after its next chunk.
			StreamOutcome outcome = this.emulator.awaitStreamOutcome(OUTCOME_WAIT);
			assertThat(outcome.clientDisconnected()).isTrue();
			assertThat(outcome.doneSent()).isFalse();
			assertThat(subscriber.received).containsExactly("", "one", " two");
			assertThat(subscriber.error).isNull();
		}
	}

	@Test
	void takingAFewChunksClosesTheConnection() {
		this.emulator.enqueueStream(EmulatedStream.reply("a ".repeat(200)).withChunkDelay(Duration.ofMillis(10)));
		List<ChatCompletionChunk> first = this.reactive.stream(ChatRequest.builder(MODEL).user("Long")).take(3)
			.collectList()
			.block(OUTCOME_WAIT);
		assertThat(first).hasSize(3);
		StreamOutcome outcome = this.emulator.awaitStreamOutcome(OUTCOME_WAIT);
		assertThat(outcome.clientDisconnected()).isTrue();
		assertThat(outcome.doneSent()).isFalse();
	}

	@Test
	void anErrorBeforeTheFirstChunkIsTheTemplatesException() {
		this.emulator.enqueue(EmulatedResponse.rateLimited(7));
		assertThatExceptionOfType(GroqRateLimitException.class)
			.isThrownBy(() -> this.reactive.stream(ChatRequest.builder(MODEL).user("Hi")).blockLast(OUTCOME_WAIT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(429));
	}

	@Test
	void anErrorAfterTheFirstChunkIsAStreamExceptionAfterTheChunksBeforeIt() {
		this.emulator.enqueueStream(
				EmulatedStream.reply("one two three").failingAfter(2, "server_error", "internal_error", "Generation failed"));
		List<String> received = new CopyOnWriteArrayList<>();
		assertThatExceptionOfType(GroqStreamException.class)
			.isThrownBy(() -> this.reactive.stream(ChatRequest.builder(MODEL).user("Count"))
				.doOnNext((chunk) -> received.add(String.valueOf(chunk.content())))
				.blockLast(OUTCOME_WAIT))
			.withMessageContaining("Generation failed");
		assertThat(received).containsExactly("", "one");
	}

	@Test
	void theTierOfTheCallingThreadAppliesWhereverTheFluxIsSubscribed() throws Exception {
		Flux<ChatCompletionChunk> chunks = GroqTierContext.callWith(ServiceTier.FLEX,
				() -> this.reactive.stream(ChatRequest.builder(MODEL).user("Hi")));
		chunks.blockLast(OUTCOME_WAIT);
		assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("flex");
	}

	@Test
	void theTierInTheSubscribersContextAppliesWhenTheCallerHasNone() {
		this.reactive.stream(ChatRequest.builder(MODEL).user("Hi"))
			.contextWrite(Context.of(GroqTierThreadLocalAccessor.KEY, ServiceTier.PERFORMANCE))
			.blockLast(OUTCOME_WAIT);
		assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("performance");
	}

	@Test
	void theRequestsOwnTierBeatsTheCallersAndTheContexts() {
		GroqTierContext.callWith(ServiceTier.FLEX,
				() -> this.reactive
					.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.ON_DEMAND).build()))
			.contextWrite(Context.of(GroqTierThreadLocalAccessor.KEY, ServiceTier.PERFORMANCE))
			.blockLast(OUTCOME_WAIT);
		assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("on_demand");
	}

	@Test
	void theCallersTierBeatsTheContextsAndTheDefaultAppliesWithoutEither() throws Exception {
		try (GroqTemplate withDefault = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultServiceTier(ServiceTier.AUTO)
			.build()) {
			ReactiveGroqTemplate reactive = new ReactiveGroqTemplate(withDefault);
			GroqTierContext.callWith(ServiceTier.FLEX, () -> reactive.stream(ChatRequest.builder(MODEL).user("Hi")))
				.contextWrite(Context.of(GroqTierThreadLocalAccessor.KEY, ServiceTier.PERFORMANCE))
				.blockLast(OUTCOME_WAIT);
			reactive.stream(ChatRequest.builder(MODEL).user("Hi")).blockLast(OUTCOME_WAIT);
		}
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier).containsExactly("flex", "auto");
	}

	@Test
	void chatEmitsTheWholeAnswerWithTheCallersTier() {
		ChatResponse response = GroqTierContext
			.callWith(ServiceTier.FLEX, () -> this.reactive.chat(ChatRequest.builder(MODEL).user("Hi").build()))
			.block(OUTCOME_WAIT);
		assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
		assertThat(response.metadata().requestedTier()).isEqualTo(ServiceTier.FLEX);
		assertThat(this.emulator.lastRequest().bodyText()).doesNotContain("\"stream\"");
	}

	@Test
	void theMapperSeesTheStreamsMetadataAndWhatArrivedSoFar() {
		this.emulator.enqueueStream(EmulatedStream.pieces("Hello", " there"));
		AtomicInteger index = new AtomicInteger();
		List<String> seen = this.reactive
			.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX).build(),
					RequestOptions.DEFAULTS,
					(chunk, stream) -> (chunk.finishReason() != null) ? index.incrementAndGet() + ":"
							+ stream.accumulated().content() + ":" + stream.metadata().requestedTier() + ":"
							+ stream.metadata().attempts() : null)
			.collectList()
			.block(OUTCOME_WAIT);
		assertThat(seen).containsExactly("1:Hello there:flex:1");
	}

	/** Requests only what a test asks for. */
	static final class ManualSubscriber extends BaseSubscriber<String> {

		final List<String> received = new CopyOnWriteArrayList<>();

		volatile Throwable error;

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
		}

		@Override
		protected void hookOnNext(String value) {
			this.received.add(value);
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			this.error = throwable;
		}

	}

}
