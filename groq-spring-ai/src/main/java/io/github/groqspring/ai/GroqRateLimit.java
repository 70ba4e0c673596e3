package io.github.groqspring.ai;

import java.time.Duration;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.RateLimit;

/**
 * Groq's rate-limit headers as Spring AI's {@link RateLimit}: requests per day, tokens per
 * minute. Spring AI's contract has no absent values, so a header Groq did not send reads
 * {@code 0} (or {@link Duration#ZERO}), as Spring AI's own {@code EmptyRateLimit} does;
 * {@link #rateLimits()} tells an absent header ({@code null}) from a zero.
 *
 * @param rateLimits the parsed headers, with {@code retry-after} too
 */
public record GroqRateLimit(RateLimits rateLimits) implements RateLimit {

	@Override
	public Long getRequestsLimit() {
		return orZero(this.rateLimits.limitRequests());
	}

	@Override
	public Long getRequestsRemaining() {
		return orZero(this.rateLimits.remainingRequests());
	}

	@Override
	public Duration getRequestsReset() {
		return orZero(this.rateLimits.resetRequests());
	}

	@Override
	public Long getTokensLimit() {
		return orZero(this.rateLimits.limitTokens());
	}

	@Override
	public Long getTokensRemaining() {
		return orZero(this.rateLimits.remainingTokens());
	}

	@Override
	public Duration getTokensReset() {
		return orZero(this.rateLimits.resetTokens());
	}

	private static Long orZero(@Nullable Long value) {
		return (value != null) ? value : 0L;
	}

	private static Duration orZero(@Nullable Duration value) {
		return (value != null) ? value : Duration.ZERO;
	}

}
