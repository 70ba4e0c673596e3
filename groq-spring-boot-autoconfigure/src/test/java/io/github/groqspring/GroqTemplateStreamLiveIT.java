package io.github.groqspring;

import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.stream.ChatStreamHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams against the live API; runs only when {@code GROQ_API_KEY} is set. */
@EnabledIfEnvironmentVariable(named = "GROQ_API_KEY", matches = ".+")
class GroqTemplateStreamLiveIT {

	@Test
	void streamsChunksEndingWithUsageAndDone() throws Exception {
		try (GroqTemplate groq = GroqTemplate.builder().apiKey(System.getenv("GROQ_API_KEY")).build()) {
			List<String> pieces = new ArrayList<>();
			ChatResponse response = groq.stream(ChatRequest.builder("llama-3.1-8b-instant").user("Count to five."),
					ChatStreamHandler.onContent(pieces::add));
			assertThat(pieces).hasSizeGreaterThan(1);
			assertThat(response.content()).isEqualTo(String.join("", pieces));
			assertThat(response.finishReason()).isEqualTo("stop");
			assertThat(response.usage().completionTokens()).isPositive();
			assertThat(response.usage().totalTime()).isNotNull();
			assertThat(response.groqRequestId()).startsWith("req_");
			assertThat(response.serviceTier()).isNotBlank();
		}
	}

}
