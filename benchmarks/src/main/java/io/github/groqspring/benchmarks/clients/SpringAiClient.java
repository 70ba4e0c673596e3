package io.github.groqspring.benchmarks.clients;

import java.util.List;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import io.github.groqspring.benchmarks.server.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Spring AI's {@code OpenAiChatModel} (openai-java on OkHttp underneath), pointed at the
 * server.
 */
final class SpringAiClient implements BenchClient {

	private final OpenAiChatModel model;

	SpringAiClient(String baseUrl) {
		this.model = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl(baseUrl + "/openai/v1")
				.apiKey(Client.API_KEY)
				.model(Payload.MODEL)
				.build())
			.build();
	}

	@Override
	public Object chat() {
		return this.model.call(prompt()).getResult().getOutput().getText();
	}

	@Override
	public void stream(StreamTally tally) {
		this.model.stream(prompt()).doOnNext((response) -> tally.chunk(text(response))).blockLast();
	}

	/** The benchmark's prompt as a Spring AI user builds it; shared with {@link GroqChatModelClient}. */
	static Prompt prompt() {
		return new Prompt(List.of(new SystemMessage(Payload.SYSTEM), new UserMessage(Payload.USER)));
	}

	/** The text a streamed Spring AI response adds. */
	static @Nullable String text(ChatResponse response) {
		Generation result = response.getResult();
		return (result != null) ? result.getOutput().getText() : null;
	}

}
