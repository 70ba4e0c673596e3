package io.github.groqspring.samples.ratelimits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RateLimitPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A burst of calls larger than a minute of Groq's token limit, from several threads: the
 * template estimates each call's tokens, takes them from the budget Groq's
 * {@code x-ratelimit-*} headers report, and holds a call back until the budget has refilled
 * enough, instead of sending it into a 429. A call whose wait would pass its deadline fails
 * at once, unsent. Without {@code GROQ_API_KEY} it calls the embedded Groq emulator, which
 * enforces 1,000 tokens a minute on a clock running 10 times faster than Groq's (a minute of
 * budget refills in 6 seconds).
 */
@SpringBootApplication
public class RateLimitsApplication {

	/** The emulator's limits offline: 1,000 tokens a minute and 14,400 requests a day, a minute lasting 6 s. */
	static final RateLimitPolicy OFFLINE_LIMITS = RateLimitPolicy.builder().limits(0, 14_400, 1_000).timeScale(10).build();

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(RateLimitsApplication.class, args));
	}

	@Bean
	ApplicationRunner burst(GroqTemplate groq, ObjectProvider<GroqEmulator> emulator,
			ObjectProvider<RateLimitBudgetStore> store,
			@Value("${sample.calls}") int calls, @Value("${sample.threads}") int threads) {
		return (args) -> {
			emulator.ifAvailable((offline) -> offline.enforceRateLimits(OFFLINE_LIMITS));
			RateLimitBudgetStore shared = store.getIfAvailable();
			System.out.println("Sending " + calls + " calls from " + threads + " threads, budgets kept "
					+ ((shared != null) ? "in " + shared.getClass().getSimpleName() : "in this JVM"));
			List<Future<String>> answers = new ArrayList<>();
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				for (int i = 1; i <= calls; i++) {
					String question = "Question " + i + ": in forty words or fewer, why do token buckets refill "
							+ "continuously rather than all at once at the end of each minute?";
					answers.add(executor.submit(() -> groq.chat(ChatRequest.builder().user(question)).content()));
				}
				int answered = 0;
				int limited = 0;
				for (Future<String> answer : answers) {
					try {
						answer.get();
						answered++;
					}
					catch (ExecutionException ex) {
						if (!(ex.getCause() instanceof GroqRateLimitException)
								&& !(ex.getCause() instanceof RateLimitExhaustedException)) {
							throw ex;
						}
						limited++;
					}
				}
				System.out.println("Answered " + answered + " of " + calls + " calls, " + limited
						+ " failed on a rate limit");
			}
			finally {
				executor.shutdown();
			}
			try {
				// The budget is spent: a long call (about 700 tokens) that may wait 1 ms is not sent at all.
				groq.chat(ChatRequest.builder().user("Summarize: " + "why ".repeat(800).trim()).build(),
						RequestOptions.builder().callTimeout(Duration.ofMillis(1)).build());
				System.out.println("The impatient call was answered: the budget had refilled");
			}
			catch (RateLimitExhaustedException ex) {
				System.out.println("The impatient call was not sent: " + ex.getClass().getSimpleName()
						+ ", the budget refills after its 1 ms deadline");
			}
		};
	}

}
