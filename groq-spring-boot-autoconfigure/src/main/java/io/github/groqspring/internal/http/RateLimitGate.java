package io.github.groqspring.internal.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Remembers, per model and tier, until when Groq said the budget is exhausted (no requests
 * or tokens left until a reset, or a 429's {@code retry-after}), and makes a call that would
 * certainly be rejected wait for the reset instead of sending, within its deadline.
 *
 * <p>Cached prompt tokens do not count toward Groq's limits, but Groq takes them off only
 * after processing (prompt caching docs): a response's remaining-tokens header may still
 * include the cached tokens of that very response. {@link #record(String, RateLimits, long)}
 * therefore gives them back before deciding that the token budget is exhausted (whether
 * Groq's header already leaves them out is unconfirmed; giving them back can only make the
 * gate wait less). Pacing on the token budget is not done here.
 */
public final class RateLimitGate {

	private final Map<String, Long> blockedUntilNanos = new ConcurrentHashMap<>();

	/**
	 * Learn from a response's rate limits.
	 * @param key the model and tier
	 * @param limits the parsed headers
	 */
	public void record(String key, RateLimits limits) {
		record(key, limits, 0);
	}

	/**
	 * Learn from a successful response's rate limits and its cached prompt tokens, which
	 * Groq does not count toward the token limit.
	 * @param key the model and tier
	 * @param limits the parsed headers
	 * @param cachedTokens the response's {@code prompt_tokens_details.cached_tokens}
	 */
	public void record(String key, RateLimits limits, long cachedTokens) {
		long now = System.nanoTime();
		long until = now;
		until = Math.max(until, exhaustedUntil(now, limits.remainingRequests(), limits.resetRequests()));
		Long remainingTokens = limits.remainingTokens();
		if (remainingTokens != null && cachedTokens > 0) {
			remainingTokens = remainingTokens + cachedTokens;
		}
		until = Math.max(until, exhaustedUntil(now, remainingTokens, limits.resetTokens()));
		if (limits.retryAfter() != null) {
			until = Math.max(until, now + limits.retryAfter().toNanos());
		}
		if (until > now) {
			this.blockedUntilNanos.merge(key, until, Math::max);
		}
		else {
			this.blockedUntilNanos.computeIfPresent(key, (name, blockedUntil) -> (blockedUntil - now <= 0) ? null : blockedUntil);
		}
	}

	/**
	 * Wait until the budget for this key has reset.
	 * @param key the model and tier
	 * @param budget the call's budget
	 * @throws RateLimitExhaustedException when the reset comes after the call's deadline;
	 * it counts the requests the call sent before, 0 when none
	 */
	public void await(String key, CallBudget budget) {
		Long until = this.blockedUntilNanos.get(key);
		if (until == null) {
			return;
		}
		long wait = until - System.nanoTime();
		if (wait <= 0) {
			this.blockedUntilNanos.remove(key, until);
			return;
		}
		if (until > budget.deadlineNanos()) {
			throw new RateLimitExhaustedException("Not sent: Groq's rate limit for " + key + " is exhausted for another "
					+ Duration.ofNanos(wait).toMillis() + " ms, beyond this call's budget (" + budget.callTimeout()
					+ ", groq.call-timeout); groq.rate-limit.wait is on", Duration.ofNanos(wait),
					budget.priorAttempts());
		}
		Sleeper.sleep(Duration.ofNanos(wait));
	}

	private static long exhaustedUntil(long now, @Nullable Long remaining, @Nullable Duration reset) {
		return (remaining != null && remaining <= 0 && reset != null) ? now + reset.toNanos() : now;
	}

}
