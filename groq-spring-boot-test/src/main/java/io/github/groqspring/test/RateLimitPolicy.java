package io.github.groqspring.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rate limits a {@link GroqEmulator} enforces on chat completions, as Groq does per
 * organisation (API key), model and service tier: requests per minute (RPM), requests per
 * day (RPD) and tokens per minute (TPM), each a bucket that refills continuously (Groq's
 * reset headers are the time to a full bucket). A request that the budget cannot afford gets
 * Groq's 429 with {@code retry-after}; one larger than the whole TPM limit gets Groq's 413.
 * Every chat answer carries honest {@code x-ratelimit-*} headers: the request headers tell
 * the RPD bucket, the token headers the TPM bucket (RPM is enforced but, as at Groq, not in
 * the headers).
 *
 * <p>A request costs its prompt tokens, less the cached ones (which do not count toward
 * Groq's limits), plus its completion tokens, taken when it is admitted; the emulator knows
 * the completion before it answers. Whether Groq counts rejected requests against the
 * request limits is not documented: {@link Builder#countRejectedRequests(boolean)} chooses.
 *
 * <p>{@link Builder#timeScale(double)} runs the limits on a faster clock, so that tests and
 * benchmarks take seconds: at 10, a minute's budget refills in 6 seconds. Durations on the
 * wire ({@code x-ratelimit-reset-*}, {@code retry-after}, "try again in") are real time,
 * what a client waits; {@link #minute()} and {@link #day()} say how long the windows last.
 *
 * <pre>{@code
 * groq.enforceRateLimits(RateLimitPolicy.builder().limits(30, 14_400, 6_000).timeScale(10).build());
 * }</pre>
 */
public final class RateLimitPolicy {

	private final Limits defaults;

	private final Map<String, Limits> byModelAndTier;

	private final double timeScale;

	private final boolean countRejectedRequests;

	private RateLimitPolicy(Builder builder) {
		this.defaults = builder.defaults;
		this.byModelAndTier = Map.copyOf(builder.byModelAndTier);
		this.timeScale = builder.timeScale;
		this.countRejectedRequests = builder.countRejectedRequests;
	}

	/**
	 * Start a policy: by default every model and tier gets 30 RPM, 14,400 RPD and 6,000 TPM
	 * (the free plan's limits of a small model), on Groq's clock.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The limits of a model on a tier.
	 * @param model the model id
	 * @param tier the tier that serves it ({@code on_demand} when none was sent)
	 * @return its limits
	 */
	public Limits limits(String model, String tier) {
		Limits limits = this.byModelAndTier.get(model + " " + tier);
		if (limits == null) {
			limits = this.byModelAndTier.get(model + " *");
		}
		return (limits != null) ? limits : this.defaults;
	}

	/**
	 * How fast the limits' clock runs: 1 is Groq's, 10 refills a minute's budget in 6 s.
	 * @return the scale
	 */
	public double timeScale() {
		return this.timeScale;
	}

	/**
	 * Whether a rejected request counts against the request limits (RPM and RPD).
	 * @return {@code true} when it does
	 */
	public boolean countsRejectedRequests() {
		return this.countRejectedRequests;
	}

	/**
	 * How long the token and per-minute request buckets take to refill, in real time.
	 * @return a minute divided by the time scale
	 */
	public Duration minute() {
		return Duration.ofNanos(Math.round(60_000_000_000L / this.timeScale));
	}

	/**
	 * How long the per-day request bucket takes to refill, in real time.
	 * @return a day divided by the time scale
	 */
	public Duration day() {
		return Duration.ofNanos(Math.round(86_400_000_000_000L / this.timeScale));
	}

	@Override
	public String toString() {
		return "RateLimitPolicy[" + this.defaults + ", " + this.byModelAndTier + ", timeScale=" + this.timeScale
				+ ", countRejectedRequests=" + this.countRejectedRequests + "]";
	}

	/**
	 * One budget's limits.
	 *
	 * @param requestsPerMinute RPM, 0 for none
	 * @param requestsPerDay RPD, 0 for none
	 * @param tokensPerMinute TPM, 0 for none
	 */
	public record Limits(long requestsPerMinute, long requestsPerDay, long tokensPerMinute) {

		public Limits {
			if (requestsPerMinute < 0 || requestsPerDay < 0 || tokensPerMinute < 0) {
				throw new IllegalArgumentException("Rate limits must be 0 (none) or more");
			}
		}

	}

	/** Builds a {@link RateLimitPolicy}. */
	public static final class Builder {

		private Limits defaults = new Limits(30, 14_400, 6_000);

		private final Map<String, Limits> byModelAndTier = new LinkedHashMap<>();

		private double timeScale = 1;

		private boolean countRejectedRequests;

		private Builder() {
		}

		/**
		 * The limits of every model and tier not named otherwise.
		 * @param requestsPerMinute RPM, 0 for none
		 * @param requestsPerDay RPD, 0 for none
		 * @param tokensPerMinute TPM, 0 for none
		 * @return this builder
		 */
		public Builder limits(long requestsPerMinute, long requestsPerDay, long tokensPerMinute) {
			this.defaults = new Limits(requestsPerMinute, requestsPerDay, tokensPerMinute);
			return this;
		}

		/**
		 * The limits of one model, on one tier or on all.
		 * @param model the model id
		 * @param tier the tier that serves it, e.g. {@code flex} (Groq gives flex 10x the
		 * on-demand limits), {@code null} for every tier
		 * @param requestsPerMinute RPM, 0 for none
		 * @param requestsPerDay RPD, 0 for none
		 * @param tokensPerMinute TPM, 0 for none
		 * @return this builder
		 */
		public Builder model(String model, @Nullable String tier, long requestsPerMinute, long requestsPerDay,
				long tokensPerMinute) {
			this.byModelAndTier.put(model + " " + ((tier != null) ? tier : "*"),
					new Limits(requestsPerMinute, requestsPerDay, tokensPerMinute));
			return this;
		}

		/**
		 * Run the limits' clock faster than Groq's.
		 * @param timeScale more than 0; 10 refills a minute's budget in 6 s
		 * @return this builder
		 */
		public Builder timeScale(double timeScale) {
			if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
				throw new IllegalArgumentException("The time scale must be more than 0, was " + timeScale);
			}
			this.timeScale = timeScale;
			return this;
		}

		/**
		 * Whether a rejected request (429 or 413) still counts against the request limits, as
		 * it would if Groq counted every request it receives (undocumented).
		 * @param countRejectedRequests {@code true} to count them
		 * @return this builder
		 */
		public Builder countRejectedRequests(boolean countRejectedRequests) {
			this.countRejectedRequests = countRejectedRequests;
			return this;
		}

		/**
		 * Build the policy.
		 * @return the policy
		 */
		public RateLimitPolicy build() {
			return new RateLimitPolicy(this);
		}

	}

}
