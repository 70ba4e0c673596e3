package io.github.groqspring.samples.websearch;

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
class WebSearchApplicationTests {

	static final String ANSWER = "Answer: Emulated answer using a web search for: What is the newest Spring Boot release?";

	static final String EXECUTED = "Executed tool 0: search {\"query\":\"What is the newest Spring Boot release?\"}";

	@Test
	void runsOfflineWithTheBuiltInBrowserSearchAndPrintsTheSearchesGroqRan(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			GroqEmulator emulator = context.getBean(GroqEmulator.class);
			assertThat(output).contains(ANSWER)
				.contains(EXECUTED)
				.contains("  Emulated result for: What is the newest Spring Boot release? "
						+ "<https://example.com/search?q=What+is+the+newest+Spring+Boot+release%3F>");
			JSONAssert.assertEquals("""
					{"model":"openai/gpt-oss-120b",
					 "messages":[{"role":"user","content":"What is the newest Spring Boot release?"}],
					 "tools":[{"type":"browser_search"}],"reasoning_effort":"low"}""",
					emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
		}
	}

	@Test
	void mainExitsWhenDone(CapturedOutput output) {
		org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null,
				"GROQ_API_KEY is set: main would call Groq");
		WebSearchApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains(ANSWER)
			.contains(EXECUTED);
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(WebSearchApplication.class).main(WebSearchApplication.class).run(args);
	}

}
