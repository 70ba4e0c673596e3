package io.github.groqspring.samples.tiers;

import java.util.Map;

import io.github.groqspring.test.GroqEmulator;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Two services call Groq under different tiers: a latency-critical answer on {@code auto}
 * and a nightly digest on {@code flex} (from configuration). Without {@code GROQ_API_KEY}
 * it calls an embedded Groq emulator.
 */
@SpringBootApplication
public class TiersApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(TiersApplication.class);
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
	ApplicationRunner demo(AnswerService answers, NightlyDigest digest) {
		return (args) -> {
			System.out.println(answers.answer("What is an LPU?"));
			System.out.println(digest.summarize("Yesterday: 3 releases, 2 incidents, 1 launch."));
		};
	}

}
