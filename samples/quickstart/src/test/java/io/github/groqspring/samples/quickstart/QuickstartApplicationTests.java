package io.github.groqspring.samples.quickstart;

import io.github.groqspring.test.GroqEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class QuickstartApplicationTests {

	@Test
	void runsOfflineSendingTheSeedRequestOnAutoTierAndPrintsTheAnswer(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			GroqEmulator emulator = context.getBean(GroqEmulator.class);
			assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at " + emulator.baseUrl())
				.contains("Emulated reply to: Summarize the latest release highlights.");
			JSONAssert.assertEquals("""
					{"model":"openai/gpt-oss-120b","service_tier":"auto",
					 "messages":[{"role":"user","content":"Summarize the latest release highlights."}]}""",
					emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
		}
	}

	@Test
	void mainExitsWhenDone(CapturedOutput output) {
		org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null,
				"GROQ_API_KEY is set: main would call Groq");
		QuickstartApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains("Emulated reply to: Summarize the latest release highlights.");
	}

	/** Runs the sample as its main would; the main class is named so that AOT mode finds its initializer. */
	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(QuickstartApplication.class).main(QuickstartApplication.class).run(args);
	}

}
