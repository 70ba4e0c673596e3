package io.github.groqspring.samples.tiers;


import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Two services call Groq under different tiers: a latency-critical answer on {@code auto}
 * and a nightly digest on {@code flex} (from configuration). Without {@code GROQ_API_KEY}
 * it calls the embedded Groq emulator ({@code groq.emulator.enabled=auto}).
 */
@SpringBootApplication
public class TiersApplication {

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(TiersApplication.class, args));
	}

	@Bean
	ApplicationRunner demo(AnswerService answers, NightlyDigest digest) {
		return (args) -> {
			System.out.println(answers.answer("What is an LPU?"));
			System.out.println(digest.summarize("Yesterday: 3 releases, 2 incidents, 1 launch."));
		};
	}

}
