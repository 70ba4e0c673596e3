package io.github.groqspring.benchmarks.clients;

import io.github.groqspring.ai.GroqChatModel;
import io.github.groqspring.ai.GroqChatOptions;
import io.github.groqspring.benchmarks.server.Payload;

/**
 * This project's Spring AI {@code GroqChatModel}, built on the {@code GroqTemplate} bean of
 * the same Spring Boot context as {@link GroqTemplateClient}, and called exactly as
 * {@link SpringAiClient} calls Spring AI's {@code OpenAiChatModel}: same prompt, same
 * {@code call} and {@code stream}.
 */
final class GroqChatModelClient implements BenchClient {

	private final GroqTemplateClient groq;

	private final GroqChatModel model;

	GroqChatModelClient(String baseUrl) {
		this.groq = new GroqTemplateClient(baseUrl);
		this.model = GroqChatModel.builder(this.groq.template())
			.defaultOptions(GroqChatOptions.builder().model(Payload.MODEL).build())
			.build();
	}

	@Override
	public Object chat() {
		return this.model.call(SpringAiClient.prompt()).getResult().getOutput().getText();
	}

	@Override
	public void stream(StreamTally tally) {
		this.model.stream(SpringAiClient.prompt())
			.doOnNext((response) -> tally.chunk(SpringAiClient.text(response)))
			.blockLast();
	}

	@Override
	public void close() {
		this.groq.close();
	}

}
