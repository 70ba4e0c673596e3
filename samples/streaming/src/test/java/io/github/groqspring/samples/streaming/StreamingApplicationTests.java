package io.github.groqspring.samples.streaming;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StreamingApplicationTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	@Test
	void runStreamsTheAnswerAndPrintsItWithWhatItCost(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(StreamingApplication.class,
				"--groq.base-url=" + this.emulator.baseUrl())) {
			assertThat(output).contains("Emulated reply to: " + StreamingApplication.QUESTION + "\n"
					+ "[13 pieces, finish_reason=stop, 13 completion tokens, x_groq.id=" + this.emulator.lastRequest().requestId() + "]");
			JSONAssert.assertEquals("""
					{"model":"llama-3.1-8b-instant","stream":true,"stream_options":{"include_usage":true},
					 "messages":[{"role":"user","content":"%s"}]}""".formatted(StreamingApplication.QUESTION),
					this.emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
		}
	}

	@Test
	void printsEachTokenWhileGroqIsStillGeneratingTheRest(CapturedOutput output) throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.emulator.enqueueStream(EmulatedStream.reply("First words, then the rest.").holdingAfter(3, release));
		CompletableFuture<Void> run = CompletableFuture.runAsync(() -> SpringApplication
			.run(StreamingApplication.class, "--groq.base-url=" + this.emulator.baseUrl())
			.close());
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!output.getOut().contains("First words,") && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(output.getOut()).as("printed while the emulator holds the rest")
			.contains("First words,")
			.doesNotContain("then");
		release.countDown();
		run.get(10, TimeUnit.SECONDS);
		assertThat(output).contains("First words, then the rest.\n[5 pieces, finish_reason=stop");
	}

	@Test
	void mainWithoutApiKeyUsesTheEmbeddedEmulatorAndSaysSo(CapturedOutput output) {
		Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null, "GROQ_API_KEY is set: main would call Groq");
		StreamingApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains("Emulated reply to: " + StreamingApplication.QUESTION + "\n[13 pieces, finish_reason=stop");
	}

}
