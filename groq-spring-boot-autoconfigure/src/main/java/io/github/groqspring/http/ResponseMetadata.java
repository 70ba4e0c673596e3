package io.github.groqspring.http;

import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

/**
 * Facts about one Groq response beyond its body.
 *
 * @param status the HTTP status
 * @param requestId the {@code x-request-id} header
 * @param region the {@code x-groq-region} header
 * @param rateLimits the parsed {@code x-ratelimit-*} and {@code retry-after} headers
 * @param requestedTier the tier that was sent (after a flex fallback, the fallback tier),
 * {@code null} when none was
 * @param attempts how many requests the call sent, at least 1: its retries, and after a flex
 * fallback the attempts on both tiers
 * @param fallbackFrom the tier the call fell back from (flex), {@code null} without fallback
 */
public record ResponseMetadata(int status, @Nullable String requestId, @Nullable String region,
		RateLimits rateLimits, @Nullable ServiceTier requestedTier, int attempts, @Nullable ServiceTier fallbackFrom) {

	/**
	 * Whether the call was resent on another tier after flex had no capacity.
	 * @return {@code true} after a fallback
	 */
	public boolean fellBack() {
		return this.fallbackFrom != null;
	}

	/**
	 * This metadata with the attempt count and fallback origin of the whole call.
	 * @param attempts the attempts of the call
	 * @param fallbackFrom the tier fallen back from, or {@code null}
	 * @return a copy
	 */
	public ResponseMetadata withCall(int attempts, @Nullable ServiceTier fallbackFrom) {
		return new ResponseMetadata(this.status, this.requestId, this.region, this.rateLimits, this.requestedTier,
				attempts, fallbackFrom);
	}

}
