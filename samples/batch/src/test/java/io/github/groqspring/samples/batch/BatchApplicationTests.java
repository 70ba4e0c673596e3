package io.github.groqspring.samples.batch;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BatchApplicationTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	@Test
	void runSubmitsTheBatchShowsItsProgressAndPrintsTheAnswersInOrder(CapturedOutput output) {
		this.emulator.batches().linesPerStep(2);
		try (ConfigurableApplicationContext context = SpringApplication.run(BatchApplication.class,
				"--groq.base-url=" + this.emulator.baseUrl(), "--sample.batch.poll-interval=1ms")) {
			assertThat(output.getOut()).containsSubsequence("Submitted batch_",
					"(8 requests, window 24h)",
					"[------------------------------]   0% 0/0 done, 0 failed  validating",
					"[------------------------------]   0% 0/8 done, 0 failed  in_progress",
					"[#######-----------------------]  25% 2/8 done, 0 failed  in_progress",
					"[###############---------------]  50% 4/8 done, 0 failed  in_progress",
					"[######################--------]  75% 6/8 done, 0 failed  in_progress",
					"[##############################] 100% 8/8 done, 0 failed  finalizing",
					"[##############################] 100% 8/8 done, 0 failed  completed",
					"capital-france: Emulated reply to: What is the capital of France? Answer in one word.",
					"capital-japan: Emulated reply to: What is the capital of Japan? Answer in one word.",
					"capital-peru: Emulated reply to: What is the capital of Peru? Answer in one word.",
					"Deleted the batch's 2 files");
			RecordedRequest upload = this.emulator.requests().get(0);
			assertThat(upload.path()).isEqualTo("/openai/v1/files");
			assertThat(upload.bodyText()).contains("{\"custom_id\":\"capital-kenya\",\"method\":\"POST\","
					+ "\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"llama-3.1-8b-instant\",\"messages\":"
					+ "[{\"role\":\"user\",\"content\":\"What is the capital of Kenya? Answer in one word.\"}]}}\n")
				.doesNotContain("service_tier");
			assertThat(this.emulator.requests()).filteredOn((request) -> request.method().equals("DELETE"))
				.hasSize(2);
		}
	}

	@Test
	void linesPerBatchSendsTheQuestionsAsAJobOfSeveralBatchesAndMergesTheirAnswers(CapturedOutput output) {
		this.emulator.batches().limits(3, 1_000_000);
		try (ConfigurableApplicationContext context = SpringApplication.run(BatchApplication.class,
				"--groq.base-url=" + this.emulator.baseUrl(), "--sample.batch.poll-interval=1ms",
				"--sample.batch.lines-per-batch=3")) {
			assertThat(output.getOut()).containsSubsequence("Submitted 3 batches of at most 3 requests [3, 3, 2]: [batch_",
					"[------------------------------]   0% 0/8 done, 0 failed  validating validating validating",
					"[##############################] 100% 8/8 done, 0 failed  completed completed completed",
					"capital-france: Emulated reply to: What is the capital of France? Answer in one word.",
					"capital-peru: Emulated reply to: What is the capital of Peru? Answer in one word.",
					"Deleted the job's 6 files");
			assertThat(this.emulator.requests()).filteredOn((request) -> request.path().equals("/openai/v1/files")
					&& request.method().equals("POST"))
				.extracting((request) -> request.bodyText().lines().filter((line) -> line.startsWith("{\"custom_id\"")).count())
				.containsExactly(3L, 3L, 2L);
		}
	}

	@Test
	void mainWithoutApiKeyUsesTheEmbeddedEmulatorAndSaysSo(CapturedOutput output) {
		Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null, "GROQ_API_KEY is set: main would call Groq");
		BatchApplication.main(new String[] { "--sample.batch.poll-interval=1ms" });
		assertThat(output.getOut()).contains("No GROQ_API_KEY set: running the batch on the embedded Groq emulator at http://127.0.0.1:")
			.contains("100% 8/8 done, 0 failed  completed")
			.contains("capital-norway: Emulated reply to: What is the capital of Norway? Answer in one word.");
	}

}
