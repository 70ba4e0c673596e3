package io.github.groqspring.stream;

import java.util.List;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.stream.ChatCompletionChunk.Choice;
import io.github.groqspring.stream.ChatCompletionChunk.Delta;
import io.github.groqspring.stream.ChatCompletionChunk.FunctionDelta;
import io.github.groqspring.stream.ChatCompletionChunk.ToolCallDelta;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatStreamAccumulatorTests {

	private final ChatStreamAccumulator accumulator = new ChatStreamAccumulator();

	@Test
	void nothingAccumulatedIsAnEmptyCompletion() {
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.choices()).isEmpty();
		assertThat(completion.usage()).isNull();
		assertThat(completion.xGroq()).isNull();
		assertThat(completion.object()).isEqualTo("chat.completion");
	}

	@Test
	void choicesAreAccumulatedApartByIndex() {
		this.accumulator.accept(chunk(new Choice(0, new Delta("assistant", "A", null, null), null),
				new Choice(1, new Delta("assistant", "B", null, null), null)));
		this.accumulator.accept(chunk(new Choice(1, new Delta(null, "b", null, null), "length"),
				new Choice(0, new Delta(null, "a", null, null), "stop")));
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.choices()).extracting((choice) -> choice.index() + ":" + choice.message().content() + ":"
				+ choice.finishReason()).containsExactly("0:Aa:stop", "1:Bb:length");
	}

	@Test
	void aToolOnlyAnswerHasNoContentEvenAfterTheEmptyFirstDelta() {
		this.accumulator.accept(chunk(new Choice(0, new Delta("assistant", "", null, null), null)));
		this.accumulator.accept(chunk(new Choice(0, new Delta(null, null, null,
				List.of(new ToolCallDelta(0, "call_1", "function", new FunctionDelta("f", "{}")))), "tool_calls")));
		assertThat(this.accumulator.toCompletion().choices().get(0).message().content()).isNull();
	}

	@Test
	void anEmptyAnswerWithoutToolsKeepsItsEmptyContent() {
		this.accumulator.accept(chunk(new Choice(0, new Delta("assistant", "", null, null), "stop")));
		assertThat(this.accumulator.toCompletion().choices().get(0).message().content()).isEmpty();
	}

	@Test
	void aToolCallCutShortKeepsWhatArrived() {
		this.accumulator.accept(chunk(new Choice(0, new Delta(null, null, null,
				List.of(new ToolCallDelta(3, null, null, new FunctionDelta(null, "{\"ci")))), null)));
		assertThat(this.accumulator.toCompletion().choices().get(0).message().toolCalls())
			.containsExactly(new ToolCall("", "function", new ToolCall.FunctionCall("", "{\"ci")));
	}

	@Test
	void theLastUsageAndTierWinAndTheFirstIdsStay() {
		Usage early = new Usage(null, 1, null, 1, null, 2, null, null, null);
		Usage late = new Usage(0.1, 10, 0.2, 20, 0.3, 30, 0.6, null, null);
		this.accumulator.accept(new ChatCompletionChunk("chatcmpl-1", "chat.completion.chunk", 5, "m", List.of(),
				early, "fp_1", new ChatCompletionChunk.XGroq("req_1", null, null), "on_demand"));
		this.accumulator.accept(new ChatCompletionChunk("chatcmpl-2", "chat.completion.chunk", 6, "other", List.of(),
				null, "fp_2", new ChatCompletionChunk.XGroq("req_2", 42L, late), "flex"));
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.id()).isEqualTo("chatcmpl-1");
		assertThat(completion.created()).isEqualTo(5);
		assertThat(completion.model()).isEqualTo("m");
		assertThat(completion.systemFingerprint()).isEqualTo("fp_1");
		assertThat(completion.usage()).isEqualTo(late);
		// A stream's x_groq.usage is the token usage (completion.usage()); the blocking x_groq.usage is cache statistics.
		assertThat(completion.xGroq()).isEqualTo(new ChatCompletion.XGroq("req_1", 42L, null));
		assertThat(completion.serviceTier()).isEqualTo("flex");
	}

	private static ChatCompletionChunk chunk(Choice... choices) {
		return new ChatCompletionChunk("chatcmpl-1", "chat.completion.chunk", 1, "m", List.of(choices), null, null,
				null, null);
	}

}
