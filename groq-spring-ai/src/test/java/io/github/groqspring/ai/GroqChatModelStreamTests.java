package io.github.groqspring.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.test.StreamOutcome;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.GroqTierThreadLocalAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GroqChatModel#stream} through {@code ChatClient.stream()}. */
class GroqChatModelStreamTests {

	static final String MODEL = "llama-3.3-70b-versatile";

	static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.defaultModel(MODEL)
		.retry(RetrySettings.NONE)
		.build();

	private final GroqChatModel model = GroqChatModel.builder(this.groq).build();

	private final ChatClient chatClient = ChatClient.create(this.model);

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void theAnswerArrivesPieceByPieceAsGroqStreamsIt() {
		this.emulator.enqueueStream(EmulatedStream.pieces("Hello", " from", " Groq"));
		List<String> pieces = this.chatClient.prompt().user("Hi").stream().content().collectList().block(WAIT);
		assertThat(pieces).containsExactly("Hello", " from", " Groq");
		assertThat(this.emulator.lastRequest().json().get("stream").asBoolean()).isTrue();
		assertThat(this.emulator.awaitStreamOutcome(WAIT).doneSent()).isTrue();
	}

	@Test
	void everyPieceCarriesTheRequestsFactsAndTheLastOneTheUsageAndRateLimits() {
		// With Groq's usage chunk, which ends a stream that asks for it and names the tier that served.
		this.emulator.enqueueStream(EmulatedStream.pieces("Hello", " there").withUsageChunk());
		List<ChatResponse> responses = this.chatClient.prompt()
			.user("Hi")
			.options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX))
			.stream()
			.chatResponse()
			.collectList()
			.block(WAIT);
		assertThat(responses).hasSize(4);
		String requestId = this.emulator.lastRequest().requestId();
		assertThat(responses).allSatisfy((response) -> {
			assertThat((String) response.getMetadata().get(GroqChatMetadata.REQUESTED_TIER)).isEqualTo("flex");
			assertThat((Integer) response.getMetadata().get(GroqChatMetadata.ATTEMPTS)).isEqualTo(1);
			assertThat((String) response.getMetadata().get(GroqChatMetadata.REQUEST_ID)).isEqualTo(requestId);
		});
		ChatResponse finish = responses.get(2);
		assertThat(finish.getResult().getMetadata().getFinishReason()).isEqualTo("stop");
		assertThat(finish.getMetadata().getUsage().getCompletionTokens()).isPositive();
		assertThat(finish.getMetadata().getRateLimit().getTokensLimit()).isEqualTo(6000L);
		assertThat((Duration) finish.getMetadata().get(GroqChatMetadata.TOTAL_TIME)).isNotNull();
		// Groq names a stream's served tier only in its usage chunk: the last element, text and tool calls none.
		assertThat(finish.getMetadata().containsKey(GroqChatMetadata.SERVED_TIER)).isFalse();
		ChatResponse last = responses.get(3);
		assertThat((String) last.getMetadata().get(GroqChatMetadata.SERVED_TIER)).isEqualTo("flex");
		assertThat(last.getResult().getOutput().getText()).isNull();
		assertThat(last.getResult().getOutput().getToolCalls()).isEmpty();
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(finish.getMetadata().getUsage()
			.getTotalTokens());
	}

	@Test
	void cancellingTheFluxDropsTheConnectionAndGroqSeesItClosed() {
		this.emulator.enqueueStream(EmulatedStream.reply("a ".repeat(200)).withChunkDelay(Duration.ofMillis(10)));
		List<String> first = this.chatClient.prompt().user("Long").stream().content().take(3).collectList()
			.block(WAIT);
		assertThat(first).hasSize(3);
		StreamOutcome outcome = this.emulator.awaitStreamOutcome(WAIT);
		assertThat(outcome.clientDisconnected()).isTrue();
		assertThat(outcome.doneSent()).isFalse();
		assertThat(outcome.chunksSent()).isLessThan(200);
	}

	@Test
	void theTierOfTheSubscribingThreadOrOfTheReactorContextGoesOnTheWire() {
		GroqTierContext.runWith(ServiceTier.FLEX,
				() -> this.chatClient.prompt().user("Hi").stream().content().blockLast(WAIT));
		this.chatClient.prompt()
			.user("Hi")
			.stream()
			.content()
			.contextWrite(Context.of(GroqTierThreadLocalAccessor.KEY, ServiceTier.PERFORMANCE))
			.blockLast(WAIT);
		this.chatClient.prompt()
			.user("Hi")
			.options(GroqChatOptions.builder().serviceTier(ServiceTier.ON_DEMAND))
			.stream()
			.content()
			.contextWrite(Context.of(GroqTierThreadLocalAccessor.KEY, ServiceTier.PERFORMANCE))
			.blockLast(WAIT);
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("flex", "performance", "on_demand");
	}

	@Test
	void theTierOfTheThreadThatCalledTheModelAppliesWhereverItIsSubscribed() {
		Flux<ChatResponse> answer = GroqTierContext.callWith(ServiceTier.FLEX, () -> this.model.stream(new Prompt("Hi")));
		answer.blockLast(WAIT);
		assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("flex");
	}

	@Test
	void aToolCallStreamedInPiecesComesWholeAndTheToolLoopGoesOn() {
		this.emulator.enqueueStream(EmulatedStream.pieces("Let me look.")
			.withToolCall("call_s1", "localTime", "{\"zo", "ne\":\"UTC\"}"));
		this.emulator.enqueueStream(EmulatedStream.pieces("It is", " noon."));
		Clock clock = new Clock();
		List<String> pieces = this.chatClient.prompt().user("What time is it?").tools(clock).stream().content()
			.collectList()
			.block(WAIT);
		assertThat(clock.zones).containsExactly("UTC");
		// Text that comes with a tool call streams through, as Spring AI's ToolCallingAdvisor passes it on.
		assertThat(pieces).containsExactly("Let me look.", "It is", " noon.");
		assertThat(this.emulator.chatRequests().get(1).bodyText())
			.contains("{\"role\":\"assistant\",\"content\":\"Let me look.\",\"tool_calls\":[{\"id\":\"call_s1\","
					+ "\"type\":\"function\",\"function\":{\"name\":\"localTime\",\"arguments\":\"{\\\"zone\\\":\\\"UTC\\\"}\"}}]}")
			.contains("{\"role\":\"tool\",\"content\":\"\\\"12:00 in UTC\\\"\",\"tool_call_id\":\"call_s1\"}");
	}

	@Test
	void groqsUsageChunkAfterAToolCallBringsTheServedTierWithoutRepeatingTheCall() {
		this.emulator.enqueueStream(
				EmulatedStream.pieces("Checking.").withToolCall("call_u1", "localTime", "{\"zone\":\"UTC\"}").withUsageChunk());
		this.emulator.enqueueStream(EmulatedStream.pieces("Noon.").withUsageChunk());
		Clock clock = new Clock();
		List<ChatResponse> responses = this.chatClient.prompt()
			.user("What time is it?")
			.tools(clock)
			.options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX))
			.stream()
			.chatResponse()
			.collectList()
			.block(WAIT);
		assertThat(clock.zones).containsExactly("UTC");
		assertThat(this.emulator.chatRequests().get(1).json().get("messages").get(1).get("tool_calls")).hasSize(1);
		ChatResponse last = responses.get(responses.size() - 1);
		assertThat((String) last.getMetadata().get(GroqChatMetadata.SERVED_TIER)).isEqualTo("flex");
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isPositive();
	}

	@Test
	void streamedReasoningComesAsMetadataAndTheWholeOfItOnTheLastPiece() {
		this.emulator.enqueueStream(EmulatedStream.pieces("Yes.").withReasoning("Think", "ing.").withUsageChunk());
		List<ChatResponse> responses = this.model.stream(new Prompt("Really?")).collectList().block(WAIT);
		assertThat(responses).extracting((response) -> response.getResult().getOutput().getText())
			.containsExactly(null, null, "Yes.", null, null);
		assertThat(responses).extracting(
				(response) -> response.getResult().getOutput().getMetadata().get(GroqChatMetadata.REASONING_CONTENT))
			.containsExactly("Think", "ing.", null, "Thinking.", "Thinking.");
	}

	@Test
	void anErrorBeforeTheFirstChunkReachesTheSubscriber() {
		this.emulator.enqueue(EmulatedResponse.rateLimited(3));
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		this.chatClient.prompt().user("Hi").stream().content().onErrorResume((ex) -> {
			errors.add(ex);
			return Flux.empty();
		}).blockLast(WAIT);
		assertThat(errors).singleElement().isInstanceOf(io.github.groqspring.error.GroqRateLimitException.class);
	}

	static final class Clock {

		final List<String> zones = new CopyOnWriteArrayList<>();

		@Tool(description = "The local time in a time zone")
		String localTime(String zone) {
			this.zones.add(zone);
			return "12:00 in " + zone;
		}

	}

}
