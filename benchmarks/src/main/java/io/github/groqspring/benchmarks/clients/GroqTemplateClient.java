package io.github.groqspring.benchmarks.clients;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.benchmarks.BenchmarkApplication;
import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GroqTemplate} exactly as an application gets it: the bean the auto-configuration
 * builds in a Spring Boot context (with Boot's {@code RestClient.Builder} and
 * {@code JsonMapper}).
 */
final class GroqTemplateClient implements BenchClient {

	private final ConfigurableApplicationContext context;

	private final GroqTemplate groq;

	GroqTemplateClient(String baseUrl) {
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("groq.base-url=" + baseUrl, "groq.api-key=" + Client.API_KEY, "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run();
		this.groq = this.context.getBean(GroqTemplate.class);
	}

	@Override
	public Object chat() {
		return this.groq
			.chat(ChatRequest.builder(Payload.MODEL).system(Payload.SYSTEM).user(Payload.USER).build())
			.content();
	}

	@Override
	public void stream(StreamTally tally) {
		ChatRequest request = ChatRequest.builder(Payload.MODEL).system(Payload.SYSTEM).user(Payload.USER).build();
		try (ChatStream stream = this.groq.stream(request)) {
			for (ChatCompletionChunk chunk : stream) {
				tally.chunk(chunk.content());
			}
			if (!stream.isComplete()) {
				throw new IllegalStateException("The stream ended without data: [DONE]");
			}
		}
	}

	/** The auto-configured template, for clients built on it. */
	GroqTemplate template() {
		return this.groq;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
