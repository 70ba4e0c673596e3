package io.github.groqspring.ratelimit;

import java.time.Duration;

/**
 * The limits of one budget, as Groq's {@code x-ratelimit-*} headers report them, and the
 * periods over which an empty bucket refills: Groq's limits are tokens per minute and
 * requests per day, and its reset headers say how long until a bucket is full again, so a
 * bucket refills continuously at {@code limit / refill period}.
 *
 * @param tokenLimit {@code x-ratelimit-limit-tokens}, 0 when Groq reported none
 * @param tokenRefill how long an empty token bucket takes to fill
 * @param requestLimit {@code x-ratelimit-limit-requests}, 0 when Groq reported none
 * @param requestRefill how long an empty request bucket takes to fill
 */
public record BudgetLimits(long tokenLimit, Duration tokenRefill, long requestLimit, Duration requestRefill) {

	public BudgetLimits {
		if (tokenLimit < 0 || requestLimit < 0) {
			throw new IllegalArgumentException("Limits must be 0 (none) or more, were " + tokenLimit + " tokens and "
					+ requestLimit + " requests");
		}
		if (tokenRefill.isNegative() || tokenRefill.isZero() || requestRefill.isNegative()
				|| requestRefill.isZero()) {
			throw new IllegalArgumentException(
					"Refill periods must be positive, were " + tokenRefill + " and " + requestRefill);
		}
	}

	/**
	 * Whether Groq reported a token limit.
	 * @return {@code true} with a token limit
	 */
	public boolean limitsTokens() {
		return this.tokenLimit > 0;
	}

	/**
	 * Whether Groq reported a request limit.
	 * @return {@code true} with a request limit
	 */
	public boolean limitsRequests() {
		return this.requestLimit > 0;
	}

}
