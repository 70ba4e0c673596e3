package io.github.groqspring;

import java.time.Duration;

import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

/**
 * Per-call overrides of the template's timeouts, retries and flex fallback, for blocking
 * calls and streams; what is left unset comes from the {@code groq.*} properties.
 *
 * <pre>{@code
 * groq.chat(request, RequestOptions.builder().callTimeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 *
 * @param readTimeout how long one attempt's response may take, headers to last byte
 * @param callTimeout the whole call's budget, retries, waits and fallback included
 * @param maxRetries retries after the first attempt, with the template's backoff
 * @param flexFallbackTier the tier to send on after flex capacity errors, with retries of its
 * own within the call's budget
 * @param flexFallbackDisabled whether to skip the flex fallback for this call
 */
public record RequestOptions(@Nullable Duration readTimeout, @Nullable Duration callTimeout,
		@Nullable Integer maxRetries, @Nullable ServiceTier flexFallbackTier, boolean flexFallbackDisabled) {

	/** Everything from the template's settings. */
	public static final RequestOptions DEFAULTS = new RequestOptions(null, null, null, null, false);

	/**
	 * Start building options.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link RequestOptions}. */
	public static final class Builder {

		private @Nullable Duration readTimeout;

		private @Nullable Duration callTimeout;

		private @Nullable Integer maxRetries;

		private @Nullable ServiceTier flexFallbackTier;

		private boolean flexFallbackDisabled;

		private Builder() {
		}

		/**
		 * How long one attempt's response may take, headers to last byte.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = requirePositive("readTimeout", readTimeout);
			return this;
		}

		/**
		 * The whole call's budget, retries, waits and fallback included.
		 * @param callTimeout a positive duration
		 * @return this builder
		 */
		public Builder callTimeout(Duration callTimeout) {
			this.callTimeout = requirePositive("callTimeout", callTimeout);
			return this;
		}

		/**
		 * How many retries this call may make, with the template's backoff.
		 * @param maxRetries 0 for none
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			if (maxRetries < 0) {
				throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
			}
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * The tier to send the request on when flex has no capacity after its retries; the
		 * fallback is retried like any call, within the same call timeout.
		 * @param tier e.g. {@link ServiceTier#ON_DEMAND}
		 * @return this builder
		 */
		public Builder flexFallbackTier(ServiceTier tier) {
			if (tier == ServiceTier.FLEX) {
				throw new IllegalArgumentException("The flex fallback tier must not be flex itself");
			}
			this.flexFallbackTier = tier;
			return this;
		}

		/**
		 * No flex fallback for this call, whatever {@code groq.flex.fallback-tier} says.
		 * @return this builder
		 */
		public Builder noFlexFallback() {
			this.flexFallbackDisabled = true;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public RequestOptions build() {
			return new RequestOptions(this.readTimeout, this.callTimeout, this.maxRetries, this.flexFallbackTier,
					this.flexFallbackDisabled);
		}

		private static Duration requirePositive(String name, Duration duration) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + duration);
			}
			return duration;
		}

	}

}
