package io.github.groqspring.internal.ratelimit;

import java.time.Duration;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.internal.http.AttemptGate;
import io.github.groqspring.internal.http.CallBudget;
import io.github.groqspring.internal.ratelimit.RateLimitPacer.KeyState;
import io.github.groqspring.ratelimit.BudgetReservation;
import org.jspecify.annotations.Nullable;

/**
 * The gate of one paced chat completion: reserves its budget before each attempt, learns
 * from each failed attempt's response (a rejected request gives its tokens back; a 429's
 * {@code retry-after} pauses the budget), and reconciles with Groq's usage when the answer
 * arrives. Used by one call at a time.
 */
public final class PacedCall implements AttemptGate {

	private final RateLimitPacer pacer;

	final KeyState state;

	private final ChatRequest request;

	private long promptChars = -1;

	private long estimate = -1;

	@Nullable BudgetReservation reservation;

	/** When the current attempt was let through, to learn how long answers take. */
	long sentAtNanos;

	/** The longest {@code retry-after} the call obeys ({@code groq.retry.max-retry-after}). */
	private Duration maxRetryAfter = Duration.ZERO;

	PacedCall(RateLimitPacer pacer, KeyState state, ChatRequest request) {
		this.pacer = pacer;
		this.state = state;
		this.request = request;
	}

	@Override
	public void beforeAttempt(CallBudget budget, int attempt) {
		this.maxRetryAfter = budget.retry().maxRetryAfter();
		this.pacer.admit(this, budget, attempt);
	}

	@Override
	public void afterFailure(GroqException failure) {
		BudgetReservation sent = this.reservation;
		this.reservation = null;
		this.pacer.observe(this.state, failure.getRateLimits(), 0, sent);
		if (sent != null) {
			// An answered error was not processed: its tokens go back; without an answer, who knows.
			boolean answered = failure instanceof GroqApiException;
			this.pacer.settle(sent, answered ? 0 : sent.tokens(), sent.requests());
		}
		Duration retryAfter = (failure instanceof GroqRateLimitException limited) ? limited.getRetryAfter() : null;
		if (retryAfter != null && retryAfter.compareTo(this.maxRetryAfter) <= 0) {
			// Longer than the retry loop obeys: it backs off instead, and so does the pause.
			this.state.pauseFor(retryAfter);
		}
	}

	/**
	 * The call succeeded (a stream: reached its end): learn from its headers, reconcile its
	 * reservation with the tokens Groq counted (cached prompt tokens do not count), and
	 * teach the estimator.
	 * @param limits the response's rate limits
	 * @param usage the usage Groq reported, {@code null} when it reported none
	 */
	public void answered(RateLimits limits, @Nullable Usage usage) {
		this.state.answers.add(System.nanoTime() - this.sentAtNanos);
		BudgetReservation sent = this.reservation;
		this.reservation = null;
		this.pacer.observe(this.state, limits, (usage != null) ? usage.cachedTokens() : 0, sent);
		if (sent != null) {
			long used = (usage != null)
					? Math.max(0, usage.promptTokens() - usage.cachedTokens()) + usage.completionTokens() : sent.tokens();
			this.pacer.settle(sent, used, sent.requests());
		}
		if (usage != null) {
			this.pacer.estimator().learn(this.state.key.model(), promptChars(), usage);
		}
	}

	/**
	 * A stream ended without usage (failed or cancelled after its first chunk): learn from
	 * its headers; its reservation stays spent, since Groq may have counted it all.
	 * @param limits the response's rate limits
	 */
	public void abandoned(RateLimits limits) {
		BudgetReservation sent = this.reservation;
		this.reservation = null;
		this.pacer.observe(this.state, limits, 0, sent);
		if (sent != null) {
			this.pacer.settle(sent, sent.tokens(), sent.requests());
		}
	}

	/** Give an unsent attempt's reservation back. */
	void release() {
		BudgetReservation sent = this.reservation;
		this.reservation = null;
		if (sent != null) {
			this.pacer.settle(sent, 0, 0);
		}
	}

	/** The estimated tokens of the request, worked out once. */
	long estimate() {
		if (this.estimate < 0) {
			this.estimate = this.pacer.estimator()
				.estimate(this.state.key.model(), promptChars(), this.request.maxCompletionTokens());
		}
		return this.estimate;
	}

	private long promptChars() {
		if (this.promptChars < 0) {
			this.promptChars = TokenEstimator.promptChars(this.request);
		}
		return this.promptChars;
	}

}
