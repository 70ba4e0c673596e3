package io.github.groqspring.ratelimit;

import java.time.Duration;

/**
 * How a template paces its chat completions to Groq's rate limits ({@code groq.rate-limit.*}).
 * Before sending, a call's cost is estimated: its prompt's characters divided by the
 * characters per token (learned per model from Groq's usage, starting at
 * {@link #charsPerToken()}), plus its completion tokens (the model's average so far, starting
 * at {@link #completionTokens()}, at most {@code max_completion_tokens}; or all of
 * {@code max_completion_tokens} with {@link #reserveMaxCompletionTokens()}). The cost is taken
 * from the budget's buckets in {@link #store()}, fed by Groq's {@code x-ratelimit-*} headers;
 * a call that would overdraw waits for the refill within its deadline, or fails at once,
 * unsent, when the refill would come after it.
 *
 * @param enabled whether calls are paced at all
 * @param store where the budgets are kept
 * @param tokenWindow how long Groq's token bucket takes to refill until its reset headers
 * say otherwise: a minute (tokens per minute)
 * @param requestWindow how long the request bucket takes to refill until the headers say
 * otherwise: a day (requests per day)
 * @param charsPerToken characters per prompt token before a model's ratio is learned
 * @param completionTokens completion tokens a call is assumed to use before a model's
 * average is learned
 * @param reserveMaxCompletionTokens whether a call with {@code max_completion_tokens}
 * reserves all of them (as if Groq counted them when it admits a request) instead of the
 * model's average
 * @param listener told about waits and refusals
 */
public record RateLimitSettings(boolean enabled, RateLimitBudgetStore store, Duration tokenWindow,
		Duration requestWindow, double charsPerToken, long completionTokens, boolean reserveMaxCompletionTokens,
		RateLimitListener listener) {

	/** Pacing on, budgets in the JVM shared by all templates: the default. */
	public static final RateLimitSettings DEFAULTS = new RateLimitSettings(true, LocalBudgetStore.shared(),
			Duration.ofMinutes(1), Duration.ofDays(1), 4.0, 256, false, RateLimitListener.NONE);

	/** No pacing: calls are sent at once, and a 429 is only retried. */
	public static final RateLimitSettings OFF = DEFAULTS.withEnabled(false);

	public RateLimitSettings {
		if (tokenWindow.isNegative() || tokenWindow.isZero() || requestWindow.isNegative()
				|| requestWindow.isZero()) {
			throw new IllegalArgumentException("groq.rate-limit.token-window and request-window must be positive, were "
					+ tokenWindow + " and " + requestWindow);
		}
		if (!(charsPerToken > 0) || Double.isInfinite(charsPerToken)) {
			throw new IllegalArgumentException(
					"groq.rate-limit.estimator.chars-per-token must be more than 0, such as 4, was " + charsPerToken);
		}
		if (completionTokens < 0) {
			throw new IllegalArgumentException(
					"groq.rate-limit.estimator.completion-tokens must be 0 or more, such as 256, was " + completionTokens);
		}
	}

	/**
	 * These settings with pacing on or off.
	 * @param enabled whether to pace
	 * @return a copy
	 */
	public RateLimitSettings withEnabled(boolean enabled) {
		return new RateLimitSettings(enabled, this.store, this.tokenWindow, this.requestWindow, this.charsPerToken,
				this.completionTokens, this.reserveMaxCompletionTokens, this.listener);
	}

	/**
	 * These settings with another store, e.g. one shared by many instances.
	 * @param store the store
	 * @return a copy
	 */
	public RateLimitSettings withStore(RateLimitBudgetStore store) {
		return new RateLimitSettings(this.enabled, store, this.tokenWindow, this.requestWindow, this.charsPerToken,
				this.completionTokens, this.reserveMaxCompletionTokens, this.listener);
	}

	/**
	 * These settings with other refill windows, e.g. for an emulator on a scaled clock.
	 * @param tokenWindow the token window
	 * @param requestWindow the request window
	 * @return a copy
	 */
	public RateLimitSettings withWindows(Duration tokenWindow, Duration requestWindow) {
		return new RateLimitSettings(this.enabled, this.store, tokenWindow, requestWindow, this.charsPerToken,
				this.completionTokens, this.reserveMaxCompletionTokens, this.listener);
	}

	/**
	 * These settings with another estimator start.
	 * @param charsPerToken characters per token before a model's ratio is learned
	 * @param completionTokens completion tokens before a model's average is learned
	 * @param reserveMaxCompletionTokens whether to reserve all of {@code max_completion_tokens}
	 * @return a copy
	 */
	public RateLimitSettings withEstimator(double charsPerToken, long completionTokens,
			boolean reserveMaxCompletionTokens) {
		return new RateLimitSettings(this.enabled, this.store, this.tokenWindow, this.requestWindow, charsPerToken,
				completionTokens, reserveMaxCompletionTokens, this.listener);
	}

	/**
	 * These settings with a listener.
	 * @param listener told about waits and refusals
	 * @return a copy
	 */
	public RateLimitSettings withListener(RateLimitListener listener) {
		return new RateLimitSettings(this.enabled, this.store, this.tokenWindow, this.requestWindow, this.charsPerToken,
				this.completionTokens, this.reserveMaxCompletionTokens, listener);
	}

}
