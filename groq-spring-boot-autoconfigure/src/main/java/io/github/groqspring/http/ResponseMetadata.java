package io.github.groqspring.http;

import io.github.groqspring.ServiceTier;
import org.jspecify.annotations.Nullable;

/**
 * Facts about one Groq response beyond its body.
 *
 * @param status the HTTP status
 * @param requestId the {@code x-request-id} header
 * @param region the {@code x-groq-region} header
 * @param rateLimits the parsed {@code x-ratelimit-*} and {@code retry-after} headers
 * @param requestedTier the tier that was sent, {@code null} when none was
 */
public record ResponseMetadata(int status, @Nullable String requestId, @Nullable String region,
		RateLimits rateLimits, @Nullable ServiceTier requestedTier) {
}
