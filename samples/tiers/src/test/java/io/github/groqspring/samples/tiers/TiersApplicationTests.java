package io.github.groqspring.samples.tiers;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TiersApplicationTests {

	@Test
	void eachServiceCallsGroqOnItsOwnTier(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			assertThat(context.getBean(GroqEmulator.class).requests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("auto", "flex");
			assertThat(output).contains("[answer, sent auto, served on_demand] Emulated reply to: What is an LPU?")
				.contains("[digest, sent flex, served flex] Emulated reply to: Summarize: Yesterday:");
		}
	}

	@Test
	void theDigestTierMovesWithConfiguration() {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true", "--digest.tier=on_demand")) {
			assertThat(context.getBean(GroqEmulator.class).requests()).extracting(RecordedRequest::serviceTier)
				.containsExactly("auto", "on_demand");
		}
	}

	/** Runs the sample as its main would; the main class is named so that AOT mode finds its initializer. */
	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(TiersApplication.class).main(TiersApplication.class).run(args);
	}

}
