package io.github.groqspring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.GroqStructuredOutputException;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqRequestTooLargeException;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.LocalBudgetStore;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitListener;
import io.github.groqspring.ratelimit.RateLimitSettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every failure Groq or the network can produce, injected by the emulator: each ends in
 * success after retries or in the right typed exception, within its deadline, with the
 * exact number of attempts.
 */
@ExtendWith(GroqEmulatorExtension.class)
class FaultInjectionTests {

	static GroqEmulator emulator;

	static final RetrySettings FAST_RETRIES = new RetrySettings(2, Duration.ofMillis(20), Duration.ofMillis(100),
			Duration.ofSeconds(5));

	private final GroqTemplate groq = template().build();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	@Test
	void rateLimitWaitsForRetryAfterThenSucceeds() {
		emulator.enqueue(EmulatedResponse.rateLimited(1));
		long start = System.nanoTime();
		ChatResponse response = send(ServiceTier.ON_DEMAND);
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(emulator.requests()).hasSize(2);
		assertThat(elapsedMillis).isBetween(1000L, 2500L);
	}

	@Test
	void flexCapacityIsRetriedThenSucceedsOnFlex() {
		emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		ChatResponse response = send(ServiceTier.FLEX);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(response.servedTier()).contains(ServiceTier.FLEX);
		assertThat(response.metadata().fellBack()).isFalse();
		assertThat(tiersSent()).containsExactly("flex", "flex");
	}

	@Test
	void flexCapacityUntilRetriesAreSpentFallsBackToTheConfiguredTier() throws Exception {
		flexFullThreeTimes();
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			ChatResponse response = withFallback.chat(request(ServiceTier.FLEX));
			assertThat(response.metadata().fellBack()).isTrue();
			assertThat(response.metadata().fallbackFrom()).isEqualTo(ServiceTier.FLEX);
			assertThat(response.metadata().requestedTier()).isEqualTo(ServiceTier.ON_DEMAND);
			assertThat(response.servedTier()).contains(ServiceTier.ON_DEMAND);
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aFlexFallbackCountsEveryRequestTheCallSent() throws Exception {
		flexFullThreeTimes();
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			ChatResponse response = withFallback.chat(request(ServiceTier.FLEX));
			assertThat(response.metadata().attempts()).isEqualTo(4);
			assertThat(response.metadata().fallbackFrom()).isEqualTo(ServiceTier.FLEX);
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aFailingFallbackCountsEveryRequestTheCallSent() throws Exception {
		flexFullThreeTimes();
		for (int i = 0; i < 3; i++) {
			emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down " + i));
		}
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			GroqServerException ex = catchThrowableOfType(GroqServerException.class,
					() -> withFallback.chat(request(ServiceTier.FLEX)));
			assertThat(ex.getAttempts()).isEqualTo(6);
			assertThat(ex.getStatusCode()).isEqualTo(503);
			assertThat(ex.getErrorMessage()).isEqualTo("down 2");
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex", "on_demand", "on_demand", "on_demand");
		}
	}

	@Test
	void aFallbackFailingWithANonRetryableErrorCountsEveryRequestTheCallSent() throws Exception {
		flexFullThreeTimes();
		emulator.enqueue(EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key", "Invalid API Key"));
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class,
					() -> withFallback.chat(request(ServiceTier.FLEX)));
			assertThat(ex.getAttempts()).isEqualTo(4);
			assertThat(ex.getStatusCode()).isEqualTo(401);
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void theFallbackIsRetriedOnItsOwnTransientFailures() throws Exception {
		flexFullThreeTimes();
		emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down"))
			.enqueue(EmulatedResponse.error(429, "requests", "rate_limit_exceeded", "slow down"));
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			ChatResponse response = withFallback.chat(request(ServiceTier.FLEX));
			assertThat(response.metadata().attempts()).isEqualTo(6);
			assertThat(response.metadata().fellBack()).isTrue();
			assertThat(response.servedTier()).contains(ServiceTier.ON_DEMAND);
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex", "on_demand", "on_demand", "on_demand");
		}
	}

	@Test
	void theFallbackSharesTheCallsDeadline() throws Exception {
		// Flex takes 800 ms of the 1.5 s budget; the fallback's 429 then asks for 1 s, which
		// is more than the call has left: it fails at once instead of waiting or retrying.
		emulator.enqueue(EmulatedResponse.flexCapacityExceeded().delayedBy(Duration.ofMillis(800)))
			.enqueue(EmulatedResponse.flexCapacityExceeded())
			.enqueue(EmulatedResponse.rateLimited(1));
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			GroqRateLimitException ex = catchThrowableOfType(GroqRateLimitException.class,
					() -> withFallback.chat(request(ServiceTier.FLEX),
							RequestOptions.builder().maxRetries(1).callTimeout(Duration.ofMillis(1500)).build()));
			assertThat(ex.getAttempts()).isEqualTo(3);
			assertThat(tiersSent()).containsExactly("flex", "flex", "on_demand");
		}
	}

	@Test
	void flexCapacityWithoutFallbackReachesTheCallerTyped() {
		flexFullThreeTimes();
		FlexCapacityExceededException ex = catchThrowableOfType(FlexCapacityExceededException.class,
				() -> send(ServiceTier.FLEX));
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.getStatusCode()).isEqualTo(498);
		assertThat(tiersSent()).containsExactly("flex", "flex", "flex");
	}

	@Test
	void fallbackIsOnlyForFlexAndCanBeSwitchedOffPerCall() throws Exception {
		flexFullThreeTimes();
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			FlexCapacityExceededException ex = catchThrowableOfType(FlexCapacityExceededException.class,
					() -> withFallback.chat(request(ServiceTier.FLEX), RequestOptions.builder().noFlexFallback().build()));
			assertThat(ex.getAttempts()).isEqualTo(3);
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex");
		}
	}

	@Test
	void serverErrorsAreRetriedThenSucceed() {
		emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "boom"))
			.enqueue(EmulatedResponse.error(502, "bad_gateway", null, "boom"));
		assertThat(send(null).metadata().attempts()).isEqualTo(3);
		assertThat(emulator.requests()).hasSize(3);
	}

	@Test
	void serverErrorsUntilRetriesAreSpentGiveTheLastTypedException() {
		for (int i = 0; i < 3; i++) {
			emulator.enqueue(EmulatedResponse.error(503, "service_unavailable", null, "down " + i));
		}
		GroqServerException ex = catchThrowableOfType(GroqServerException.class, () -> send(null));
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.getErrorMessage()).isEqualTo("down 2");
		assertThat(emulator.requests()).hasSize(3);
	}

	@Test
	void connectionResetMidResponseIsRetried() {
		emulator.enqueue(EmulatedResponse.resetMidBody());
		ChatResponse response = send(null);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(response.content()).isEqualTo("Emulated reply to: Hi");
	}

	@Test
	void aServerThatNeverAnswersHitsTheReadTimeoutOnEveryAttemptWithoutHanging() {
		for (int i = 0; i < 3; i++) {
			emulator.enqueue(EmulatedResponse.noAnswer());
		}
		long start = System.nanoTime();
		GroqTimeoutException ex = catchThrowableOfType(GroqTimeoutException.class, this::sendImpatiently);
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex).hasMessageStartingWith("Groq did not answer POST /openai/v1/chat/completions in time");
		assertThat(elapsedMillis).isBetween(3 * 300L, 4000L);
	}

	@Test
	void aSlowDripCannotStretchAnAttemptBeyondItsReadTimeout() {
		for (int i = 0; i < 3; i++) {
			emulator.enqueue(EmulatedResponse.drip(Duration.ofMillis(100)));
		}
		long start = System.nanoTime();
		GroqTimeoutException ex = catchThrowableOfType(GroqTimeoutException.class, this::sendImpatiently);
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex).hasMessageStartingWith(
				"Groq's answer to POST /openai/v1/chat/completions did not complete in time (groq.read-timeout, groq.call-timeout): ");
		assertThat(elapsedMillis).isBetween(3 * 300L, 4000L);
	}

	@Test
	void theCallTimeoutBoundsAllAttemptsTogether() {
		for (int i = 0; i < 3; i++) {
			emulator.enqueue(EmulatedResponse.noAnswer());
		}
		long start = System.nanoTime();
		GroqTimeoutException ex = catchThrowableOfType(GroqTimeoutException.class,
				() -> this.groq.chat(request(null), RequestOptions.builder()
					.readTimeout(Duration.ofMillis(300))
					.callTimeout(Duration.ofMillis(450))
					.build()));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(ex.getAttempts()).isEqualTo(2);
		assertThat(elapsedMillis).isBetween(400L, 2000L);
	}

	@Test
	void malformedJsonIsNotRetried() {
		emulator.enqueue(EmulatedResponse.raw(200, "application/json", "{\"id\":\"chatcmpl-1\",\"choices\":[{"));
		GroqInvalidResponseException ex = catchThrowableOfType(GroqInvalidResponseException.class, () -> send(null));
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(emulator.requests()).hasSize(1);
	}

	@Test
	void htmlErrorPageAndEmptyBodyFromAProxyAreRetried() {
		emulator.enqueue(EmulatedResponse.raw(502, "text/html", "<html><title>502 Bad Gateway</title></html>"))
			.enqueue(EmulatedResponse.raw(503, "text/plain", ""));
		assertThat(send(null).metadata().attempts()).isEqualTo(3);
	}

	@Test
	void clientErrorsAreNeverRetried() {
		emulator.enqueue(EmulatedResponse.error(400, "invalid_request_error", null, "bad"));
		assertThat(catchThrowableOfType(GroqBadRequestException.class, () -> send(null)).getAttempts()).isEqualTo(1);
		emulator.enqueue(EmulatedResponse.error(413, "tokens", "rate_limit_exceeded", "Request too large"));
		assertThat(catchThrowableOfType(GroqRequestTooLargeException.class, () -> send(null)).getAttempts())
			.isEqualTo(1);
		assertThat(emulator.requests()).hasSize(2);
	}

	@Test
	void aTierTheOrgMayNotUseIsNeverRetried() {
		emulator.allowTiers("on_demand");
		ServiceTierNotAvailableException ex = catchThrowableOfType(ServiceTierNotAvailableException.class,
				() -> send(ServiceTier.PERFORMANCE));
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex.getServiceTier()).isEqualTo("performance");
		assertThat(emulator.requests()).hasSize(1);
	}

	@Test
	void xShouldRetryOverridesTheStatus() {
		emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "do not").withHeader("x-should-retry",
				"false"));
		assertThat(catchThrowableOfType(GroqServerException.class, () -> send(null)).getAttempts()).isEqualTo(1);
		emulator.enqueue(EmulatedResponse.error(400, "invalid_request_error", null, "try again")
			.withHeader("x-should-retry", "true"));
		assertThat(send(null).metadata().attempts()).isEqualTo(2);
		assertThat(emulator.requests()).hasSize(3);
	}

	@Test
	void aRetryAfterLongerThanTheCapFallsBackToTheBackoff() throws Exception {
		emulator.enqueue(EmulatedResponse.rateLimited(30));
		try (GroqTemplate capped = template().retry(new RetrySettings(2, Duration.ofMillis(20), Duration.ofMillis(100),
				Duration.ofSeconds(10))).build()) {
			long start = System.nanoTime();
			assertThat(capped.chat(request(null)).metadata().attempts()).isEqualTo(2);
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000L);
		}
	}

	@Test
	void aRetryAfterBeyondTheDeadlineFailsAtOnceInsteadOfWaitingInVain() {
		emulator.enqueue(EmulatedResponse.rateLimited(2));
		long start = System.nanoTime();
		GroqRateLimitException ex = catchThrowableOfType(GroqRateLimitException.class,
				() -> this.groq.chat(request(null), RequestOptions.builder().callTimeout(Duration.ofSeconds(1)).build()));
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500L);
	}

	@Test
	void retriesCanBeSwitchedOffPerCall() {
		emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		GroqServerException ex = catchThrowableOfType(GroqServerException.class,
				() -> this.groq.chat(request(null), RequestOptions.builder().maxRetries(0).build()));
		assertThat(ex.getAttempts()).isEqualTo(1);
	}

	@Test
	void aResetIsTheTimeToAFullBucketSoACallWaitsOnlyForItsShareOfTheRefill() throws Exception {
		List<Long> waits = new CopyOnWriteArrayList<>();
		try (GroqTemplate paced = template().rateLimiting(isolatedPacing().withListener(recordWaits(waits))).build()) {
			// Nothing left, full again in 60 s: 100 tokens a second refill, so a call of a few tokens
			// waits tens of milliseconds, not the minute the old gate held it for.
			emulator.enqueue(EmulatedResponse.reply("last one")
				.withHeader("x-ratelimit-limit-tokens", "6000")
				.withHeader("x-ratelimit-remaining-tokens", "0")
				.withHeader("x-ratelimit-reset-tokens", "60s"));
			paced.chat(request(null));
			long start = System.nanoTime();
			paced.chat(request(null));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(emulator.requests()).hasSize(2);
			assertThat(waits).hasSize(2);
			assertThat(waits.get(0)).isZero();
			assertThat(waits.get(1)).isPositive().isLessThan(Duration.ofMillis(500).toNanos());
			assertThat(elapsedMillis).isGreaterThanOrEqualTo(waits.get(1) / 1_000_000).isLessThan(1500L);
		}
	}

	@Test
	void aCallWhoseRefillWouldComeAfterItsDeadlineFailsAtOnceUnsent() throws Exception {
		try (GroqTemplate paced = template().rateLimiting(isolatedPacing()).build()) {
			// Full again in 2 minutes: 50 tokens a second; the call needs at least 6 tokens, 120 ms.
			emulator.enqueue(EmulatedResponse.reply("last one")
				.withHeader("x-ratelimit-limit-tokens", "6000")
				.withHeader("x-ratelimit-remaining-tokens", "0")
				.withHeader("x-ratelimit-reset-tokens", "2m0s"));
			paced.chat(request(null));
			long start = System.nanoTime();
			RateLimitExhaustedException ex = catchThrowableOfType(RateLimitExhaustedException.class,
					() -> paced.chat(request(null), RequestOptions.builder().callTimeout(Duration.ofMillis(100)).build()));
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(100L);
			assertThat(ex).hasMessageStartingWith(
					"Not sent: Groq's rate limit for model llama-3.3-70b-versatile on tier none would allow this call (about ")
				.hasMessageContaining(" ms left of PT0.1S, groq.call-timeout");
			assertThat(ex.getResetIn()).isGreaterThan(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(5));
			assertThat(ex.getAttempts()).as("nothing was sent").isZero();
			assertThat(emulator.requests()).hasSize(1);
		}
	}

	private static RateLimitSettings isolatedPacing() {
		return RateLimitSettings.DEFAULTS.withStore(new LocalBudgetStore());
	}

	private static RateLimitListener recordWaits(List<Long> waits) {
		return new RateLimitListener() {

			@Override
			public void paced(BudgetKey key, long waitedNanos, RateLimitBudgetStore store) {
				waits.add(waitedNanos);
			}

		};
	}

	record Capital(String city) {
	}

	@Test
	void aStructuredAnswerThatDoesNotMatchAfterAFallbackCountsEveryRequest() throws Exception {
		flexFullThreeTimes();
		emulator.enqueue(EmulatedResponse.reply("Paris, of course"));
		try (GroqTemplate withFallback = template().flexFallbackTier(ServiceTier.ON_DEMAND).build()) {
			GroqStructuredOutputException ex = catchThrowableOfType(GroqStructuredOutputException.class,
					() -> withFallback.chat(ChatRequest.builder("openai/gpt-oss-120b")
						.user("Capital of France?")
						.serviceTier(ServiceTier.FLEX), Capital.class));
			assertThat(ex.getAttempts()).isEqualTo(4);
			assertThat(ex.getContent()).isEqualTo("Paris, of course");
			assertThat(tiersSent()).containsExactly("flex", "flex", "flex", "on_demand");
		}
	}

	@Test
	void aStructuredAnswerWithoutContentAfterARetryCountsBothRequests() throws Exception {
		emulator.enqueue(EmulatedResponse.error(503, "internal_server_error", null, "Service Unavailable"));
		emulator.enqueue(EmulatedResponse.toolCall("call_1", "lookup", "{}"));
		try (GroqTemplate groq = template().build()) {
			GroqStructuredOutputException ex = catchThrowableOfType(GroqStructuredOutputException.class,
					() -> groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("Capital of France?"),
							Capital.class));
			assertThat(ex).hasMessage("The model answered without content (finish_reason 'tool_calls'): expected JSON for "
					+ Capital.class.getName());
			assertThat(ex.getAttempts()).isEqualTo(2);
			assertThat(emulator.requests()).hasSize(2);
		}
	}

	private static GroqTemplateBuilder template() {
		return GroqTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.retry(FAST_RETRIES)
			.rateLimiting(isolatedPacing())
			.readTimeout(Duration.ofSeconds(2))
			.callTimeout(Duration.ofSeconds(10));
	}

	private static void flexFullThreeTimes() {
		for (int i = 0; i < 3; i++) {
			emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		}
	}

	/** One attempt may take 300 ms: the per-call override of groq.read-timeout. */
	private void sendImpatiently() {
		this.groq.chat(request(null), RequestOptions.builder().readTimeout(Duration.ofMillis(300)).build());
	}

	private ChatResponse send(ServiceTier tier) {
		return this.groq.chat(request(tier));
	}

	private static ChatRequest request(ServiceTier tier) {
		return ChatRequest.builder("llama-3.3-70b-versatile").user("Hi").serviceTier(tier).build();
	}

	private static List<String> tiersSent() {
		return emulator.requests().stream().map(RecordedRequest::serviceTier).toList();
	}


}
