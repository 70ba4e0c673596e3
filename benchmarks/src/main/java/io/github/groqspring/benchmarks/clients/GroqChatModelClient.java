package io.github.groqspring.benchmarks.clients;

import java.util.List;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.ai.GroqChatModel;
import io.github.groqspring.ai.GroqChatOptions;
import io.github.groqspring.benchmarks.BenchmarkApplication;
import io.github.groqspring.benchmarks.server.Payload;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * This project's Spring AI {@code GroqChatModel}, built on the {@code GroqTemplate} bean of
 * the same Spring Boot context as {@link GroqTemplateClient}, and called exactly as
 * {@link SpringAiClient} calls Spring AI's {@code OpenAiChatModel}: same prompt, same
 * {@code call} and {@code stream}.
 */
final class GroqChatModelClient implements BenchClient {

	private final ConfigurableApplicationContext context;

	private final GroqChatModel model;

	GroqChatModelClient(String baseUrl) {
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("groq.base-url=" + baseUrl, "groq.api-key=" + Client.API_KEY, "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run();
		this.model = GroqChatModel.builder(this.context.getBean(GroqTemplate.class))
			.defaultOptions(GroqChatOptions.builder().model(Payload.MODEL).build())
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

	private static Prompt prompt() {
		return new Prompt(List.of(new SystemMessage(Payload.SYSTEM), new UserMessage(Payload.USER)));
	}

	private static @Nullable String text(ChatResponse response) {
		Generation result = response.getResult();
		return (result != null) ? result.getOutput().getText() : null;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
