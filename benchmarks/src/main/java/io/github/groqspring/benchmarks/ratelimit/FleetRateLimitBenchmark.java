package io.github.groqspring.benchmarks.ratelimit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.LocalBudgetStore;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitListener;
import io.github.groqspring.ratelimit.RateLimitSettings;
import io.github.groqspring.ratelimit.redis.RedisBudgetStore;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RateLimitCounts;
import io.github.groqspring.test.RateLimitPolicy;
import io.github.groqspring.test.RecordedRequest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Instances of one application against the limit-enforcing emulator at 1.5x its token limit
 * (TPM) of offered load, on a clock scaled 20x (a minute lasts 3 s): for 1, 4 and 16
 * instances, with pacing off (defaults: two retries that obey {@code retry-after}), paced in
 * the JVM (each instance its own store, as separate JVMs would have), paced on Redis (each
 * instance its own store and connection, one Redis), and behind a hand-written token bucket
 * shared by all instances that knows the limits and each call's exact cost; with rejected
 * requests counted against the request limit and not. Writes a Markdown table.
 *
 * <pre>
 * java -cp ... io.github.groqspring.benchmarks.ratelimit.FleetRateLimitBenchmark benchmarks/results/rate-limits.md [--quick]
 * </pre>
 */
public final class FleetRateLimitBenchmark {

	static final long TPM = 60_000;

	static final long RPM = 400;

	static final long RPD = 1_000_000;

	static final double SCALE = 20;

	static final double LOAD = 1.5;

	/** The calls' deadline (groq.call-timeout), on Groq's clock. */
	static final Duration DEADLINE = Duration.ofSeconds(30);

	private static final String API_KEY = "gsk_fleet_benchmark_not_a_real_key";

	enum Mode {

		OFF("pacing off"), MEMORY("paced in each JVM"), REDIS("paced on Redis"), HAND_WRITTEN("hand-written shared bucket");

		final String label;

		Mode(String label) {
			this.label = label;
		}

	}

	private FleetRateLimitBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path output = Path.of((args.length > 0) ? args[0] : "benchmarks/results/rate-limits.md");
		boolean quick = List.of(args).contains("--quick");
		// At 1.5x the limit a full bucket (one minute's tokens) drains at half a minute's tokens a
		// minute: measure from minute 3, once every client has drained it.
		int warmupMinutes = 3;
		int measuredMinutes = quick ? 1 : 2;
		int[] fleets = { 1, 4, 16 };
		List<Result> results = new ArrayList<>();
		try (RedisProcess redis = RedisProcess.start(); GroqEmulator emulator = GroqEmulator.start()) {
			RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + redis.port()));
			try (StatefulRedisConnection<String, String> admin = client.connect()) {
				int run = 0;
				// JIT warm-up, not reported: every client's path once.
				for (Mode mode : Mode.values()) {
					admin.sync().flushall();
					run(emulator, client, mode, 4, false, "warm-up-" + run++, 1, 0);
				}
				for (boolean countRejected : new boolean[] { false, true }) {
					for (int instances : fleets) {
						for (Mode mode : Mode.values()) {
							admin.sync().flushall();
							Result result = run(emulator, client, mode, instances, countRejected, "bench-" + run++,
									warmupMinutes, measuredMinutes);
							System.out.println(result.line());
							results.add(result);
						}
					}
				}
			}
			finally {
				client.shutdown();
			}
		}
		Files.writeString(output, Report.markdown(results, measuredMinutes, warmupMinutes));
		System.out.println("wrote " + output);
	}

	static Result run(GroqEmulator emulator, RedisClient redis, Mode mode, int instances, boolean countRejected,
			String model, int warmupMinutes, int measuredMinutes) throws Exception {
		RateLimitPolicy policy = RateLimitPolicy.builder()
			.limits(RPM, RPD, TPM)
			.timeScale(SCALE)
			.countRejectedRequests(countRejected)
			.build();
		emulator.reset();
		emulator.addModel(model);
		emulator.replyWith(FleetRateLimitBenchmark::reply);
		emulator.enforceRateLimits(policy);
		long minuteNanos = policy.minute().toNanos();
		Duration deadline = Duration.ofNanos(Math.round(DEADLINE.toNanos() / SCALE));
		Waits waits = new Waits();
		List<GroqTemplate> templates = new ArrayList<>();
		List<RedisBudgetStore> stores = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			RateLimitSettings pacing = RateLimitSettings.OFF;
			if (mode == Mode.MEMORY || mode == Mode.REDIS) {
				RateLimitBudgetStore store = new LocalBudgetStore();
				if (mode == Mode.REDIS) {
					// Retried after 5 s of Groq's clock (the default 5 s real, scaled); Redis's timeout is real time.
					RedisBudgetStore shared = new RedisBudgetStore(() -> redis,
							new RedisBudgetStore.Settings("groq:rate-limit", RedisBudgetStore.Settings.DEFAULTS.timeout(),
									Duration.ofNanos(Math.round(5e9 / SCALE))));
					awaitShared(shared);
					stores.add(shared);
					store = shared;
				}
				pacing = RateLimitSettings.DEFAULTS.withStore(store)
					.withWindows(policy.minute(), policy.day())
					.withListener(waits);
			}
			templates.add(GroqTemplate.builder()
				.baseUrl(emulator.baseUrl())
				.apiKey(API_KEY)
				.callTimeout(deadline)
				.readTimeout(Duration.ofSeconds(10))
				.maxConnections(512)
				.rateLimiting(pacing)
				.build());
		}
		HandWrittenBucket bucket = new HandWrittenBucket(TPM, RPM, minuteNanos);
		Random random = new Random(42);
		int minutes = warmupMinutes + measuredMinutes;
		double callsPerMinute = LOAD * TPM / Requests.MEAN_COST;
		long interval = Math.round(minuteNanos / callsPerMinute);
		long calls = Math.round(callsPerMinute * minutes);
		Outcomes outcomes = new Outcomes();
		ExecutorService executor = Executors.newCachedThreadPool();
		long start = System.nanoTime();
		long measureFrom = start + warmupMinutes * minuteNanos;
		long measureTo = start + minutes * minuteNanos;
		RateLimitCounts atMeasureStart = null;
		for (long i = 0; i < calls; i++) {
			long at = start + i * interval;
			if (atMeasureStart == null && at >= measureFrom) {
				sleepUntil(measureFrom);
				atMeasureStart = emulator.rateLimitCounts();
			}
			sleepUntil(at);
			ChatRequest request = Requests.next(random, model);
			GroqTemplate template = templates.get((int) (i % instances));
			boolean measured = at >= measureFrom;
			executor.execute(() -> call(mode, template, bucket, request, at, deadline, measured, outcomes, waits));
		}
		sleepUntil(measureTo);
		RateLimitCounts atMeasureEnd = emulator.rateLimitCounts();
		if (atMeasureStart == null) {
			atMeasureStart = atMeasureEnd;
		}
		executor.shutdown();
		executor.awaitTermination(deadline.toMillis() * 4 + 10_000, TimeUnit.MILLISECONDS);
		for (GroqTemplate template : templates) {
			template.close();
		}
		long localFallbacks = stores.stream().mapToLong((store) -> store.state().outages()).sum();
		stores.forEach(RedisBudgetStore::close);
		return new Result(mode, instances, countRejected, measuredMinutes, atMeasureStart, atMeasureEnd, outcomes,
				waits.max.get(), waits.waited.get(), localFallbacks);
	}

	private static void call(Mode mode, GroqTemplate template, HandWrittenBucket bucket, ChatRequest request, long at,
			Duration deadline, boolean measured, Outcomes outcomes, Waits waits) {
		try {
			Duration timeout = deadline;
			if (mode == Mode.HAND_WRITTEN) {
				// The same rule as the starter's: wait at most the time left less the time kept for the answer.
				long left = deadline.toNanos() - (System.nanoTime() - at) - bucket.answerHeadroomNanos();
				long wait = bucket.reserve(Requests.exactCost(request), Math.max(0, left));
				if (wait < 0) {
					outcomes.record(measured, Outcome.REFUSED, 0);
					return;
				}
				waits.paced(null, wait, null);
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				timeout = Duration.ofNanos(Math.max(1_000_000, deadline.toNanos() - (System.nanoTime() - at)));
			}
			long sent = System.nanoTime();
			ChatResponse response = template.chat(request, RequestOptions.builder().callTimeout(timeout).build());
			bucket.answeredIn(System.nanoTime() - sent);
			outcomes.record(measured, Outcome.SUCCEEDED, System.nanoTime() - at);
			if (response.usage() == null) {
				throw new IllegalStateException("no usage");
			}
		}
		catch (RateLimitExhaustedException ex) {
			outcomes.record(measured, Outcome.REFUSED, 0);
		}
		catch (GroqRateLimitException ex) {
			outcomes.record(measured, Outcome.RATE_LIMITED, 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			outcomes.record(measured, Outcome.FAILED, 0);
			outcomes.failure(ex);
		}
	}

	/** The emulator's reply: 50 to 150 words, by the request's hash, so a client cannot know it in advance. */
	private static String reply(RecordedRequest request) {
		return Requests.reply(request.lastUserMessage());
	}

	private static void awaitShared(RedisBudgetStore store) throws InterruptedException {
		for (int i = 0; i < 500 && !store.state().shared(); i++) {
			store.snapshot(new BudgetKey("0", "none", "none"));
			Thread.sleep(10);
		}
		if (!store.state().shared()) {
			throw new IllegalStateException("Not connected to Redis: " + store.state());
		}
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	enum Outcome {

		SUCCEEDED, RATE_LIMITED, REFUSED, FAILED

	}

	/** What the calls of a run came to. */
	static final class Outcomes {

		final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

		final AtomicLong[] counts = { new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong() };

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		void record(boolean measured, Outcome outcome, long latencyNanos) {
			if (!measured) {
				return;
			}
			this.counts[outcome.ordinal()].incrementAndGet();
			if (outcome == Outcome.SUCCEEDED) {
				this.latencies.add(latencyNanos);
			}
		}

		void failure(RuntimeException ex) {
			if (this.failures.size() < 3) {
				this.failures.add(ex.toString());
			}
		}

		long count(Outcome outcome) {
			return this.counts[outcome.ordinal()].get();
		}

		/** A percentile of successful calls' latency, in nanoseconds. */
		long percentile(double p) {
			List<Long> sorted = new ArrayList<>(this.latencies);
			if (sorted.isEmpty()) {
				return 0;
			}
			sorted.sort(null);
			return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
		}

	}

	/** The longest pacing wait and how many calls waited. */
	static final class Waits implements RateLimitListener {

		final LongAccumulator max = new LongAccumulator(Math::max, 0);

		final AtomicLong waited = new AtomicLong();

		@Override
		public void paced(BudgetKey key, long waitedNanos, RateLimitBudgetStore store) {
			this.max.accumulate(waitedNanos);
			if (waitedNanos > 0) {
				this.waited.incrementAndGet();
			}
		}

	}

	/**
	 * One run's numbers.
	 */
	record Result(Mode mode, int instances, boolean countRejected, int minutes, RateLimitCounts from,
			RateLimitCounts to, Outcomes outcomes, long maxWaitNanos, long waited, long localFallbacks) {

		double goodput() {
			return (double) (this.to.admittedTokens() - this.from.admittedTokens()) / (TPM * this.minutes);
		}

		long admitted() {
			return this.to.admittedRequests() - this.from.admittedRequests();
		}

		double rejectionsPerSuccess() {
			return (double) (this.to.rejected() - this.from.rejected()) / Math.max(1, admitted());
		}

		long offered() {
			long total = 0;
			for (Outcome outcome : Outcome.values()) {
				total += this.outcomes.count(outcome);
			}
			return total;
		}

		/** Latency on Groq's clock, in seconds. */
		double groqSeconds(long nanos) {
			return nanos * SCALE / 1e9;
		}

		String line() {
			return String.format(Locale.ROOT,
					"RUN %-26s instances=%2d countRejected=%-5s goodput=%5.1f%% 429/success=%.3f rateLimited=%d "
							+ "refused=%d failed=%d of %d p50=%.1fs p99=%.1fs maxWait=%.1fs redisOutages=%d %s",
					this.mode.label, this.instances, this.countRejected, 100 * goodput(), rejectionsPerSuccess(),
					this.outcomes.count(Outcome.RATE_LIMITED), this.outcomes.count(Outcome.REFUSED),
					this.outcomes.count(Outcome.FAILED), offered(), groqSeconds(this.outcomes.percentile(0.5)),
					groqSeconds(this.outcomes.percentile(0.99)), groqSeconds(this.maxWaitNanos), this.localFallbacks,
					this.outcomes.failures);
		}

	}

}
