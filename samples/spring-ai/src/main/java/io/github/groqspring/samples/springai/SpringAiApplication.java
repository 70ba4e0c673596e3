package io.github.groqspring.samples.springai;

import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.ai.GroqChatMetadata;
import io.github.groqspring.ai.GroqChatOptions;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Spring AI's {@code ChatClient} on Groq ({@code groq-spring-ai-starter}): two turns of one
 * conversation kept by a {@link MessageChatMemoryAdvisor}, the second answered through the
 * {@link WeatherTools} {@code @Tool} method, on the {@code auto} tier, with the served
 * tier read from the answer's metadata. Without {@code GROQ_API_KEY} it calls the embedded
 * Groq emulator, scripted by {@link OfflineAnswers}.
 */
@SpringBootApplication
public class SpringAiApplication {

	static final String CONVERSATION = "sample-conversation";

	static final String[] TURNS = { "Hi, I'm Ada and I live in Paris.", "What's the weather where I live?" };

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(SpringAiApplication.class, args));
	}

	@Bean
	ChatClient chatClient(ChatClient.Builder builder, ChatMemory chatMemory, WeatherTools weather) {
		return builder.defaultSystem("You are a friendly assistant. Answer in one sentence.")
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build())
			.defaultTools(weather)
			.defaultOptions(GroqChatOptions.builder().serviceTier(ServiceTier.AUTO))
			.build();
	}

	@Bean
	WeatherTools weatherTools() {
		return new WeatherTools();
	}

	@Bean
	ApplicationRunner converse(ChatClient chatClient) {
		return (args) -> {
			for (String turn : TURNS) {
				ChatResponse response = chatClient.prompt()
					.user(turn)
					.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, CONVERSATION))
					.call()
					.chatResponse();
				Generation result = (response != null) ? response.getResult() : null;
				if (response == null || result == null) {
					throw new IllegalStateException("No answer to: " + turn);
				}
				System.out.println("You: " + turn);
				System.out.println("Assistant: " + result.getOutput().getText() + "  [sent "
						+ response.getMetadata().get(GroqChatMetadata.REQUESTED_TIER) + ", served "
						+ response.getMetadata().get(GroqChatMetadata.SERVED_TIER) + "]");
			}
		};
	}

}
