package io.github.groqspring.samples.vision;

import java.util.Base64;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class VisionApplicationTests {

	static final String DESCRIPTION = "Description: Emulated description of image 1: a 48x32 PNG image of 146 bytes "
			+ "(sha-256 19b60e6c).";

	@Test
	void runsOfflineSendingTheShippedImageInlineAndPrintsItsDescription(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			GroqEmulator emulator = context.getBean(GroqEmulator.class);
			assertThat(output).contains(DESCRIPTION);
			RecordedRequest request = emulator.lastRequest();
			String image = Base64.getEncoder()
				.encodeToString(new ClassPathResource(VisionApplication.IMAGE).getContentAsByteArray());
			JSONAssert.assertEquals("""
					{"model":"qwen/qwen3.8-27b","messages":[{"role":"user","content":[
					  {"type":"text","text":"Describe this picture in one sentence."},
					  {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}""".formatted(image),
					request.bodyText(), JSONCompareMode.STRICT);
		}
	}

	@Test
	void mainExitsWhenDone(CapturedOutput output) {
		org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null,
				"GROQ_API_KEY is set: main would call Groq");
		VisionApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains(DESCRIPTION);
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(VisionApplication.class).main(VisionApplication.class).run(args);
	}

}
