package io.github.groqspring.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Groq's rate-limit headers, parsed. Requests are counted per day, tokens per minute; each
 * value is {@code null} when its header was absent or unreadable (a bad header never fails
 * a call). Resets such as {@code 2m59.56s} and {@code retry-after} (seconds or an HTTP date)
 * are {@link Duration}s.
 *
 * @param limitRequests {@code x-ratelimit-limit-requests}: requests per day
 * @param remainingRequests {@code x-ratelimit-remaining-requests}
 * @param resetRequests {@code x-ratelimit-reset-requests}: until the request budget resets
 * @param limitTokens {@code x-ratelimit-limit-tokens}: tokens per minute
 * @param remainingTokens {@code x-ratelimit-remaining-tokens}
 * @param resetTokens {@code x-ratelimit-reset-tokens}: until the token budget resets
 * @param retryAfter {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date)
 */
public record RateLimits(@Nullable Long limitRequests, @Nullable Long remainingRequests,
		@Nullable Duration resetRequests, @Nullable Long limitTokens, @Nullable Long remainingTokens,
		@Nullable Duration resetTokens, @Nullable Duration retryAfter) {

	/** No rate-limit information. */
	public static final RateLimits NONE = new RateLimits(null, null, null, null, null, null, null);

}
