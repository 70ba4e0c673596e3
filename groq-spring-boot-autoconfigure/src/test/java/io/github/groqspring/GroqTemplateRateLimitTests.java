package io.github.groqspring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.BudgetLimits;
import io.github.groqspring.ratelimit.BudgetReservation;
import io.github.groqspring.ratelimit.BudgetSnapshot;
import io.github.groqspring.ratelimit.LocalBudgetStore;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitSettings;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RateLimitCounts;
import io.github.groqspring.test.RateLimitPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pacing through the public API against the emulator enforcing Groq-style limits, on a clock
 * 60 times faster than Groq's (a minute's budget refills in one second).
 */
@ExtendWith(OutputCaptureExtension.class)
class GroqTemplateRateLimitTests {

	/** 600 tokens a minute, no request limit. */
	private static final RateLimitPolicy POLICY = RateLimitPolicy.builder().limits(0, 0, 600).timeScale(60).build();

	/** 3,000 tokens a minute (3,000 a real second): a call is 3 % of the bucket, as in real use. */
	private static final RateLimitPolicy LARGER = RateLimitPolicy.builder().limits(0, 0, 3_000).timeScale(60).build();

	/** 40 words: 44 prompt tokens, and the emulator's "Emulated reply to: ..." of 43. */
	private static final String PROMPT = "word ".repeat(40).trim();

	private static final long COST = 44 + 43;

	private final GroqEmulator emulator = GroqEmulator.start().enforceRateLimits(POLICY);

	/** A model of its own: what the estimator learns is per model and JVM-wide. */
	private final String model = "paced-" + UUID.randomUUID();

	private final List<GroqTemplate> templates = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (GroqTemplate template : this.templates) {
			template.close();
		}
		this.emulator.close();
	}

	@Test
	void aBurstOfTwoMinutesOfBudgetIsPacedIntoItInsteadOfBeingSentIntoA429() throws Exception {
		this.emulator.enforceRateLimits(LARGER);
		GroqTemplate groq = template(paced(new LocalBudgetStore()));
		// Until a first answer tells the limits, calls go out unpaced: one first, as an application's first call.
		groq.chat(request());
		long start = System.nanoTime();
		List<ChatResponse> answers = burst(groq, 80);
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(answers).hasSize(80);
		RateLimitCounts counts = this.emulator.rateLimitCounts();
		assertThat(counts.admittedRequests()).isEqualTo(81);
		assertThat(counts.admittedTokens()).isEqualTo(81 * COST);
		// Four threads are not served in the order they reserved: a call may overtake another by a few
		// milliseconds and find the refill not there yet (without pacing: more than 5, see below).
		assertThat(counts.rejected()).as("429s").isLessThanOrEqualTo(2);
		// 7,047 tokens: 3,000 at once, then 3,000 a second.
		assertThat(elapsedMillis).isGreaterThanOrEqualTo((81 * COST - 3_000) * 1000 / 3_000 - 200);
	}

	@Test
	void withoutPacingTheSameBurstMeets429s() throws Exception {
		this.emulator.enforceRateLimits(LARGER);
		GroqTemplate groq = template(RateLimitSettings.OFF);
		try {
			burst(groq, 80);
		}
		catch (ExecutionException ex) {
			// Some calls ran out of retries: all the more 429s.
			assertThat(ex).hasCauseInstanceOf(GroqRateLimitException.class);
		}
		assertThat(this.emulator.rateLimitCounts().rejected()).isGreaterThan(5);
	}

	@Test
	void templatesWithOneKeyShareTheJvmsBudget() throws Exception {
		LocalBudgetStore shared = new LocalBudgetStore();
		GroqTemplate first = template(paced(shared));
		GroqTemplate second = template(paced(shared));
		first.chat(request());
		BudgetKey key = new BudgetKey(BudgetKey.hash(this.emulator.baseUrl(), "gsk_paced"), this.model,
				BudgetKey.NO_TIER);
		// Groq's header: 600 - 87 = 513 left.
		assertThat(shared.snapshot(key).remainingTokens()).isBetween(513L, 600L);
		assertThat(shared.snapshot(key).limits().tokenLimit()).isEqualTo(600);
		second.chat(request());
		assertThat(shared.snapshot(key).remainingTokens()).isBetween(426L, 600L);
	}

	@Test
	void aStreamIsPacedAndReconciledWithItsUsage() throws Exception {
		LocalBudgetStore store = new LocalBudgetStore();
		GroqTemplate groq = template(paced(store));
		groq.chat(request());
		try (ChatStream stream = groq.stream(request())) {
			assertThat(stream.toResponse().usage().totalTokens()).isEqualTo(COST);
		}
		BudgetSnapshot snapshot = store.snapshot(
				new BudgetKey(BudgetKey.hash(this.emulator.baseUrl(), "gsk_paced"), this.model, BudgetKey.NO_TIER));
		assertThat(snapshot.remainingTokens()).isBetween(600L - 2 * COST, 600L);
		assertThat(this.emulator.rateLimitCounts().admittedRequests()).isEqualTo(2);
	}

	@Test
	void cachedPromptTokensAreGivenBackToTheBudget() throws Exception {
		LocalBudgetStore store = new LocalBudgetStore();
		GroqTemplate groq = template(paced(store));
		this.emulator.enqueue(EmulatedResponse.reply("cached").withCachedTokens(40));
		ChatResponse response = groq.chat(request());
		assertThat(response.usage().cachedTokens()).isEqualTo(40);
		// Groq counted 44 - 40 + 1 = 5 tokens: the header says 595 are left, and so does the budget.
		BudgetSnapshot snapshot = store.snapshot(
				new BudgetKey(BudgetKey.hash(this.emulator.baseUrl(), "gsk_paced"), this.model, BudgetKey.NO_TIER));
		assertThat(snapshot.remainingTokens()).isBetween(595L, 600L);
	}

	@Test
	void aCallThatCannotBeServedBeforeItsDeadlineIsNotSent() {
		// A slow clock this time: 540 tokens a minute lasting 10 minutes refill 0.9 a second.
		RateLimitPolicy slow = RateLimitPolicy.builder().limits(0, 0, 540).timeScale(0.1).build();
		this.emulator.enforceRateLimits(slow);
		GroqTemplate groq = template(
				RateLimitSettings.DEFAULTS.withStore(new LocalBudgetStore()).withWindows(slow.minute(), slow.day()));
		for (int i = 0; i < 6; i++) {
			groq.chat(request());
		}
		// 540 - 6 * 87 = 18 left: the next call's 87 tokens are more than a minute of refill away.
		RateLimitExhaustedException refused = catchThrowableOfType(RateLimitExhaustedException.class,
				() -> groq.chat(request(), RequestOptions.builder().callTimeout(Duration.ofMillis(5)).build()));
		assertThat(refused).hasMessageStartingWith("Not sent: Groq's rate limit for model " + this.model
				+ " on tier none would allow this call (about ");
		assertThat(refused.getResetIn()).isGreaterThan(Duration.ofSeconds(30)).isLessThan(Duration.ofSeconds(120));
		assertThat(this.emulator.requests()).hasSize(6);
		assertThat(this.emulator.rateLimitCounts().rejected()).isZero();
	}

	@Test
	void aStoreThatFailsNeverFailsACallAndIsLoggedOnce(CapturedOutput output) {
		GroqTemplate groq = template(paced(new FailingStore()));
		for (int i = 0; i < 3; i++) {
			assertThat(groq.chat(request()).content()).startsWith("Emulated reply to: word");
		}
		assertThat(output.getAll().split("failed \\(java.lang.IllegalStateException: store down\\)", -1)).hasSize(2);
		assertThat(output.getAll()).contains("The rate-limit budget store "
				+ FailingStore.class.getName() + " failed (java.lang.IllegalStateException: store down); Groq calls go "
				+ "on without its pacing while it fails");
	}

	private List<ChatResponse> burst(GroqTemplate groq, int calls) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<ChatResponse>> futures = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				futures.add(executor.submit(() -> groq.chat(request())));
			}
			List<ChatResponse> answers = new ArrayList<>();
			for (Future<ChatResponse> future : futures) {
				answers.add(future.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private ChatRequest request() {
		return ChatRequest.builder(this.model).user(PROMPT).build();
	}

	/** Both policies' minutes last a real second. */
	private RateLimitSettings paced(RateLimitBudgetStore store) {
		return RateLimitSettings.DEFAULTS.withStore(store).withWindows(POLICY.minute(), POLICY.day());
	}

	private GroqTemplate template(RateLimitSettings pacing) {
		this.emulator.addModel(this.model);
		GroqTemplate template = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.apiKey("gsk_paced")
			.callTimeout(Duration.ofSeconds(20))
			.rateLimiting(pacing)
			.build();
		this.templates.add(template);
		return template;
	}

	/** A store whose backend is down. */
	private static final class FailingStore implements RateLimitBudgetStore {

		@Override
		public BudgetReservation reserve(BudgetKey key, BudgetLimits limits, long tokens, long requests,
				long maxWaitNanos) {
			throw new IllegalStateException("store down");
		}

		@Override
		public void settle(BudgetReservation reservation, long usedTokens, long usedRequests) {
			throw new IllegalStateException("store down");
		}

		@Override
		public void observe(BudgetKey key, BudgetLimits limits, long remainingTokens, long remainingRequests,
				@Nullable BudgetReservation sentWith) {
			throw new IllegalStateException("store down");
		}

		@Override
		public @Nullable BudgetSnapshot snapshot(BudgetKey key) {
			throw new IllegalStateException("store down");
		}

	}

}
