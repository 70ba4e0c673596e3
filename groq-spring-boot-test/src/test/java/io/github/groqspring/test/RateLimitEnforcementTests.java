package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's rate limits, held to Groq's documented behaviour (console.groq.com/docs/rate-limits:
 * RPM, RPD and TPM per organisation, model and tier; the x-ratelimit-* headers, requests per
 * day and tokens per minute; 429 with retry-after; cached tokens not counted) and to the
 * 429 and 413 bodies captured in public issues.
 */
class RateLimitEnforcementTests {

	static final GroqEmulator emulator = GroqEmulator.start();

	private final HttpClient http = HttpClient.newHttpClient();

	/** "Hello there" costs 6 prompt tokens (4 per message, 2 words) and 5 completion tokens ("Emulated reply to: Hello there"). */
	private static final String HELLO = """
			{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hello there"}]}""";

	@AfterEach
	void reset() {
		emulator.reset();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void everyAnswerTellsTheBudgetLeftAndTheTimeToAFullBucket() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(30, 14_400, 6_000).build());
		HttpResponse<String> first = post(HELLO, "gsk_a");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(header(first, "x-ratelimit-limit-tokens")).isEqualTo("6000");
		assertThat(header(first, "x-ratelimit-remaining-tokens")).isEqualTo("5989");
		// 11 tokens at 100 a second: full again in 110 ms.
		assertThat(header(first, "x-ratelimit-reset-tokens")).isEqualTo("110ms");
		assertThat(header(first, "x-ratelimit-limit-requests")).isEqualTo("14400");
		assertThat(header(first, "x-ratelimit-remaining-requests")).isEqualTo("14399");
		// One request at 14,400 a day: full again in 6 s.
		assertThat(header(first, "x-ratelimit-reset-requests")).isEqualTo("6s");
		JsonNode usage = WireFormat.JSON.readTree(first.body()).get("usage");
		assertThat(usage.get("prompt_tokens").asLong() + usage.get("completion_tokens").asLong()).isEqualTo(11);
		assertThat(emulator.rateLimitCounts()).isEqualTo(new RateLimitCounts(1, 11, 0, 0, 0));
	}

	@Test
	void aCallTheTokenBudgetCannotAffordGetsGroqs429WithRetryAfter() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(0, 0, 15).build());
		assertThat(post(HELLO, "gsk_a").statusCode()).isEqualTo(200);
		HttpResponse<String> limited = post(HELLO, "gsk_a");
		assertThat(limited.statusCode()).isEqualTo(429);
		// 4 left, 11 requested, 15 a minute: 7 short, 28 s; Groq sends whole seconds.
		assertThat(header(limited, "retry-after")).isEqualTo("28");
		assertThat(header(limited, "x-ratelimit-remaining-tokens")).isEqualTo("4");
		JsonNode error = WireFormat.JSON.readTree(limited.body()).get("error");
		assertThat(error.get("type").asString()).isEqualTo("tokens");
		assertThat(error.get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(error.get("message").asString()).matches("Rate limit reached for model `llama-3.3-70b-versatile` "
				+ "in organization `org_emulated` service tier `on_demand` on tokens per minute \\(TPM\\): Limit 15, Used 11, "
				+ "Requested 11\\. Please try again in 2[78]\\.\\d+s\\. Visit https://console\\.groq\\.com/docs/rate-limits for "
				+ "more information\\.");
		assertThat(emulator.rateLimitCounts().rejectedForTokens()).isOne();
	}

	@Test
	void requestsPerMinuteAreEnforcedThoughTheHeadersTellRequestsPerDay() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(2, 14_400, 0).build());
		post(HELLO, "gsk_a");
		post(HELLO, "gsk_a");
		HttpResponse<String> limited = post(HELLO, "gsk_a");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(WireFormat.JSON.readTree(limited.body()).at("/error/type").asString()).isEqualTo("requests");
		assertThat(WireFormat.JSON.readTree(limited.body()).at("/error/message").asString())
			.containsPattern("on requests per minute \\(RPM\\): Limit 2, Used 2, Requested 1\\. Please try again in "
					+ "(30s|29\\.\\d+s)\\.");
		assertThat(header(limited, "retry-after")).isEqualTo("30");
		assertThat(header(limited, "x-ratelimit-remaining-requests")).isEqualTo("14398");
		assertThat(limited.headers().firstValue("x-ratelimit-limit-tokens")).isEmpty();
	}

	@Test
	void rejectedRequestsCountAgainstTheRequestLimitsOnlyWhenThePolicySaysSo() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(0, 100, 15).build());
		post(HELLO, "gsk_a");
		post(HELLO, "gsk_a");
		assertThat(header(post(HELLO, "gsk_a"), "x-ratelimit-remaining-requests")).isEqualTo("99");
		emulator.reset();
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(0, 100, 15).countRejectedRequests(true).build());
		post(HELLO, "gsk_a");
		post(HELLO, "gsk_a");
		assertThat(header(post(HELLO, "gsk_a"), "x-ratelimit-remaining-requests")).isEqualTo("97");
	}

	@Test
	void aRequestLargerThanTheWholeTokenLimitGetsGroqs413() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(0, 0, 8).build());
		HttpResponse<String> tooLarge = post(HELLO, "gsk_a");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(WireFormat.JSON.readTree(tooLarge.body()).at("/error/message").asString())
			.isEqualTo("Request too large for model `llama-3.3-70b-versatile` in organization `org_emulated` service "
					+ "tier `on_demand` on tokens per minute (TPM): Limit 8, Requested 11, please reduce your message "
					+ "size and try again. Visit https://console.groq.com/docs/rate-limits for more information.");
		assertThat(emulator.rateLimitCounts().tooLarge()).isOne();
	}

	@Test
	void budgetsArePerKeyModelAndTierAndFlexCanHaveItsOwn() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder()
			.limits(0, 0, 15)
			.model("llama-3.3-70b-versatile", "flex", 0, 0, 150)
			.build());
		assertThat(post(HELLO, "gsk_a").statusCode()).isEqualTo(200);
		assertThat(post(HELLO, "gsk_a").statusCode()).isEqualTo(429);
		assertThat(post(HELLO, "gsk_b").statusCode()).isEqualTo(200);
		String flex = HELLO.replace("\"messages\"", "\"service_tier\":\"flex\",\"messages\"");
		HttpResponse<String> onFlex = post(flex, "gsk_a");
		assertThat(onFlex.statusCode()).isEqualTo(200);
		assertThat(header(onFlex, "x-ratelimit-limit-tokens")).isEqualTo("150");
	}

	@Test
	void cachedPromptTokensDoNotCount() throws Exception {
		emulator.enforceRateLimits(RateLimitPolicy.builder().limits(0, 0, 6_000).build());
		emulator.enqueue(EmulatedResponse.reply("Cached answer.").withCachedTokens(4));
		HttpResponse<String> response = post(HELLO, "gsk_a");
		// 6 prompt tokens, 4 of them cached, 2 completion tokens: 4 counted.
		assertThat(header(response, "x-ratelimit-remaining-tokens")).isEqualTo("5996");
	}

	@Test
	void aScaledClockRefillsAMinutesBudgetInAFractionOfAMinute() throws Exception {
		RateLimitPolicy policy = RateLimitPolicy.builder().limits(0, 0, 15).timeScale(100).build();
		assertThat(policy.minute()).isEqualTo(Duration.ofMillis(600));
		assertThat(policy.day()).isEqualTo(Duration.ofSeconds(864));
		emulator.enforceRateLimits(policy);
		HttpResponse<String> limited = post(HELLO, "gsk_a");
		for (int i = 0; i < 10 && limited.statusCode() == 200; i++) {
			limited = post(HELLO, "gsk_a");
		}
		assertThat(limited.statusCode()).isEqualTo(429);
		// At most 11 short at 15 per 600 ms: at most 440 ms, in real seconds to the millisecond.
		double retryAfter = Double.parseDouble(header(limited, "retry-after"));
		assertThat(retryAfter).isPositive().isLessThanOrEqualTo(0.44);
		assertThat(header(limited, "retry-after")).matches("\\d\\.\\d{3}");
		Thread.sleep(Math.round(retryAfter * 1000) + 50);
		assertThat(post(HELLO, "gsk_a").statusCode()).isEqualTo(200);
	}

	@Test
	void withoutAPolicyNothingIsEnforcedAndTheHeadersAreGroqsExample() throws Exception {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = post(HELLO, "gsk_a");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(header(response, "x-ratelimit-remaining-tokens")).isEqualTo("5997");
		}
		assertThat(emulator.rateLimitCounts()).isEqualTo(new RateLimitCounts(0, 0, 0, 0, 0));
	}

	@Test
	void durationsAreWrittenAsGoWritesThem() {
		assertThat(RateLimitEnforcer.goDuration(0)).isEqualTo("0s");
		assertThat(RateLimitEnforcer.goDuration(450_000_000)).isEqualTo("450ms");
		assertThat(RateLimitEnforcer.goDuration(7_660_000_000L)).isEqualTo("7.66s");
		assertThat(RateLimitEnforcer.goDuration(179_560_000_000L)).isEqualTo("2m59.56s");
		assertThat(RateLimitEnforcer.goDuration(3_723_000_000_000L)).isEqualTo("1h2m3s");
		assertThat(RateLimitEnforcer.goDuration(60_000_000_000L)).isEqualTo("1m0s");
	}

	private HttpResponse<String> post(String body, String apiKey) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("content-type", "application/json")
			.header("authorization", "Bearer " + apiKey)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
	}

}
