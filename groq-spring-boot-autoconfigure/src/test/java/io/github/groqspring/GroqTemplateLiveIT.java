package io.github.groqspring;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the live API; runs only when {@code GROQ_API_KEY} is set. */
@EnabledIfEnvironmentVariable(named = "GROQ_API_KEY", matches = ".+")
class GroqTemplateLiveIT {

	@Test
	void chatsAndListsModelsOnGroq() throws Exception {
		try (GroqTemplate groq = GroqTemplate.builder().apiKey(System.getenv("GROQ_API_KEY")).build()) {
			assertThat(groq.listModels()).isNotEmpty();
			ChatResponse response = groq.chat(ChatRequest.builder("llama-3.1-8b-instant").user("Say OK."));
			assertThat(response.content()).isNotBlank();
			assertThat(response.serviceTier()).isNotBlank();
			assertThat(response.metadata().rateLimits().limitRequests()).isPositive();
		}
	}

}
