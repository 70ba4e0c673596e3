package io.github.groqspring.test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Enforces a {@link RateLimitPolicy} on chat completions: three continuously refilled
 * buckets (RPM, RPD, TPM) per API key, model and serving tier; admits a request by taking
 * its cost, or answers Groq's 429 (or 413 when it exceeds the whole TPM limit), and writes
 * honest {@code x-ratelimit-*} headers either way.
 */
final class RateLimitEnforcer {

	private static final String DOCS = " Visit https://console.groq.com/docs/rate-limits for more information.";

	private final RateLimitPolicy policy;

	private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

	private final AtomicLong admittedRequests = new AtomicLong();

	private final AtomicLong admittedTokens = new AtomicLong();

	private final AtomicLong rejectedForTokens = new AtomicLong();

	private final AtomicLong rejectedForRequests = new AtomicLong();

	private final AtomicLong tooLarge = new AtomicLong();

	RateLimitEnforcer(RateLimitPolicy policy) {
		this.policy = policy;
	}

	RateLimitPolicy policy() {
		return this.policy;
	}

	RateLimitCounts counts() {
		return new RateLimitCounts(this.admittedRequests.get(), this.admittedTokens.get(),
				this.rejectedForTokens.get(), this.rejectedForRequests.get(), this.tooLarge.get());
	}

	/**
	 * Admit a request or reject it.
	 * @param exchange the exchange, given the rate-limit headers to answer with
	 * @param model the model
	 * @param tier the serving tier
	 * @param cost the tokens it is charged
	 * @return the rejection, or {@code null} when admitted
	 */
	@Nullable EmulatedResponse admit(Exchange exchange, String model, String tier, long cost) {
		Budget budget = budget(exchange, model, tier);
		long now = System.nanoTime();
		EmulatedResponse rejection;
		synchronized (budget) {
			budget.refill(now);
			rejection = rejection(budget, model, tier, cost);
			if (rejection == null) {
				budget.rpm.level -= 1;
				budget.rpd.level -= 1;
				budget.tpm.level -= cost;
			}
			else if (this.policy.countsRejectedRequests()) {
				budget.rpm.take(1);
				budget.rpd.take(1);
			}
			exchange.rateLimitHeaders(headers(budget));
		}
		if (rejection == null) {
			this.admittedRequests.incrementAndGet();
			this.admittedTokens.addAndGet(cost);
		}
		return rejection;
	}

	/** Report a budget without charging it, e.g. on a request refused for other reasons. */
	void report(Exchange exchange, String model, String tier) {
		Budget budget = budget(exchange, model, tier);
		synchronized (budget) {
			budget.refill(System.nanoTime());
			exchange.rateLimitHeaders(headers(budget));
		}
	}

	private @Nullable EmulatedResponse rejection(Budget budget, String model, String tier, long cost) {
		String who = "model `" + model + "` in organization `org_emulated` service tier `" + tier + "`";
		if (budget.tpm.capacity > 0 && cost > budget.tpm.capacity) {
			this.tooLarge.incrementAndGet();
			return EmulatedResponse.error(413, "tokens", "rate_limit_exceeded",
					"Request too large for " + who + " on tokens per minute (TPM): Limit " + budget.tpm.capacity
							+ ", Requested " + cost + ", please reduce your message size and try again." + DOCS);
		}
		if (budget.rpm.lacks(1)) {
			this.rejectedForRequests.incrementAndGet();
			return limited("requests", who, "requests per minute (RPM)", budget.rpm, 1);
		}
		if (budget.rpd.lacks(1)) {
			this.rejectedForRequests.incrementAndGet();
			return limited("requests", who, "requests per day (RPD)", budget.rpd, 1);
		}
		if (budget.tpm.lacks(cost)) {
			this.rejectedForTokens.incrementAndGet();
			return limited("tokens", who, "tokens per minute (TPM)", budget.tpm, cost);
		}
		return null;
	}

	private EmulatedResponse limited(String type, String who, String limit, Bucket bucket, long requested) {
		long waitNanos = bucket.nanosUntil(requested);
		return EmulatedResponse
			.error(429, type, "rate_limit_exceeded",
					"Rate limit reached for " + who + " on " + limit + ": Limit " + bucket.capacity + ", Used "
							+ Math.round(bucket.capacity - bucket.level) + ", Requested " + requested
							+ ". Please try again in " + goDuration(waitNanos) + "." + DOCS)
			.withHeader("retry-after", retryAfter(waitNanos));
	}

	/** Whole seconds, rounded up, as Groq sends them; on a scaled clock, seconds to the millisecond. */
	private String retryAfter(long nanos) {
		if (this.policy.timeScale() == 1) {
			return Long.toString(Math.max(1, (nanos + 999_999_999) / 1_000_000_000));
		}
		return String.format(Locale.ROOT, "%.3f", Math.max(0.001, nanos / 1e9));
	}

	private static Map<String, String> headers(Budget budget) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (budget.rpd.capacity > 0) {
			headers.put("x-ratelimit-limit-requests", Long.toString(budget.rpd.capacity));
			headers.put("x-ratelimit-remaining-requests", Long.toString(budget.rpd.remaining()));
			headers.put("x-ratelimit-reset-requests", goDuration(budget.rpd.nanosToFull()));
		}
		if (budget.tpm.capacity > 0) {
			headers.put("x-ratelimit-limit-tokens", Long.toString(budget.tpm.capacity));
			headers.put("x-ratelimit-remaining-tokens", Long.toString(budget.tpm.remaining()));
			headers.put("x-ratelimit-reset-tokens", goDuration(budget.tpm.nanosToFull()));
		}
		return headers;
	}

	/** A duration as Go prints it, to the millisecond: {@code 1h2m3.5s}, {@code 2m59.56s}, {@code 7.66s}, {@code 450ms}. */
	static String goDuration(long nanos) {
		long millis = Math.max(0, (nanos + 999_999) / 1_000_000);
		if (millis == 0) {
			return "0s";
		}
		if (millis < 1000) {
			return millis + "ms";
		}
		StringBuilder text = new StringBuilder();
		long hours = millis / 3_600_000;
		long minutes = (millis / 60_000) % 60;
		if (hours > 0) {
			text.append(hours).append('h');
		}
		if (hours > 0 || minutes > 0) {
			text.append(minutes).append('m');
		}
		long secondMillis = millis % 60_000;
		String seconds = String.format(Locale.ROOT, "%d.%03d", secondMillis / 1000, secondMillis % 1000)
			.replaceAll("0+$", "")
			.replaceAll("\\.$", "");
		return text.append(seconds).append('s').toString();
	}

	private Budget budget(Exchange exchange, String model, String tier) {
		String authorization = exchange.request().header("authorization");
		String key = ((authorization != null) ? authorization : "") + "\n" + model + "\n" + tier;
		return this.budgets.computeIfAbsent(key,
				(name) -> new Budget(this.policy.limits(model, tier), this.policy.minute().toNanos(),
						this.policy.day().toNanos(), System.nanoTime()));
	}

	/** The three buckets of one budget. */
	private static final class Budget {

		private final Bucket rpm;

		private final Bucket rpd;

		private final Bucket tpm;

		Budget(RateLimitPolicy.Limits limits, long minuteNanos, long dayNanos, long now) {
			this.rpm = new Bucket(limits.requestsPerMinute(), minuteNanos, now);
			this.rpd = new Bucket(limits.requestsPerDay(), dayNanos, now);
			this.tpm = new Bucket(limits.tokensPerMinute(), minuteNanos, now);
		}

		void refill(long now) {
			this.rpm.refill(now);
			this.rpd.refill(now);
			this.tpm.refill(now);
		}

	}

	/** A bucket refilled continuously; capacity 0 means no limit. */
	private static final class Bucket {

		private final long capacity;

		private final double perNano;

		private double level;

		private long last;

		Bucket(long capacity, long windowNanos, long now) {
			this.capacity = capacity;
			this.perNano = (double) capacity / windowNanos;
			this.level = capacity;
			this.last = now;
		}

		void refill(long now) {
			if (now > this.last) {
				this.level = Math.min(this.capacity, this.level + (now - this.last) * this.perNano);
				this.last = now;
			}
		}

		boolean lacks(long amount) {
			return this.capacity > 0 && this.level < amount;
		}

		/** A rejected request counted: the bucket may go into debt, down to minus its capacity. */
		void take(long amount) {
			if (this.capacity > 0) {
				this.level = Math.max(-this.capacity, this.level - amount);
			}
		}

		long remaining() {
			return (long) Math.floor(Math.max(0, this.level));
		}

		long nanosUntil(long amount) {
			return (long) Math.ceil(Math.max(0, amount - this.level) / this.perNano);
		}

		long nanosToFull() {
			return (this.capacity > 0) ? (long) Math.ceil((this.capacity - this.level) / this.perNano) : 0;
		}

	}

}
