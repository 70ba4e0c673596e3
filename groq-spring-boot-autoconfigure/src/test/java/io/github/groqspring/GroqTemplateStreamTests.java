package io.github.groqspring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.StreamOptions;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.stream.ChatStreamHandler;
import io.github.groqspring.stream.GroqStreamException;
import io.github.groqspring.stream.GroqStreamTimeoutException;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.test.StreamOutcome;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class GroqTemplateStreamTests {

	static final String KEY = "gsk_stream_test_0123456789";

	static final String MODEL = "llama-3.3-70b-versatile";

	static final Duration OUTCOME_WAIT = Duration.ofSeconds(5);

	/** Two retries with short backoffs, for the tests that count attempts. */
	static final RetrySettings FAST_RETRIES = new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(5));

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	/** Without retries: most tests pin down one attempt; the retry tests build their own template. */
	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey(KEY)
		.retry(RetrySettings.NONE)
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void streamSendsStreamTrueAndAsksForAnUncompressedEventStream() throws Exception {
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			stream.toResponse();
		}
		RecordedRequest request = this.emulator.lastRequest();
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}],"stream":true,
				 "stream_options":{"include_usage":true}}""",
				request.bodyText(), JSONCompareMode.STRICT);
		assertThat(request.header("Accept")).isEqualTo("text/event-stream");
		assertThat(request.header("Accept-Encoding")).isEqualTo("identity");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
	}

	@Test
	void chunksComeInGroqsShapeAndAccumulateToWhatTheBlockingCallReturns() {
		ChatResponse blocking = this.groq.chat(ChatRequest.builder(MODEL).user("Tell me a story"));
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		ChatResponse streamed;
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Tell me a story"))) {
			stream.forEach(chunks::add);
			streamed = stream.toResponse();
			assertThat(stream.isComplete()).isTrue();
		}
		// The last chunk is the include_usage chunk: no choice, the usage and the served tier.
		assertThat(chunks).extracting(ChatCompletionChunk::content)
			.containsExactly("", "Emulated", " reply", " to:", " Tell", " me", " a", " story", null, null);
		ChatCompletionChunk first = chunks.get(0);
		assertThat(first.choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(first.groqRequestId()).isEqualTo(this.emulator.lastRequest().requestId());
		assertThat(first.object()).isEqualTo("chat.completion.chunk");
		ChatCompletionChunk last = chunks.get(chunks.size() - 2);
		assertThat(last.finishReason()).isEqualTo("stop");
		assertThat(last.usage()).isEqualTo(last.xGroq().usage()).isNotNull();
		assertThat(chunks.subList(0, chunks.size() - 2)).allSatisfy((chunk) -> {
			assertThat(chunk.finishReason()).isNull();
			assertThat(chunk.usage()).isNull();
			assertThat(chunk.serviceTier()).isNull();
		});
		ChatCompletionChunk usageChunk = chunks.get(chunks.size() - 1);
		assertThat(usageChunk.usageOnly()).isTrue();
		assertThat(usageChunk.finishReason()).isNull();
		assertThat(usageChunk.usage()).isEqualTo(last.usage());
		assertThat(usageChunk.serviceTier()).isEqualTo("on_demand");
		assertThat(streamed.content()).isEqualTo(blocking.content());
		assertThat(streamed.finishReason()).isEqualTo(blocking.finishReason());
		// Groq names the served tier in a stream only on the include_usage chunk, which a stream asks for.
		assertThat(blocking.serviceTier()).isEqualTo("on_demand");
		assertThat(streamed.serviceTier()).isEqualTo("on_demand");
		assertThat(streamed.usage().promptTokens()).isEqualTo(blocking.usage().promptTokens());
		assertThat(streamed.usage().completionTokens()).isEqualTo(blocking.usage().completionTokens()).isEqualTo(7);
		assertThat(streamed.usage().totalDuration()).isEqualTo(blocking.usage().totalDuration());
		assertThat(streamed.groqRequestId()).isEqualTo(this.emulator.lastRequest().requestId());
		assertThat(streamed.completion().xGroq().seed()).isNull(); // Groq's stream chunks carry no seed
		assertThat(streamed.message().role()).isEqualTo("assistant");
		assertThat(streamed.metadata().requestId()).isEqualTo(this.emulator.lastRequest().requestId());
		assertThat(streamed.metadata().rateLimits().limitRequests()).isEqualTo(14400L);
		assertThat(this.emulator.awaitStreamOutcome(OUTCOME_WAIT)).isEqualTo(new StreamOutcome(10, true, false));
	}

	@Test
	void aStreamKeepsTheRequestsOwnStreamOptionsAndABlockingCallSendsNone() throws Exception {
		ChatRequest withoutUsage = ChatRequest.builder(MODEL).user("Hi").streamOptions(StreamOptions.WITHOUT_USAGE).build();
		ChatResponse streamed = this.groq.stream(withoutUsage, (chunk) -> {
		});
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}],"stream":true,
				 "stream_options":{"include_usage":false}}""", this.emulator.lastRequest().bodyText(),
				JSONCompareMode.STRICT);
		assertThat(streamed.servedTier()).isEmpty();
		assertThat(streamed.usage()).isNotNull(); // from the last choice chunk's x_groq.usage
		ChatResponse blocking = this.groq.chat(withoutUsage);
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}]}""",
				this.emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
		assertThat(blocking.servedTier()).contains(ServiceTier.ON_DEMAND);
	}

	@Test
	void defaultTierAppliesToStreams() throws Exception {
		try (GroqTemplate flexByDefault = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultServiceTier(ServiceTier.FLEX)
			.build()) {
			ChatResponse response = flexByDefault.stream(ChatRequest.builder(MODEL).user("Hi"), (chunk) -> {
			});
			assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("flex");
			assertThat(response.servedTier()).contains(ServiceTier.FLEX); // from the include_usage chunk
			assertThat(response.metadata().requestedTier()).isEqualTo(ServiceTier.FLEX);
			flexByDefault.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.AUTO)).close();
			assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("auto");
		}
	}

	@Test
	void defaultModelAppliesToStreams() throws Exception {
		try (GroqTemplate withDefault = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultModel("llama-3.1-8b-instant")
			.build()) {
			ChatResponse response = withDefault.stream(ChatRequest.builder().user("Hello"), (chunk) -> {
			});
			assertThat(response.content()).isEqualTo("Emulated reply to: Hello");
			assertThat(this.emulator.lastRequest().model()).isEqualTo("llama-3.1-8b-instant");
		}
	}

	@Test
	void anHttpErrorBeforeTheStreamIsTheSameTypedExceptionAsForTheBlockingCall() {
		this.emulator.enqueue(EmulatedResponse.rateLimited(11));
		GroqRateLimitException blocking = catchThrowableOfType(GroqRateLimitException.class,
				() -> this.groq.chat(ChatRequest.builder(MODEL).user("Hi")));
		this.emulator.enqueue(EmulatedResponse.rateLimited(11));
		GroqRateLimitException streamed = catchThrowableOfType(GroqRateLimitException.class,
				() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(streamed).isExactlyInstanceOf(GroqRateLimitException.class);
		assertThat(streamed.getMessage()).isEqualTo(blocking.getMessage()
			.replace(this.emulator.chatRequests().get(0).requestId(), this.emulator.chatRequests().get(1).requestId()));
		assertThat(streamed.getRetryAfter()).isEqualTo(Duration.ofSeconds(11));
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		assertThatExceptionOfType(FlexCapacityExceededException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX)))
			.withMessageStartingWith("Groq answered 498 Flex Capacity Exceeded [type=capacity_exceeded");
	}

	@Test
	void failuresBeforeTheFirstChunkAreRetriedLikeTheBlockingCall() throws Exception {
		try (GroqTemplate retrying = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.retry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
			.build()) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded())
				.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
			ChatResponse response = retrying.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX),
					(chunk) -> {
					});
			assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex");
		}
	}

	@Test
	void aFullFlexTierFallsBackForStreamsToo() throws Exception {
		try (GroqTemplate withFallback = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.retry(RetrySettings.NONE)
			.flexFallbackTier(ServiceTier.ON_DEMAND)
			.build()) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
			ChatResponse response = withFallback.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX),
					(chunk) -> {
					});
			assertThat(response.metadata().requestedTier()).isEqualTo(ServiceTier.ON_DEMAND);
			assertThat(response.servedTier()).contains(ServiceTier.ON_DEMAND); // from the include_usage chunk
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "on_demand");
		}
	}

	@Test
	void aStreamThatFallsBackSaysSoExactlyLikeABlockingCall() throws Exception {
		try (GroqTemplate withFallback = template(FAST_RETRIES).flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			flexFullThreeTimes();
			ChatResponse blocking = withFallback
				.chat(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX));
			flexFullThreeTimes();
			try (ChatStream stream = withFallback
				.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX))) {
				assertThat(stream.metadata().fellBack()).isTrue();
				assertThat(stream.metadata().fallbackFrom()).isEqualTo(ServiceTier.FLEX);
				assertThat(stream.metadata().requestedTier()).isEqualTo(ServiceTier.ON_DEMAND);
				assertThat(stream.metadata().attempts()).isEqualTo(4);
				ChatResponse streamed = stream.toResponse();
				assertThat(streamed.metadata().fellBack()).isTrue();
				assertThat(streamed.metadata().fallbackFrom()).isEqualTo(ServiceTier.FLEX);
				assertThat(streamed.metadata().attempts()).isEqualTo(4);
				assertThat(streamed.metadata().requestedTier()).isEqualTo(ServiceTier.ON_DEMAND);
				assertThat(streamed.servedTier()).contains(ServiceTier.ON_DEMAND);
				assertThat(blocking.servedTier()).contains(ServiceTier.ON_DEMAND);
				assertThat(blocking.metadata().fellBack()).isTrue();
				assertThat(blocking.metadata().attempts()).isEqualTo(4);
			}
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex", "on_demand", "flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aStreamWhoseFallbackFailsTooCountsEveryRequest() throws Exception {
		try (GroqTemplate withFallback = template(FAST_RETRIES).flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			flexFullThreeTimes();
			for (int i = 0; i < 3; i++) {
				this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down " + i));
			}
			GroqServerException ex = catchThrowableOfType(GroqServerException.class,
					() -> withFallback.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX)));
			assertThat(ex.getAttempts()).isEqualTo(6);
			assertThat(ex.getErrorMessage()).isEqualTo("down 2");
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex", "on_demand", "on_demand", "on_demand");
		}
	}

	@Test
	void aStreamWhoseFallbackFailsWithANonRetryableErrorCountsEveryRequest() throws Exception {
		try (GroqTemplate withFallback = template(FAST_RETRIES).flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			flexFullThreeTimes();
			this.emulator.enqueue(
					EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key", "Invalid API Key"));
			GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class,
					() -> withFallback.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX)));
			assertThat(ex.getAttempts()).isEqualTo(4);
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aStreamThatFellBackAndThenBreaksSaysBothInItsException() throws Exception {
		try (GroqTemplate withFallback = template(FAST_RETRIES).flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			flexFullThreeTimes();
			this.emulator.enqueueStream(EmulatedStream.reply("one two three").truncatedAfter(2));
			try (ChatStream stream = withFallback
				.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX))) {
				GroqStreamTruncatedException ex = catchThrowableOfType(GroqStreamTruncatedException.class,
						stream::toResponse);
				assertThat(ex.getAttempts()).isEqualTo(4);
				assertThat(ex.getChunksReceived()).isEqualTo(2);
				assertThat(ex.getPartialResponse().metadata().fellBack()).isTrue();
				assertThat(ex.getPartialResponse().metadata().fallbackFrom()).isEqualTo(ServiceTier.FLEX);
				assertThat(ex.getPartialResponse().metadata().attempts()).isEqualTo(4);
				assertThat(ex.getPartialResponse().metadata().requestedTier()).isEqualTo(ServiceTier.ON_DEMAND);
			}
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aStreamWhoseFallbackIsRetriedCountsEveryRequest() throws Exception {
		try (GroqTemplate withFallback = template(FAST_RETRIES).flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			flexFullThreeTimes();
			this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
			try (ChatStream stream = withFallback
				.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX))) {
				assertThat(stream.metadata().attempts()).isEqualTo(5);
				assertThat(stream.metadata().fellBack()).isTrue();
				ChatResponse response = stream.toResponse();
				assertThat(response.metadata().attempts()).isEqualTo(5);
				assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
			}
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex", "on_demand", "on_demand");
		}
	}

	@Test
	void aStreamThatFellBackAndFailsBeforeItsFirstChunkCountsEveryRequest() throws Exception {
		try (GroqTemplate withFallback = template(FAST_RETRIES).flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			flexFullThreeTimes();
			this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", "{\"note\":\"not a stream\"}"));
			GroqInvalidResponseException json = catchThrowableOfType(GroqInvalidResponseException.class,
					() -> withFallback.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX)));
			assertThat(json.getAttempts()).isEqualTo(4);
			assertThat(json).hasMessage("Groq answered 200 with application/json instead of text/event-stream to a "
					+ "streaming request; body starts: {\"note\":\"not a stream\"}");
			flexFullThreeTimes();
			this.emulator.enqueueStream(
					EmulatedStream.reply("never").failingAfter(0, "server_error", "internal_error", "Generation failed"));
			GroqStreamException failed = catchThrowableOfType(GroqStreamException.class,
					() -> withFallback.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX)));
			assertThat(failed.getAttempts()).isEqualTo(4);
			assertThat(failed).hasMessage("Groq's stream failed after 0 chunks: [type=server_error, "
					+ "code=internal_error] Generation failed (request " + this.emulator.lastRequest().requestId() + ")");
			assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("flex", "flex", "flex", "on_demand", "flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aStreamRetriedBeforeItsFirstChunkReportsEveryAttempt() throws Exception {
		// A connection cut after the headers, then a stream that ends before its first chunk, then success.
		this.emulator.enqueue(EmulatedResponse.raw(200, "text/event-stream", "data: {\"id\":\"chatcmpl-cut\"}\n\n")
			.withFault(EmulatedResponse.Fault.RESET_MID_BODY, Duration.ZERO));
		this.emulator.enqueueStream(EmulatedStream.reply("never").truncatedAfter(0));
		try (GroqTemplate retrying = template(FAST_RETRIES).build();
				ChatStream stream = retrying.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			assertThat(stream.metadata().attempts()).isEqualTo(3);
			ChatResponse response = stream.toResponse();
			assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
			assertThat(response.metadata().attempts()).isEqualTo(3);
			assertThat(response.metadata().fellBack()).isFalse();
		}
		assertThat(this.emulator.chatRequests()).hasSize(3);
	}

	@Test
	void aStreamThatBreaksAfterRetriesSaysHowManyAttemptsItMade() throws Exception {
		this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
		this.emulator.enqueueStream(EmulatedStream.reply("one two three").truncatedAfter(2));
		try (GroqTemplate retrying = template(FAST_RETRIES).build();
				ChatStream stream = retrying.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			GroqStreamTruncatedException ex = catchThrowableOfType(GroqStreamTruncatedException.class,
					stream::toResponse);
			assertThat(ex.getAttempts()).isEqualTo(2);
			assertThat(ex.getChunksReceived()).isEqualTo(2);
			assertThat(ex.getPartialResponse().metadata().attempts()).isEqualTo(2);
		}
	}

	@Test
	void perCallOptionsOverrideTheRetriesOfAStream() throws Exception {
		try (GroqTemplate retrying = template(FAST_RETRIES).build()) {
			this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
			GroqServerException ex = catchThrowableOfType(GroqServerException.class,
					() -> retrying.stream(ChatRequest.builder(MODEL).user("Hi").build(),
							RequestOptions.builder().maxRetries(0).build()));
			assertThat(ex.getAttempts()).isEqualTo(1);
			assertThat(this.emulator.chatRequests()).hasSize(1);
		}
	}

	@Test
	void perCallOptionsSetAndSwitchOffTheFlexFallbackOfAStream() throws Exception {
		GroqOperations operations = this.groq;
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		ChatResponse fellBack = operations.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX),
				RequestOptions.builder().flexFallbackTier(ServiceTier.ON_DEMAND).build(), (chunk) -> {
				});
		assertThat(fellBack.metadata().fellBack()).isTrue();
		assertThat(fellBack.metadata().attempts()).isEqualTo(2);
		assertThat(fellBack.metadata().requestedTier()).isEqualTo(ServiceTier.ON_DEMAND);
		assertThat(fellBack.servedTier()).contains(ServiceTier.ON_DEMAND);
		try (GroqTemplate withFallback = template(RetrySettings.NONE)
			.flexFallbackTier(ServiceTier.ON_DEMAND)
			.build()) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
			GroqOperations withFallbackOperations = withFallback;
			FlexCapacityExceededException ex = catchThrowableOfType(FlexCapacityExceededException.class,
					() -> withFallbackOperations.stream(
							ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.FLEX),
							RequestOptions.builder().noFlexFallback().build()));
			assertThat(ex.getAttempts()).isEqualTo(1);
		}
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("flex", "on_demand", "flex");
	}

	@Test
	void perCallTimeoutsBoundTheWaitForAStream() throws Exception {
		try (GroqTemplate retrying = template(FAST_RETRIES).build()) {
			for (int i = 0; i < 3; i++) {
				this.emulator.enqueue(EmulatedResponse.noAnswer());
			}
			GroqTimeoutException ex = assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> catchThrowableOfType(GroqTimeoutException.class,
							() -> retrying.stream(ChatRequest.builder(MODEL).user("Hi").build(),
									RequestOptions.builder()
										.readTimeout(Duration.ofMillis(300))
										.callTimeout(Duration.ofMillis(450))
										.build())));
			// The second attempt gets what is left of the 450 ms, and no third fits: the call timeout bounds them.
			assertThat(ex.getAttempts()).isEqualTo(2);
			assertThat(this.emulator.chatRequests()).hasSize(2);
			assertThat(ex).hasMessage("Groq did not answer POST /openai/v1/chat/completions in time "
					+ "(groq.connect-timeout, groq.read-timeout): Read timed out");
		}
	}

	@Test
	void aPerCallReadTimeoutBoundsEachWaitForBytesOnceTheStreamHasStarted() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two").stallingAfter(2, Duration.ofSeconds(10)));
		GroqStreamTimeoutException ex = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> catchThrowableOfType(GroqStreamTimeoutException.class,
						() -> this.groq.stream(ChatRequest.builder(MODEL).user("Count").build(),
								RequestOptions.builder().readTimeout(Duration.ofMillis(500)).build())
							.toResponse()));
		assertThat(ex).hasMessage("Groq's stream stalled after 2 chunks: no bytes within the read timeout "
				+ "(groq.read-timeout, or RequestOptions.readTimeout of this call; java.net.SocketTimeoutException: "
				+ "Read timed out) (request " + this.emulator.lastRequest().requestId() + ")");
		assertThat(ex.getPartialResponse().content()).isEqualTo("one");
	}

	@Test
	void perCallOptionsComeInTheBuilderAndHandlerFormsToo() {
		GroqOperations operations = this.groq;
		RequestOptions options = RequestOptions.builder().maxRetries(0).build();
		List<String> pieces = new ArrayList<>();
		ChatResponse handled = operations.stream(ChatRequest.builder(MODEL).user("One"), options,
				ChatStreamHandler.onContent(pieces::add));
		assertThat(handled.content()).isEqualTo("Emulated reply to: One");
		assertThat(String.join("", pieces)).isEqualTo("Emulated reply to: One");
		try (ChatStream stream = operations.stream(ChatRequest.builder(MODEL).user("Two"), options)) {
			assertThat(stream.toResponse().content()).isEqualTo("Emulated reply to: Two");
		}
		this.emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"));
		assertThat(catchThrowableOfType(GroqServerException.class,
				() -> operations.stream(ChatRequest.builder(MODEL).user("Three"), options, (chunk) -> {
				})).getAttempts()).isEqualTo(1);
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::lastUserMessage)
			.containsExactly("One", "Two", "Three");
	}

	@Test
	void aDrippingErrorPageBeforeTheStreamCannotOutlastTheAttempt() throws Exception {
		// 16 bytes every 100 ms: each read is quick, the whole page would take about 13 s.
		this.emulator.enqueue(EmulatedResponse.error(502, "bad_gateway", null, "a slow proxy page ".repeat(110))
			.withFault(EmulatedResponse.Fault.DRIP, Duration.ofMillis(100)));
		try (GroqTemplate impatient = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.retry(RetrySettings.NONE)
			.readTimeout(Duration.ofMillis(300))
			.build()) {
			long start = System.nanoTime();
			assertThatExceptionOfType(GroqTimeoutException.class)
				.isThrownBy(() -> impatient.stream(ChatRequest.builder(MODEL).user("Hi")))
				.withMessageStartingWith("Groq's answer to POST /openai/v1/chat/completions did not complete in time");
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000L);
		}
	}

	@Test
	void aTierTheOrganisationMayNotUseIsRefusedBeforeTheStream() {
		this.emulator.allowTiers("on_demand");
		assertThatExceptionOfType(ServiceTierNotAvailableException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi").serviceTier(ServiceTier.AUTO)))
			.satisfies((ex) -> assertThat(ex.getServiceTier()).isEqualTo("auto"));
	}

	@Test
	void theFirstChunkIsHandedOutWhileGroqStillHoldsTheRest() {
		CountDownLatch release = new CountDownLatch(1);
		this.emulator.enqueueStream(EmulatedStream.reply("one two three").holdingAfter(2, release));
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Count"))) {
				Iterator<ChatCompletionChunk> chunks = stream.iterator();
				assertThat(chunks.next().content()).isEmpty();
				assertThat(chunks.next().content()).isEqualTo("one");
				assertThat(release.getCount()).as("the emulator still holds the rest").isEqualTo(1);
				release.countDown();
				assertThat(chunks.next().content()).isEqualTo(" two");
				assertThat(stream.toResponse().content()).isEqualTo("one two three");
			}
		});
		assertThat(this.emulator.awaitStreamOutcome(OUTCOME_WAIT).doneSent()).isTrue();
	}

	@Test
	void anErrorPayloadMidStreamRaisesATypedExceptionWithWhatArrived() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three four")
			.failingAfter(3, "server_error", "internal_error", "Generation failed, please retry"));
		List<String> received = new ArrayList<>();
		GroqStreamException ex = catchThrowableOfType(GroqStreamException.class, () -> {
			try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Count"))) {
				stream.forEach((chunk) -> received.add(chunk.content()));
			}
		});
		assertThat(ex).isExactlyInstanceOf(GroqStreamException.class)
			.hasMessage("Groq's stream failed after 3 chunks: [type=server_error, code=internal_error] "
					+ "Generation failed, please retry (request " + this.emulator.lastRequest().requestId() + ")");
		assertThat(received).containsExactly("", "one", " two");
		assertThat(ex.getError().code()).isEqualTo("internal_error");
		assertThat(ex.getError().type()).isEqualTo("server_error");
		assertThat(ex.getChunksReceived()).isEqualTo(3);
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getRequestId()).isEqualTo(this.emulator.lastRequest().requestId());
		assertThat(ex.getPartialResponse().content()).isEqualTo("one two");
		assertThat(ex.getPartialResponse().finishReason()).isNull();
		assertThat(ex.getPartialResponse().groqRequestId()).isEqualTo(this.emulator.lastRequest().requestId());
	}

	@Test
	void anErrorEventMidStreamRaisesATypedException() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three")
			.failingWithErrorEventAfter(2, "internal_server_error", null, "Stream interrupted"));
		assertThatExceptionOfType(GroqStreamException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Count")).toResponse())
			.withMessage("Groq's stream failed after 2 chunks: [type=internal_server_error, code=null] "
					+ "Stream interrupted (request " + this.emulator.lastRequest().requestId() + ")")
			.satisfies((ex) -> assertThat(ex.getPartialResponse().content()).isEqualTo("one"));
		assertThat(this.emulator.awaitStreamOutcome(OUTCOME_WAIT)).isEqualTo(new StreamOutcome(2, false, false));
	}

	@Test
	void anXGroqErrorMidStreamRaisesATypedException() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three").stoppedByGroqAfter(3, "model overloaded"));
		assertThatExceptionOfType(GroqStreamException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Count")).toResponse())
			.withMessage("Groq's stream failed after 4 chunks: model overloaded (request "
					+ this.emulator.lastRequest().requestId() + ")")
			.satisfies((ex) -> {
				assertThat(ex.getError().message()).isEqualTo("model overloaded");
				assertThat(ex.getPartialResponse().content()).isEqualTo("one two");
				assertThat(ex.getChunksReceived()).isEqualTo(4);
			});
	}

	@Test
	void aStreamEndingWithoutDoneIsTruncatedNeverAPartialSuccess() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three").truncatedAfter(2));
		assertThatExceptionOfType(GroqStreamTruncatedException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Count"), (chunk) -> {
			}))
			.withMessage("Groq's stream ended without data: [DONE] after 2 chunks: the answer is incomplete "
					+ "(request " + this.emulator.lastRequest().requestId() + ")")
			.satisfies((ex) -> {
				assertThat(ex.getPartialResponse().content()).isEqualTo("one");
				assertThat(ex.getCause()).isNull();
			});
	}

	@Test
	void aStreamEndingAfterTheFinalChunkButBeforeDoneIsTruncated() {
		this.emulator.enqueueStream(EmulatedStream.reply("one").truncatedAfter(3));
		assertThatExceptionOfType(GroqStreamTruncatedException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Count")).toResponse())
			.satisfies((ex) -> assertThat(ex.getPartialResponse().finishReason()).isEqualTo("stop"));
	}

	@Test
	void closingEarlyDropsTheConnectionAndGroqSeesItClosed() {
		this.emulator.enqueueStream(EmulatedStream.reply("a ".repeat(200)).withChunkDelay(Duration.ofMillis(20)));
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Long"))) {
			Iterator<ChatCompletionChunk> chunks = stream.iterator();
			chunks.next();
			chunks.next();
		}
		StreamOutcome outcome = this.emulator.awaitStreamOutcome(OUTCOME_WAIT);
		assertThat(outcome.clientDisconnected()).isTrue();
		assertThat(outcome.doneSent()).isFalse();
		assertThat(outcome.chunksSent()).isLessThan(200);
	}

	@Test
	void closingTheJavaStreamClosesTheConnection() {
		this.emulator.enqueueStream(EmulatedStream.reply("a ".repeat(200)).withChunkDelay(Duration.ofMillis(20)));
		ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Long"));
		try (Stream<ChatCompletionChunk> chunks = stream.chunks()) {
			assertThat(chunks.limit(3).count()).isEqualTo(3);
		}
		assertThat(this.emulator.awaitStreamOutcome(OUTCOME_WAIT).clientDisconnected()).isTrue();
	}

	@Test
	void aHandlerThatThrowsStopsTheStreamAndClosesTheConnection() {
		this.emulator.enqueueStream(EmulatedStream.reply("a ".repeat(200)).withChunkDelay(Duration.ofMillis(20)));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Long"), (chunk) -> {
				throw new IllegalStateException("UI went away");
			}))
			.withMessage("UI went away");
		assertThat(this.emulator.awaitStreamOutcome(OUTCOME_WAIT).clientDisconnected()).isTrue();
	}

	@Test
	void closingFromAnotherThreadEndsTheIterationQuietly() {
		this.emulator.enqueueStream(EmulatedStream.reply("one two").stallingAfter(2, Duration.ofSeconds(10)));
		ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Count"))) {
			List<String> received = new ArrayList<>();
			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> stream.forEach((chunk) -> {
				received.add(chunk.content());
				if (received.size() == 2) {
					canceller.schedule(stream::close, 100, TimeUnit.MILLISECONDS);
				}
			}));
			assertThat(received).containsExactly("", "one");
			assertThat(stream.isComplete()).isFalse();
		}
		finally {
			canceller.shutdownNow();
		}
	}

	@Test
	void aStalledStreamHitsTheIdleTimeout() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("one two").stallingAfter(2, Duration.ofSeconds(10)));
		try (GroqTemplate impatient = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.streamIdleTimeout(Duration.ofMillis(500))
			.build()) {
			assertThat(impatient.getStreamIdleTimeout()).isEqualTo(Duration.ofMillis(500));
			GroqStreamTimeoutException ex = assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> catchThrowableOfType(GroqStreamTimeoutException.class,
							() -> impatient.stream(ChatRequest.builder(MODEL).user("Count")).toResponse()));
			assertThat(ex).hasMessage("Groq's stream stalled after 2 chunks: no bytes from Groq for 500 ms "
					+ "(groq.stream.idle-timeout) (request " + this.emulator.lastRequest().requestId() + ")");
			assertThat(ex.getPartialResponse().content()).isEqualTo("one");
		}
	}

	@Test
	void withoutAnIdleTimeoutAStalledStreamHitsTheReadTimeout() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("one two").stallingAfter(2, Duration.ofSeconds(10)));
		try (GroqTemplate impatient = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.readTimeout(Duration.ofSeconds(1))
			.build()) {
			GroqStreamTimeoutException ex = assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> catchThrowableOfType(GroqStreamTimeoutException.class,
							() -> impatient.stream(ChatRequest.builder(MODEL).user("Count")).toResponse()));
			assertThat(ex).hasMessage("Groq's stream stalled after 2 chunks: no bytes within the read timeout "
					+ "(groq.read-timeout, or RequestOptions.readTimeout of this call; java.net.SocketTimeoutException: "
					+ "Read timed out) (request " + this.emulator.lastRequest().requestId() + ")");
		}
	}

	@Test
	void theIdleTimeoutDoesNotCountTimeSpentBetweenReads() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("one two three"));
		try (GroqTemplate impatient = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.streamIdleTimeout(Duration.ofMillis(200))
			.build()) {
			ChatResponse response = impatient.stream(ChatRequest.builder(MODEL).user("Count"), (chunk) -> {
				if ("".equals(chunk.content())) {
					sleep(600);
				}
			});
			assertThat(response.content()).isEqualTo("one two three");
		}
	}

	@Test
	void toolCallDeltasAssembleIntoCompleteToolCalls() {
		this.emulator.enqueueStream(EmulatedStream.pieces()
			.withToolCall("call_d5wg", "weather", "{\"ci", "ty\":\"Pa", "ris\"}")
			.withToolCall("call_x9", "time", "{}"));
		ChatResponse response = this.groq.stream(ChatRequest.builder(MODEL).user("Weather?"), (chunk) -> {
		});
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isNull();
		assertThat(response.toolCalls()).containsExactly(ToolCall.function("call_d5wg", "weather", "{\"city\":\"Paris\"}"),
				ToolCall.function("call_x9", "time", "{}"));
	}

	@Test
	void reasoningDeltasAccumulateApartFromTheContent() {
		this.emulator.enqueueStream(EmulatedStream.reply("Four.").withReasoning("Two", " plus two."));
		List<String> reasoning = new ArrayList<>();
		ChatResponse response = this.groq.stream(ChatRequest.builder(MODEL).user("2+2?"), (chunk) -> {
			if (chunk.reasoning() != null) {
				reasoning.add(chunk.reasoning());
			}
		});
		assertThat(reasoning).containsExactly("Two", " plus two.");
		assertThat(response.reasoning()).isEqualTo("Two plus two.");
		assertThat(response.content()).isEqualTo("Four.");
	}

	@Test
	void onContentPassesOnlyTheText() {
		StringBuilder printed = new StringBuilder();
		ChatResponse response = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"),
				ChatStreamHandler.onContent(printed::append));
		assertThat(printed).hasToString("Emulated reply to: Hi");
		assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
	}

	@Test
	void jsonInsteadOfAnEventStreamIsAnInvalidResponse() {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", "{\"id\":\"chatcmpl-1\",\"choices\":[]}"));
		assertThatExceptionOfType(GroqInvalidResponseException.class)
			.isThrownBy(() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi")))
			.withMessage("Groq answered 200 with application/json instead of text/event-stream to a streaming "
					+ "request; body starts: {\"id\":\"chatcmpl-1\",\"choices\":[]}");
	}

	@Test
	void capturedGroqEventsAreReadAsSent() {
		this.emulator.enqueueStream(EmulatedStream.rawEvents(
				"data: {\"id\":\"chatcmpl-8c1f\",\"object\":\"chat.completion.chunk\",\"created\":1729171479,"
						+ "\"model\":\"llama-3.3-70b-versatile\",\"system_fingerprint\":\"fp_10c08bf97d\","
						+ "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
						+ "\"logprobs\":null,\"finish_reason\":null}],\"x_groq\":{\"id\":\"req_01jadadp0femyae9kav1gpkhe8\"}}",
				": keep-alive comment",
				"data: {\"id\":\"chatcmpl-8c1f\",\"object\":\"chat.completion.chunk\",\"created\":1729171479,"
						+ "\"model\":\"llama-3.3-70b-versatile\",\"system_fingerprint\":\"fp_10c08bf97d\","
						+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":null}]}",
				"data: {\"id\":\"chatcmpl-8c1f\",\"object\":\"chat.completion.chunk\",\"created\":1729171479,"
						+ "\"model\":\"llama-3.3-70b-versatile\",\"system_fingerprint\":\"fp_10c08bf97d\","
						+ "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
						+ "\"x_groq\":{\"id\":\"req_01jadadp0femyae9kav1gpkhe8\",\"usage\":{\"queue_time\":0.061348671,"
						+ "\"prompt_tokens\":18,\"prompt_time\":0.000211569,\"completion_tokens\":1,"
						+ "\"completion_time\":0.0018,\"total_tokens\":19,\"total_time\":0.002011569}}}",
				"data: [DONE]"));
		ChatResponse response = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"), (chunk) -> {
		});
		assertThat(response.content()).isEqualTo("Hi");
		assertThat(response.groqRequestId()).isEqualTo("req_01jadadp0femyae9kav1gpkhe8");
		assertThat(response.usage().totalTokens()).isEqualTo(19);
		assertThat(response.usage().queueDuration()).isEqualTo(Duration.ofNanos(61_348_671));
		assertThat(response.completion().systemFingerprint()).isEqualTo("fp_10c08bf97d");
		assertThat(response.completion().created()).isEqualTo(1729171479L);
	}

	@Test
	void completedAndClosedStreamsGiveTheirConnectionBack() throws Exception {
		try (GroqTemplate onePooledConnection = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.maxConnections(1)
			.build()) {
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				for (int i = 0; i < 3; i++) {
					onePooledConnection.stream(ChatRequest.builder(MODEL).user("Hi " + i), (chunk) -> {
					});
					onePooledConnection.stream(ChatRequest.builder(MODEL).user("Hi " + i)).close();
				}
				assertThat(onePooledConnection.chat(ChatRequest.builder(MODEL).user("Then blocking")).content())
					.isEqualTo("Emulated reply to: Then blocking");
			});
		}
	}

	private GroqTemplateBuilder template(RetrySettings retry) {
		return GroqTemplate.builder().baseUrl(this.emulator.baseUrl()).retry(retry);
	}

	private void flexFullThreeTimes() {
		for (int i = 0; i < 3; i++) {
			this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
