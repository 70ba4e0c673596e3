package io.github.groqspring.test;

/**
 * What a {@link GroqEmulator} enforcing a {@link RateLimitPolicy} admitted and rejected since
 * the policy was set.
 *
 * @param admittedRequests chat completions answered
 * @param admittedTokens tokens they were charged (cached prompt tokens not included)
 * @param rejectedForTokens 429s on the token limit (TPM)
 * @param rejectedForRequests 429s on a request limit (RPM or RPD)
 * @param tooLarge 413s: requests larger than the whole TPM limit
 */
public record RateLimitCounts(long admittedRequests, long admittedTokens, long rejectedForTokens,
		long rejectedForRequests, long tooLarge) {

	/**
	 * Every rejection.
	 * @return the 429s and 413s
	 */
	public long rejected() {
		return this.rejectedForTokens + this.rejectedForRequests + this.tooLarge;
	}

}
