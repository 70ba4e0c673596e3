package io.github.groqspring.samples.quickstart;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.tier.ServiceTier;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The seed's example in Spring: one completion on the {@code auto} tier, printed. Without
 * {@code GROQ_API_KEY} it calls the embedded Groq emulator ({@code groq.emulator.enabled=auto}) instead of Groq, and says so.
 */
@SpringBootApplication
public class QuickstartApplication {

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(QuickstartApplication.class, args));
	}

	@Bean
	ApplicationRunner summarize(GroqTemplate groq) {
		return (args) -> System.out.println(groq.chat(ChatRequest.builder("openai/gpt-oss-120b")
			.serviceTier(ServiceTier.AUTO)
			.user("Summarize the latest release highlights.")).content());
	}

}
