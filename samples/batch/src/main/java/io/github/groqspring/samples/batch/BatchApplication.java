package io.github.groqspring.samples.batch;

import java.time.Duration;
import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.GroqEmulator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A batch end to end: eight questions submitted to Groq's Batch API, followed with a
 * progress bar, their answers collected by custom id, the batch's files deleted. Without
 * {@code GROQ_API_KEY} it runs on an embedded Groq emulator, whose batches finish in
 * seconds, and says so. With {@code --sample.batch.lines-per-batch=3} the questions go as a
 * job of three batches, as an input of more than 50,000 requests would.
 */
@SpringBootApplication
public class BatchApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BatchApplication.class);
		if (System.getenv("GROQ_API_KEY") != null || System.getProperty("groq.api-key") != null) {
			SpringApplication.exit(application.run(args));
			return;
		}
		try (GroqEmulator emulator = GroqEmulator.start()) {
			emulator.batches().linesPerStep(2);
			System.out.println("No GROQ_API_KEY set: running the batch on the embedded Groq emulator at "
					+ emulator.baseUrl());
			application.setDefaultProperties(
					Map.of("groq.base-url", emulator.baseUrl(), "sample.batch.poll-interval", "300ms"));
			SpringApplication.exit(application.run(args));
		}
	}

	@Bean
	ApplicationRunner capitals(GroqTemplate groq, @Value("${sample.batch.poll-interval:30s}") Duration pollInterval,
			@Value("${sample.batch.lines-per-batch:0}") int linesPerBatch) {
		return (args) -> new CapitalsBatch(groq.batches(), pollInterval, System.out, linesPerBatch).run();
	}

}
