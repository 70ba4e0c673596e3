package io.github.groqspring.ai;

import java.time.Duration;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.RateLimit;

/**
 * Groq's rate-limit headers as Spring AI's {@link RateLimit}: requests per day, tokens per
 * minute. A value is {@code null} when Groq did not send its header.
 *
 * @param rateLimits the parsed headers, with {@code retry-after} too
 */
public record GroqRateLimit(RateLimits rateLimits) implements RateLimit {

	@Override
	public @Nullable Long getRequestsLimit() {
		return this.rateLimits.limitRequests();
	}

	@Override
	public @Nullable Long getRequestsRemaining() {
		return this.rateLimits.remainingRequests();
	}

	@Override
	public @Nullable Duration getRequestsReset() {
		return this.rateLimits.resetRequests();
	}

	@Override
	public @Nullable Long getTokensLimit() {
		return this.rateLimits.limitTokens();
	}

	@Override
	public @Nullable Long getTokensRemaining() {
		return this.rateLimits.remainingTokens();
	}

	@Override
	public @Nullable Duration getTokensReset() {
		return this.rateLimits.resetTokens();
	}

}
