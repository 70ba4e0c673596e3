package io.github.groqspring.samples.quickstart;

import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.ServiceTier;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.test.GroqEmulator;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The seed's example in Spring: one completion on the {@code auto} tier, printed. Without
 * {@code GROQ_API_KEY} it calls an embedded Groq emulator instead of Groq, and says so.
 */
@SpringBootApplication
public class QuickstartApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(QuickstartApplication.class);
		if (System.getenv("GROQ_API_KEY") != null || System.getProperty("groq.api-key") != null) {
			SpringApplication.exit(application.run(args));
			return;
		}
		try (GroqEmulator emulator = GroqEmulator.start()) {
			System.out.println("No GROQ_API_KEY set: calling the embedded Groq emulator at " + emulator.baseUrl());
			application.setDefaultProperties(Map.of("groq.base-url", emulator.baseUrl()));
			SpringApplication.exit(application.run(args));
		}
	}

	@Bean
	ApplicationRunner summarize(GroqTemplate groq) {
		return (args) -> System.out.println(groq.chat(ChatRequest.builder("openai/gpt-oss-120b")
			.serviceTier(ServiceTier.AUTO)
			.user("Summarize the latest release highlights.")).content());
	}

}
