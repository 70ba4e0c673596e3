package io.github.groqspring.samples.ratelimits;

import io.github.groqspring.test.GroqEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RateLimitsApplicationTests {

	@Test
	void aBurstLargerThanTheBudgetIsPacedIntoItWithoutA429AndAnImpatientCallIsNotSent(CapturedOutput output) {
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			GroqEmulator emulator = context.getBean(GroqEmulator.class);
			var counts = emulator.rateLimitCounts();
			// 24 calls of 55 tokens (28 prompt, 27 completion): 1,320 tokens, all admitted.
			assertThat(counts.admittedRequests()).isEqualTo(24);
			assertThat(counts.admittedTokens()).isEqualTo(24 * 55);
			// Eight threads are not served exactly in the order they reserved: at most a stray 429 or two, retried.
			assertThat(counts.rejected()).isLessThanOrEqualTo(2);
			// The impatient 25th call never went out.
			assertThat(emulator.requests()).hasSize(24);
			// 320 tokens over the 1,000 of the first (emulated) minute, refilled at 167 a second: about 2 s.
			assertThat(elapsedMillis).isGreaterThan(1000);
			assertThat(output.getOut()).contains("Sending 24 calls from 8 threads, budgets kept in this JVM",
					"Answered 24 of 24 calls, 0 failed on a rate limit",
					"The impatient call was not sent: RateLimitExhaustedException, the budget refills after its 1 ms "
							+ "deadline");
		}
	}

	/** Runs the sample as its main would; the main class is named so that AOT mode finds its initializer. */
	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(RateLimitsApplication.class).main(RateLimitsApplication.class).run(args);
	}

}
