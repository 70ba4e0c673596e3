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
 */
public final class RateLimitGate {

	private final Map<String, Long> blockedUntilNanos = new ConcurrentHashMap<>();

	/**
	 * Learn from a response's rate limits.
	 * @param key the model and tier
	 * @param limits the parsed headers
	 */
	public void record(String key, RateLimits limits) {
		long now = System.nanoTime();
		long until = now;
		until = Math.max(until, exhaustedUntil(now, limits.remainingRequests(), limits.resetRequests()));
		until = Math.max(until, exhaustedUntil(now, limits.remainingTokens(), limits.resetTokens()));
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
	 * it counts the requests the call sent before (at least 1, as for any exception)
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
					Math.max(1, budget.priorAttempts()));
		}
		Sleeper.sleep(Duration.ofNanos(wait));
	}

	private static long exhaustedUntil(long now, @Nullable Long remaining, @Nullable Duration reset) {
		return (remaining != null && remaining <= 0 && reset != null) ? now + reset.toNanos() : now;
	}

}
