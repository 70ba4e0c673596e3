package io.github.groqspring.internal.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.internal.http.AttemptGate;
import io.github.groqspring.internal.http.CallBudget;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.BudgetLimits;
import io.github.groqspring.ratelimit.BudgetReservation;
import io.github.groqspring.ratelimit.BudgetSnapshot;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitListener;
import io.github.groqspring.ratelimit.RateLimitSettings;
import io.github.groqspring.tier.ServiceTier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Paces one template's chat completions to Groq's rate limits: each call gets a
 * {@link PacedCall}, the gate its attempts pass. Before an attempt, the call's estimated
 * tokens and one request are reserved in the store; when the budget is short the attempt
 * waits for the refill within the call's deadline, and when the refill would come after the
 * deadline the call fails at once with {@link RateLimitExhaustedException}, unsent. Every
 * response, errors included, teaches the limits ({@code x-ratelimit-limit-*}), how long the
 * buckets take to refill (the reset headers: a reset is the time to a full bucket, so the
 * refill period is {@code reset * limit / (limit - remaining)}, taken from the response with
 * the largest deficit, within {@code [window / 1000, 2 * window]}) and what is left; a 429's
 * {@code retry-after} holds back this template's calls of that budget until it has passed.
 *
 * <p>Until a budget's first response arrives nothing is known of its limits, and calls go
 * out unpaced; a server that sends no rate-limit headers is never paced.
 */
public final class RateLimitPacer {

	private static final Log logger = LogFactory.getLog(RateLimitPacer.class);

	/** A deficit smaller than this share of the limit says too little about the refill period. */
	private static final double MIN_DEFICIT_FOR_REFILL = 0.01;

	private final RateLimitSettings settings;

	private final String keyHash;

	private final TokenEstimator estimator;

	/** Budgets by model, then by tier: found without allocating on every call. */
	private final Map<String, Map<String, KeyState>> states = new ConcurrentHashMap<>();

	private volatile boolean storeFailureLogged;

	/**
	 * Create a pacer.
	 * @param settings the settings; {@link RateLimitSettings#enabled()} must be {@code true}
	 * @param keyHash the hash of the base URL and API key ({@link BudgetKey#hash})
	 */
	public RateLimitPacer(RateLimitSettings settings, String keyHash) {
		this.settings = settings;
		this.keyHash = keyHash;
		this.estimator = new TokenEstimator(settings.charsPerToken(), settings.completionTokens(),
				settings.reserveMaxCompletionTokens());
	}

	/**
	 * The gate of one chat completion's attempts.
	 * @param request the request as it is sent (model resolved)
	 * @return the call's gate; tell it the answer with {@link PacedCall#answered} or
	 * {@link PacedCall#abandoned}
	 */
	public PacedCall call(ChatRequest request) {
		String model = (request.model() != null) ? request.model() : "";
		ServiceTier tier = request.serviceTier();
		return new PacedCall(this, state(model, (tier != null) ? tier.wireValue() : BudgetKey.NO_TIER), request);
	}

	/**
	 * The settings this pacer was made with.
	 * @return the settings
	 */
	public RateLimitSettings settings() {
		return this.settings;
	}

	RateLimitBudgetStore store() {
		return this.settings.store();
	}

	TokenEstimator estimator() {
		return this.estimator;
	}

	private KeyState state(String model, String tier) {
		Map<String, KeyState> byTier = this.states.get(model);
		if (byTier == null) {
			byTier = this.states.computeIfAbsent(model, (name) -> new ConcurrentHashMap<>());
		}
		KeyState state = byTier.get(tier);
		if (state == null) {
			state = byTier.computeIfAbsent(tier, (name) -> newState(new BudgetKey(this.keyHash, model, name)));
		}
		return state;
	}

	private KeyState newState(BudgetKey key) {
		KeyState state = new KeyState(key, this.settings.tokenWindow(), this.settings.requestWindow());
		BudgetSnapshot known = safely(() -> store().snapshot(key), null);
		if (known != null) {
			state.limits = known.limits();
		}
		return state;
	}

	/**
	 * Hold an attempt back until its budget allows it, or refuse it. The wait may use the
	 * call's time left less the time answers of this budget and the store's reservations take
	 * (each smoothed as TCP smooths round trips: the mean plus four deviations), so that a
	 * call is not sent so late that it cannot be answered before its deadline.
	 */
	void admit(PacedCall call, CallBudget budget, int attempt) {
		KeyState state = call.state;
		long now = System.nanoTime();
		long left = budget.deadlineNanos() - now;
		long headroom = state.answers.timeoutNanos() + state.reservations.timeoutNanos();
		long maxWait = Math.max(0, left - headroom);
		long paused = Math.max(0, state.pausedUntilNanos - now);
		BudgetLimits limits = state.limits;
		BudgetReservation reservation = null;
		if (limits != null && (limits.limitsTokens() || limits.limitsRequests()) && paused <= maxWait) {
			long tokens = limits.limitsTokens() ? Math.min(call.estimate(), limits.tokenLimit()) : 0;
			long requests = limits.limitsRequests() ? 1 : 0;
			long reserving = System.nanoTime();
			reservation = safely(() -> store().reserve(state.key, limits, tokens, requests, maxWait), null);
			state.reservations.add(System.nanoTime() - reserving);
			if (reservation != null && !reservation.granted()) {
				refuse(call, budget, attempt, Math.max(paused, reservation.waitNanos()), left, headroom);
			}
		}
		if (paused > maxWait) {
			refuse(call, budget, attempt, paused, left, headroom);
		}
		call.reservation = reservation;
		long wait = Math.max(paused, (reservation != null) ? reservation.waitNanos() : 0);
		listener().paced(state.key, wait, store());
		if (wait > 0) {
			sleep(call, wait);
		}
		call.sentAtNanos = System.nanoTime();
	}

	private void refuse(PacedCall call, CallBudget budget, int attempt, long neededNanos, long leftNanos,
			long headroomNanos) {
		listener().refused(call.state.key, neededNanos);
		throw new RateLimitExhaustedException("Not sent: Groq's rate limit for model " + call.state.key.model()
				+ " on tier " + call.state.key.tier() + " would allow this call (about " + call.estimate()
				+ " tokens) in " + neededNanos / 1_000_000 + " ms, after its deadline (" + Math.max(0, leftNanos)
				/ 1_000_000 + " ms left of " + budget.callTimeout() + ", groq.call-timeout"
				+ ((headroomNanos > 0) ? ", less " + headroomNanos / 1_000_000 + " ms for the answer" : "") + ")",
				Duration.ofNanos(neededNanos), attempt - 1);
	}

	private void sleep(PacedCall call, long nanos) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			call.release();
			throw new GroqException("Interrupted while waiting for Groq's rate limit", 0, null, RateLimits.NONE, ex);
		}
	}

	/** Learn limits and refill periods from a response's headers, then tell the store what is left. */
	void observe(KeyState state, RateLimits limits, long cachedTokens, @Nullable BudgetReservation sentWith) {
		BudgetLimits learned = state.learn(limits);
		if (learned == null) {
			return;
		}
		Long remainingTokens = limits.remainingTokens();
		long tokens = (remainingTokens != null) ? remainingTokens + Math.max(0, cachedTokens) : -1;
		Long remainingRequests = limits.remainingRequests();
		long requests = (remainingRequests != null) ? remainingRequests : -1;
		safely(() -> {
			store().observe(state.key, learned, tokens, requests, sentWith);
			return null;
		}, null);
	}

	void settle(BudgetReservation reservation, long usedTokens, long usedRequests) {
		safely(() -> {
			store().settle(reservation, usedTokens, usedRequests);
			return null;
		}, null);
	}

	RateLimitListener listener() {
		return this.settings.listener();
	}

	/** A store must never fail a call: what it throws is logged once and the call goes on unpaced. */
	private <T> @Nullable T safely(StoreCall<T> call, @Nullable T fallback) {
		try {
			return call.run();
		}
		catch (RuntimeException ex) {
			if (!this.storeFailureLogged) {
				this.storeFailureLogged = true;
				logger.warn("The rate-limit budget store " + store().getClass().getName() + " failed (" + ex
						+ "); Groq calls go on without its pacing while it fails");
			}
			return fallback;
		}
	}

	@FunctionalInterface
	private interface StoreCall<T> {

		@Nullable T run();

	}

	/** What this template knows of one budget: its limits, refill periods and a 429's pause. */
	static final class KeyState {

		final BudgetKey key;

		private final Duration tokenWindow;

		private final Duration requestWindow;

		volatile @Nullable BudgetLimits limits;

		volatile long pausedUntilNanos = Long.MIN_VALUE / 2;

		/** How long answers take once sent. */
		final RoundTrip answers = new RoundTrip();

		/** How long the store takes to reserve (a network round trip for a shared store). */
		final RoundTrip reservations = new RoundTrip();

		private Duration tokenRefill;

		private Duration requestRefill;

		private double tokenDeficit;

		private double requestDeficit;

		KeyState(BudgetKey key, Duration tokenWindow, Duration requestWindow) {
			this.key = key;
			this.tokenWindow = tokenWindow;
			this.requestWindow = requestWindow;
			this.tokenRefill = tokenWindow;
			this.requestRefill = requestWindow;
		}

		/** The limits after this response, {@code null} when it reported none. */
		synchronized @Nullable BudgetLimits learn(RateLimits headers) {
			Long tokenLimit = headers.limitTokens();
			Long requestLimit = headers.limitRequests();
			if (tokenLimit == null && requestLimit == null) {
				return this.limits;
			}
			long tokens = (tokenLimit != null) ? Math.max(0, tokenLimit) : 0;
			long requests = (requestLimit != null) ? Math.max(0, requestLimit) : 0;
			double tokenDeficit = deficit(tokens, headers.remainingTokens(), headers.resetTokens());
			if (tokenDeficit >= MIN_DEFICIT_FOR_REFILL && tokenDeficit >= this.tokenDeficit) {
				this.tokenDeficit = tokenDeficit;
				this.tokenRefill = refill(headers.resetTokens(), tokenDeficit, this.tokenWindow);
			}
			double requestDeficit = deficit(requests, headers.remainingRequests(), headers.resetRequests());
			if (requestDeficit >= MIN_DEFICIT_FOR_REFILL && requestDeficit >= this.requestDeficit) {
				this.requestDeficit = requestDeficit;
				this.requestRefill = refill(headers.resetRequests(), requestDeficit, this.requestWindow);
			}
			BudgetLimits current = this.limits;
			if (current == null || current.tokenLimit() != tokens || current.requestLimit() != requests
					|| !current.tokenRefill().equals(this.tokenRefill)
					|| !current.requestRefill().equals(this.requestRefill)) {
				current = new BudgetLimits(tokens, this.tokenRefill, requests, this.requestRefill);
				this.limits = current;
			}
			return current;
		}

		void pauseFor(Duration retryAfter) {
			long until = System.nanoTime() + retryAfter.toNanos();
			if (until - this.pausedUntilNanos > 0) {
				this.pausedUntilNanos = until;
			}
		}

		/** The share of the limit used, 0 when the headers do not tell. */
		private static double deficit(long limit, @Nullable Long remaining, @Nullable Duration reset) {
			if (limit <= 0 || remaining == null || reset == null || reset.isZero() || reset.isNegative()) {
				return 0;
			}
			return (double) (limit - Math.max(0, Math.min(limit, remaining))) / limit;
		}

		/**
		 * How long an empty bucket takes to fill: the reset (time to full) over the share
		 * used, to two significant digits (so that instances agree), within
		 * {@code [window / 1000, 2 * window]}.
		 */
		private static Duration refill(@Nullable Duration reset, double deficit, Duration window) {
			double nanos = (double) ((reset != null) ? reset.toNanos() : window.toNanos()) / deficit;
			double clamped = Math.max(window.toNanos() / 1000.0, Math.min(2.0 * window.toNanos(), nanos));
			double scale = Math.pow(10, Math.floor(Math.log10(clamped)) - 1);
			return Duration.ofNanos(Math.max(1, Math.round(Math.round(clamped / scale) * scale)));
		}

	}

	/**
	 * A duration learned as TCP learns round trips (RFC 6298: gains 1/8 and 1/4), and the
	 * time to allow for it: the smoothed mean plus four smoothed deviations, 0 until the first
	 * sample. Updates may race: a lost one only slows learning.
	 */
	static final class RoundTrip {

		private volatile long smoothedNanos;

		private volatile long deviationNanos;

		void add(long nanos) {
			long sample = Math.max(1, nanos);
			long smoothed = this.smoothedNanos;
			if (smoothed == 0) {
				this.smoothedNanos = sample;
				this.deviationNanos = sample / 2;
			}
			else {
				this.deviationNanos += (Math.abs(smoothed - sample) - this.deviationNanos) / 4;
				this.smoothedNanos = Math.max(1, smoothed + (sample - smoothed) / 8);
			}
		}

		long timeoutNanos() {
			return this.smoothedNanos + 4 * this.deviationNanos;
		}

	}

}
