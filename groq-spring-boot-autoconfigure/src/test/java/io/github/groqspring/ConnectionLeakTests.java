package io.github.groqspring;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of faulted calls leave no connection leased and no thread behind.
 */
class ConnectionLeakTests {

	private static final int CALLS = 2000;

	@Test
	void thousandsOfFaultedCallsLeakNoConnectionAndNoThread() throws Exception {
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(4)
			.setMaxConnPerRoute(4)
			.build();
		try (GroqEmulator emulator = GroqEmulator.start();
				CloseableHttpClient client = HttpClients.custom()
					.setConnectionManager(pool)
					.disableAutomaticRetries()
					.build();
				GroqTemplate groq = GroqTemplate.builder()
					.baseUrl(emulator.baseUrl())
					.requestFactory(new HttpComponentsClientHttpRequestFactory(client))
					.retry(new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
					.readTimeout(Duration.ofSeconds(2))
					.build()) {
			call(groq, emulator, 50);
			Set<String> threadsBefore = liveThreads();
			int failures = call(groq, emulator, CALLS);
			PoolStats stats = pool.getTotalStats();
			long expectedFailures = java.util.stream.IntStream.range(0, CALLS).filter((i) -> i % 6 < 4).count();
			assertThat(failures).isEqualTo(expectedFailures);
			assertThat(stats.getLeased()).isZero();
			assertThat(stats.getPending()).isZero();
			assertThat(stats.getAvailable()).isLessThanOrEqualTo(4);
			assertThat(liveThreads()).isSubsetOf(threadsBefore);
		}
	}

	/** Each round of six: 500 twice (fails), reset then reset (fails), bad JSON (fails), 498 twice (fails), ok. */
	private static int call(GroqTemplate groq, GroqEmulator emulator, int calls) {
		int failures = 0;
		for (int i = 0; i < calls; i++) {
			switch (i % 6) {
				case 0 -> emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "boom"))
					.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "boom"));
				case 1 -> emulator.enqueue(EmulatedResponse.resetMidBody()).enqueue(EmulatedResponse.resetMidBody());
				case 2 -> emulator.enqueue(EmulatedResponse.raw(200, "application/json", "{\"choices\":["));
				case 3 -> emulator.enqueue(EmulatedResponse.flexCapacityExceeded())
					.enqueue(EmulatedResponse.flexCapacityExceeded());
				case 4 -> emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "once"));
				default -> {
				}
			}
			try {
				groq.chat(ChatRequest.builder("llama-3.1-8b-instant").user("Hi"));
			}
			catch (GroqException ex) {
				failures++;
			}
		}
		emulator.reset();
		return failures;
	}

	private static Set<String> liveThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("groq-emulator"))
			.collect(Collectors.toSet());
	}

}
