package io.github.groqspring.health;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.GroqModelCatalogue;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class GroqHealthIndicatorTests {

	private static final String KEY = "gsk_health_probe_secret_777";

	private static final String MODEL = "llama-3.3-70b-versatile";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension().configure((groq) -> groq.requireApiKey(KEY));

	private final GroqEmulator emulator = this.emulators.emulator();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private final List<GroqHealthIndicator> indicators = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (GroqHealthIndicator indicator : this.indicators) {
			indicator.close();
		}
	}

	@Test
	void upShowsHostDefaultsLatencyAndTheModelCountButNeverTheKey() {
		Health health = indicator(probe(KEY, MODEL, ServiceTier.FLEX), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("host", "defaultModel", "defaultServiceTier", "models",
				"probeLatencyMs", "checkedAt")
			.containsEntry("host", "127.0.0.1:" + this.emulator.port())
			.containsEntry("defaultModel", MODEL)
			.containsEntry("defaultServiceTier", "flex")
			.containsEntry("models", GroqModelCatalogue.defaults().size())
			.containsEntry("checkedAt", "2026-11-25T10:00:00Z");
		assertThat((Long) health.getDetails().get("probeLatencyMs")).isNotNegative();
		assertThat(health.toString()).doesNotContain(KEY);
		assertThat(this.emulator.lastRequest().method()).isEqualTo("GET");
		assertThat(this.emulator.lastRequest().path()).isEqualTo("/openai/v1/models");
		assertThat(this.emulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
	}

	@Test
	void withoutDefaultsTheDetailsSayNone() {
		Health health = indicator(probe(KEY, null, null), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("defaultModel", "none")
			.containsEntry("defaultServiceTier", "none");
	}

	@Test
	void anInvalidKeyIsDownWithReasonInvalidApiKey() {
		Health health = indicator(probe("gsk_wrong_key_123", MODEL, null), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "invalid_api_key")
			.containsEntry("status", 401)
			.containsEntry("error", "Groq answered 401 Unauthorized [type=invalid_request_error, "
					+ "code=invalid_api_key]: Invalid API Key (request " + this.emulator.lastRequest().requestId()
					+ "). Check GROQ_API_KEY (groq.api-key)")
			.containsEntry("host", "127.0.0.1:" + this.emulator.port());
		assertThat(health.toString()).doesNotContain("gsk_wrong_key_123").doesNotContain(KEY);
	}

	@Test
	void aDefaultModelGroqDoesNotServeIsDownWithReasonModelNotFound() {
		Health health = indicator(probe(KEY, "llama-9-nonexistent", null), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "model_not_found")
			.containsEntry("error", "groq.default-model 'llama-9-nonexistent' is not among the "
					+ GroqModelCatalogue.defaults().size() + " models this API key "
					+ "may use (GET /openai/v1/models)")
			.containsEntry("defaultModel", "llama-9-nonexistent");
	}

	@Test
	void anInactiveDefaultModelIsDownWithReasonModelInactive() {
		this.emulator.enqueue(GroqEmulator.MODELS, EmulatedResponse.raw(200, "application/json", """
				{"object":"list","data":[{"id":"llama-3.3-70b-versatile","object":"model","created":1,
				 "owned_by":"Meta","active":false,"context_window":131072}]}"""));
		Health health = indicator(probe(KEY, MODEL, null), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "model_inactive")
			.containsEntry("error", "groq.default-model 'llama-3.3-70b-versatile' is listed but not active");
	}

	@Test
	void anUnreachableGroqIsDownWithReasonUnreachable() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		GroqTemplate probe = GroqTemplate.builder().retry(RetrySettings.NONE).baseUrl("http://127.0.0.1:" + port).apiKey(KEY).build();
		Health health = indicator(probe, Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "unreachable")
			.containsEntry("host", "127.0.0.1:" + port);
		assertThat((String) health.getDetails().get("error")).startsWith("Groq is unreachable at 127.0.0.1:" + port
				+ ": Could not talk to Groq for GET /openai/v1/models: ")
			.contains("Connection refused")
			.doesNotContain(KEY);
	}

	@Test
	void aSlowGroqIsDownWithReasonTimeoutAfterTheProbesOwnTimeout() {
		this.emulator.enqueue(GroqEmulator.MODELS, EmulatedResponse.raw(200, "application/json", "{\"data\":[]}")
			.delayedBy(Duration.ofSeconds(2)));
		GroqTemplate probe = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.apiKey(KEY)
			.readTimeout(Duration.ofMillis(150))
			.build();
		Health health = indicator(probe, Duration.ofMillis(150), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "timeout")
			.containsEntry("error", "Groq did not answer GET /openai/v1/models at 127.0.0.1:" + this.emulator.port()
					+ " within 150ms (groq.health.timeout)");
	}

	@Test
	void aRateLimitIsDownWithReasonRateLimited() {
		this.emulator.enqueue(GroqEmulator.MODELS, EmulatedResponse.rateLimited(5));
		Health health = indicator(probe(KEY, MODEL, null), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "rate_limited").containsEntry("status", 429);
	}

	@Test
	void aServerErrorIsDownWithReasonErrorAndItsStatus() {
		this.emulator.enqueue(GroqEmulator.MODELS,
				EmulatedResponse.error(503, "internal_server_error", null, "Service Unavailable"));
		Health health = indicator(probe(KEY, MODEL, null), Duration.ofSeconds(30)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "error")
			.containsEntry("status", 503)
			.containsEntry("error", "Groq answered 503 Service Unavailable [type=internal_server_error, code=null]: "
					+ "Service Unavailable (request " + this.emulator.lastRequest().requestId() + ")");
	}

	@Test
	void aResultIsReusedUntilItsTimeToLiveRunsOut() {
		GroqHealthIndicator indicator = indicator(probe(KEY, MODEL, null), Duration.ofSeconds(30));
		Health first = indicator.health();
		assertThat(indicator.health()).isSameAs(first);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(indicator.health()).isSameAs(first);
		assertThat(probes()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		Health second = indicator.health();
		assertThat(probes()).isEqualTo(2);
		assertThat(second.getDetails()).containsEntry("checkedAt", "2026-11-25T10:00:30Z");
	}

	@Test
	void aDownResultIsCachedTooAndRecoversAfterItsTimeToLive() {
		this.emulator.enqueue(GroqEmulator.MODELS,
				EmulatedResponse.error(503, "internal_server_error", null, "Service Unavailable"));
		GroqHealthIndicator indicator = indicator(probe(KEY, MODEL, null), Duration.ofSeconds(10));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(probes()).isEqualTo(2);
	}

	@Test
	void aZeroTimeToLiveProbesOnEveryCheck() {
		GroqHealthIndicator indicator = indicator(probe(KEY, MODEL, null), Duration.ZERO);
		indicator.health();
		indicator.health();
		indicator.health();
		assertThat(probes()).isEqualTo(3);
	}

	@Test
	void concurrentChecksShareOneProbe() throws Exception {
		this.emulator.enqueue(GroqEmulator.MODELS,
				EmulatedResponse.raw(200, "application/json", "{\"object\":\"list\",\"data\":[]}")
					.delayedBy(Duration.ofMillis(300)));
		GroqHealthIndicator indicator = indicator(probe(KEY, null, null), Duration.ofSeconds(30));
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Health>> checks = List.of(indicator::health, indicator::health, indicator::health,
					indicator::health);
			List<Health> results = new ArrayList<>();
			for (Future<Health> result : executor.invokeAll(checks)) {
				results.add(result.get());
			}
			assertThat(results).allSatisfy((health) -> assertThat(health).isSameAs(results.get(0)));
			assertThat(results.get(0).getDetails()).containsEntry("models", 0);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(probes()).isEqualTo(1);
	}

	@Test
	void toStringNamesHostAndTimesButNotTheKey() {
		assertThat(indicator(probe(KEY, MODEL, null), Duration.ofSeconds(30)))
			.hasToString("GroqHealthIndicator[host=127.0.0.1:" + this.emulator.port()
					+ ", timeout=PT2S, timeToLive=PT30S]");
	}

	private long probes() {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.path().equals(GroqEmulator.MODELS))
			.count();
	}

	private GroqTemplate probe(String key, String defaultModel, ServiceTier tier) {
		return GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.apiKey(key)
			.defaultModel(defaultModel)
			.defaultServiceTier(tier)
			.readTimeout(Duration.ofSeconds(2))
			.build();
	}

	private GroqHealthIndicator indicator(GroqTemplate probe, Duration timeToLive) {
		return indicator(probe, Duration.ofSeconds(2), timeToLive);
	}

	private GroqHealthIndicator indicator(GroqTemplate probe, Duration timeout, Duration timeToLive) {
		GroqHealthIndicator indicator = new GroqHealthIndicator(probe, timeout, timeToLive, this.clock);
		this.indicators.add(indicator);
		return indicator;
	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
