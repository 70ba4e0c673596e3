package io.github.groqspring.autoconfigure;

import java.time.Duration;

import io.github.groqspring.GroqTemplateBuilder;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Groq. A value out of its range fails binding with a message
 * naming the property and the range, which Spring Boot's failure analysis prints with the
 * value and where it came from.
 */
@ConfigurationProperties("groq")
public class GroqProperties {

	/**
	 * API key for Groq (starts with gsk_), also read from the GROQ_API_KEY environment
	 * variable. Required while groq.base-url is Groq's cloud, where start-up fails with a
	 * failure analysis without it; not needed for any other base URL (an emulator, a proxy).
	 * Surrounding whitespace, such as a secret file's trailing line break, is dropped; a key
	 * with a control character inside (CR, LF, tab) fails start-up, naming the property and
	 * where it came from, never the key. Masked on the actuator's env and configprops
	 * endpoints.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of Groq's API, also read from the GROQ_BASE_URL environment variable. A
	 * trailing slash or /openai/v1 path is dropped, since every call adds it. An http:// or
	 * https:// URL without a user name or password (Groq authenticates with the API key
	 * alone): anything else fails start-up, with the URL's credentials masked.
	 */
	private String baseUrl = GroqTemplateBuilder.DEFAULT_BASE_URL;

	/**
	 * Model used by requests that name none, e.g. llama-3.3-70b-versatile: by
	 * GroqTemplate.complete(String) and by batch lines without a model. The health
	 * indicator checks that it is listed and active.
	 */
	private @Nullable String defaultModel;

	/**
	 * Service tier sent when neither the request nor @GroqTier (or GroqTierContext) chooses
	 * one: performance, on_demand, flex or auto (on-demand and ON_DEMAND bind too); any
	 * other value fails start-up naming the valid values. Unset sends no service_tier, so
	 * Groq serves on_demand: sending auto by default would give free-tier organisations a
	 * 400.
	 */
	private @Nullable ServiceTier defaultServiceTier;

	/**
	 * How long connecting to Groq may take; more than 0s. Unset: spring.http.clients.connect-timeout
	 * when that is set, else 5s.
	 */
	private @Nullable Duration connectTimeout;

	/**
	 * How long one attempt may take, from sending the request to the response's last byte,
	 * enforced while reading so that a server trickling bytes cannot stretch it (for a
	 * stream: the longest wait for bytes); more than 0s. Unset: spring.http.clients.read-timeout
	 * when that is set, else 60s.
	 */
	private @Nullable Duration readTimeout;

	/**
	 * Whole budget of one call: its attempts, the waits between them and a flex fallback;
	 * more than 0s. A retry whose wait would pass it is not made.
	 */
	private Duration callTimeout = Duration.ofMinutes(3);

	/**
	 * Most connections open to Groq at once (the size of Apache HttpClient 5's connection
	 * pool, whose own default of 5 per host would queue concurrent callers); at least 1.
	 */
	private int maxConnections = 64;

	private final TierAnnotation tierAnnotation = new TierAnnotation();

	private final Retry retry = new Retry();

	private final Flex flex = new Flex();

	private final RateLimit rateLimit = new RateLimit();

	private final Stream stream = new Stream();

	private final Ssl ssl = new Ssl();

	private final Proxy proxy = new Proxy();

	private final Audio audio = new Audio();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getDefaultModel() {
		return this.defaultModel;
	}

	public void setDefaultModel(@Nullable String defaultModel) {
		this.defaultModel = defaultModel;
	}

	public @Nullable ServiceTier getDefaultServiceTier() {
		return this.defaultServiceTier;
	}

	public void setDefaultServiceTier(@Nullable ServiceTier defaultServiceTier) {
		this.defaultServiceTier = defaultServiceTier;
	}

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = (connectTimeout != null) ? positive("groq.connect-timeout", connectTimeout, "5s") : null;
	}

	public @Nullable Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = (readTimeout != null) ? positive("groq.read-timeout", readTimeout, "60s") : null;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("groq.max-connections must be at least 1, such as 64");
		}
		this.maxConnections = maxConnections;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = positive("groq.call-timeout", callTimeout, "3m");
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Flex getFlex() {
		return this.flex;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public TierAnnotation getTierAnnotation() {
		return this.tierAnnotation;
	}

	public Stream getStream() {
		return this.stream;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public Audio getAudio() {
		return this.audio;
	}

	/**
	 * Observations of Groq calls.
	 */
	private final Observations observations = new Observations();

	public Observations getObservations() {
		return this.observations;
	}

	/**
	 * Settings of the observations of Groq calls.
	 */
	public static class Observations {

		/**
		 * Whether to log prompts and completions at DEBUG (category
		 * io.github.groqspring.content), for debugging. API keys in the text are masked.
		 */
		private boolean logContent;

		public boolean isLogContent() {
			return this.logContent;
		}

		public void setLogContent(boolean logContent) {
			this.logContent = logContent;
		}

	}

	private static Duration positive(String property, Duration value, String example) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be more than 0s, such as " + example);
		}
		return value;
	}

	private static Duration notNegative(String property, Duration value, String example) {
		if (value.isNegative()) {
			throw new IllegalArgumentException(property + " must be 0s or more, such as " + example);
		}
		return value;
	}

	@Override
	public String toString() {
		return "GroqProperties[apiKey=" + ((this.apiKey != null) ? "******" : "none") + ", baseUrl=" + this.baseUrl
				+ ", defaultModel=" + this.defaultModel + ", defaultServiceTier=" + this.defaultServiceTier + "]";
	}

	/**
	 * The @GroqTier annotation support.
	 */
	public static class TierAnnotation {

		/**
		 * Whether @GroqTier on beans' classes and methods chooses the service tier of the
		 * Groq calls they make.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Retries of transient failures: connection failures, timeouts, 408, 409, 429, 498, 5xx.
	 */
	public static class Retry {

		/**
		 * Retries after the first attempt, 0 or more; 0 switches retries off. Creating or
		 * cancelling a batch and uploading a file are never retried.
		 */
		private int maxRetries = 2;

		/**
		 * Backoff before the first retry, 0s or more; it doubles for each further retry,
		 * times a jitter factor between 0.75 and 1.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest backoff between two attempts, 0s or more.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest retry-after (or retry-after-ms) Groq may ask for and be obeyed, 0s or
		 * more; a longer one falls back to the backoff. No wait passes groq.call-timeout.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			if (maxRetries < 0) {
				throw new IllegalArgumentException("groq.retry.max-retries must be 0 (no retries) or more, such as 2");
			}
			this.maxRetries = maxRetries;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = notNegative("groq.retry.initial-backoff", initialBackoff, "500ms");
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = notNegative("groq.retry.max-backoff", maxBackoff, "8s");
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = notNegative("groq.retry.max-retry-after", maxRetryAfter, "60s");
		}

	}

	/**
	 * The flex tier.
	 */
	public static class Flex {

		/**
		 * Tier a flex request is sent again on when flex has no capacity (HTTP 498) after its
		 * retries, e.g. on_demand; not flex itself. The fallback has retries of its own, within
		 * groq.call-timeout. Unset lets the capacity exception reach the caller.
		 */
		private @Nullable ServiceTier fallbackTier;

		public @Nullable ServiceTier getFallbackTier() {
			return this.fallbackTier;
		}

		public void setFallbackTier(@Nullable ServiceTier fallbackTier) {
			if (fallbackTier == ServiceTier.FLEX) {
				throw new IllegalArgumentException(
						"groq.flex.fallback-tier must not be flex itself: use on_demand, auto or performance");
			}
			this.fallbackTier = fallbackTier;
		}

	}

	/**
	 * Pacing of chat completions to Groq's rate limits (requests per day, tokens per minute,
	 * per model and service tier).
	 */
	public static class RateLimit {

		/**
		 * Whether chat completions, blocking and streamed, are paced: each call's tokens are
		 * estimated and taken from a budget fed by Groq's x-ratelimit-* headers; a call the
		 * budget cannot afford yet waits for the refill, and one whose wait would pass
		 * groq.call-timeout fails at once, unsent, with RateLimitExhaustedException. Calls to a
		 * server that sends no rate-limit headers are never held.
		 */
		private boolean enabled = true;

		/**
		 * Where budgets are kept: memory (in the JVM, shared by every template with the same
		 * key) or redis (shared by every instance of the application, with
		 * groq-spring-boot-ratelimit-redis and a Redis connection; falls back to memory while
		 * Redis is unreachable).
		 */
		private Store store = Store.MEMORY;

		/**
		 * How long Groq's token bucket takes to refill (tokens per minute) until its reset
		 * headers tell; more than 0s. Only an emulator on a scaled clock needs another value.
		 */
		private Duration tokenWindow = Duration.ofMinutes(1);

		/**
		 * How long Groq's request bucket takes to refill (requests per day) until its reset
		 * headers tell; more than 0s.
		 */
		private Duration requestWindow = Duration.ofDays(1);

		private final Estimator estimator = new Estimator();

		private final Redis redis = new Redis();

		/**
		 * Whether calls are paced: false turns pacing off, as groq.rate-limit.enabled=false does.
		 */
		private @Nullable Boolean wait;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Duration getTokenWindow() {
			return this.tokenWindow;
		}

		public void setTokenWindow(Duration tokenWindow) {
			this.tokenWindow = positive("groq.rate-limit.token-window", tokenWindow, "1m");
		}

		public Duration getRequestWindow() {
			return this.requestWindow;
		}

		public void setRequestWindow(Duration requestWindow) {
			this.requestWindow = positive("groq.rate-limit.request-window", requestWindow, "1d");
		}

		public Estimator getEstimator() {
			return this.estimator;
		}

		public Redis getRedis() {
			return this.redis;
		}

		/**
		 * Whether calls are paced; replaced by groq.rate-limit.enabled.
		 * @return the value set, {@code null} when unset
		 */
		@DeprecatedConfigurationProperty(replacement = "groq.rate-limit.enabled", since = "0.1.0",
				reason = "Pacing replaced waiting for an exhausted limit's advertised reset.")
		@Deprecated(since = "0.1.0")
		public @Nullable Boolean getWait() {
			return this.wait;
		}

		@Deprecated(since = "0.1.0")
		public void setWait(@Nullable Boolean wait) {
			this.wait = wait;
		}

		/**
		 * Whether to pace: groq.rate-limit.enabled, or the deprecated groq.rate-limit.wait
		 * when only that is set to false.
		 * @return whether calls are paced
		 */
		public boolean isPacing() {
			return this.enabled && !Boolean.FALSE.equals(this.wait);
		}

	}

	/**
	 * Where rate-limit budgets are kept.
	 */
	public enum Store {

		/** In the JVM, shared by every template with the same key and base URL. */
		MEMORY,

		/** On Redis, shared by every instance of the application. */
		REDIS

	}

	/**
	 * How a call's tokens are estimated before it is sent.
	 */
	public static class Estimator {

		/**
		 * Characters per prompt token until a model's ratio is learned from Groq's usage;
		 * more than 0.
		 */
		private double charsPerToken = 4.0;

		/**
		 * Completion tokens a call is assumed to use until a model's average is learned
		 * (never more than its max_completion_tokens); 0 or more.
		 */
		private long completionTokens = 256;

		/**
		 * Whether a call with max_completion_tokens reserves all of them, as if Groq counted
		 * them when it admits a request (unconfirmed), instead of the model's average.
		 */
		private boolean reserveMaxCompletionTokens;

		public double getCharsPerToken() {
			return this.charsPerToken;
		}

		public void setCharsPerToken(double charsPerToken) {
			if (!(charsPerToken > 0) || Double.isInfinite(charsPerToken)) {
				throw new IllegalArgumentException(
						"groq.rate-limit.estimator.chars-per-token must be more than 0, such as 4");
			}
			this.charsPerToken = charsPerToken;
		}

		public long getCompletionTokens() {
			return this.completionTokens;
		}

		public void setCompletionTokens(long completionTokens) {
			if (completionTokens < 0) {
				throw new IllegalArgumentException(
						"groq.rate-limit.estimator.completion-tokens must be 0 or more, such as 256");
			}
			this.completionTokens = completionTokens;
		}

		public boolean isReserveMaxCompletionTokens() {
			return this.reserveMaxCompletionTokens;
		}

		public void setReserveMaxCompletionTokens(boolean reserveMaxCompletionTokens) {
			this.reserveMaxCompletionTokens = reserveMaxCompletionTokens;
		}

	}

	/**
	 * Budgets on Redis (groq.rate-limit.store=redis).
	 */
	public static class Redis {

		/**
		 * Longest a budget operation may wait for Redis before the call is paced in the JVM
		 * instead; more than 0s.
		 */
		private Duration timeout = Duration.ofMillis(250);

		/**
		 * How long to pace in the JVM after Redis failed before trying it again; more than 0s.
		 */
		private Duration retryInterval = Duration.ofSeconds(5);

		/**
		 * Prefix of the Redis keys of budgets; the rest of a key is a SHA-256 hash of the base
		 * URL and API key (never the key), the model and the tier.
		 */
		private String keyPrefix = "groq:rate-limit";

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = positive("groq.rate-limit.redis.timeout", timeout, "250ms");
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = positive("groq.rate-limit.redis.retry-interval", retryInterval, "5s");
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			if (keyPrefix.isBlank()) {
				throw new IllegalArgumentException("groq.rate-limit.redis.key-prefix must not be blank, such as "
						+ "groq:rate-limit");
			}
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * Groq's audio endpoints: transcriptions, translations and speech.
	 */
	public static class Audio {

		/**
		 * Largest audio file a transcription or translation may upload, checked before a
		 * byte is sent; more than 0B. Groq takes 25MB on every plan (larger files, up to
		 * 100MB on paid plans, go by URL, which is not checked); raise it only for a server
		 * that takes more, such as an emulator.
		 */
		private DataSize maxUploadSize = DataSize.ofMegabytes(25);

		public DataSize getMaxUploadSize() {
			return this.maxUploadSize;
		}

		public void setMaxUploadSize(DataSize maxUploadSize) {
			if (maxUploadSize.toBytes() < 1) {
				throw new IllegalArgumentException("groq.audio.max-upload-size must be more than 0B, such as 25MB");
			}
			this.maxUploadSize = maxUploadSize;
		}

	}

	/**
	 * Streaming chat completions.
	 */
	public static class Stream {

		/**
		 * How long a stream may wait for bytes before it fails with
		 * GroqStreamTimeoutException and its connection is dropped; more than 0s. Time the
		 * application spends between chunks does not count. Unset leaves groq.read-timeout as
		 * the only limit; the shorter of the two wins.
		 */
		private @Nullable Duration idleTimeout;

		public @Nullable Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(@Nullable Duration idleTimeout) {
			this.idleTimeout = (idleTimeout != null) ? positive("groq.stream.idle-timeout", idleTimeout,
					"30s (unset, only groq.read-timeout applies)") : null;
		}

	}

	/**
	 * TLS of the connections to Groq.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (configured with the spring.ssl.bundle.jks or
		 * spring.ssl.bundle.pem properties) whose trust material, client key, protocols and
		 * ciphers Groq's TLS connections use: for a private endpoint, or a TLS-inspecting proxy
		 * whose certificate authority the JVM does not trust. Unset:
		 * spring.http.clients.ssl.bundle when that is set, else the JVM's trust store (the
		 * javax.net.ssl system properties). A name no bundle has fails start-up, naming the
		 * bundles there are.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * The HTTP proxy Groq's calls go through.
	 */
	public static class Proxy {

		/**
		 * Host name or address of the HTTP proxy Groq's calls go through (https calls tunnel
		 * with CONNECT), e.g. proxy.corp.example; needs groq.proxy.port. Unset: the proxy the
		 * JVM's https.proxyHost, https.proxyPort and http.nonProxyHosts system properties
		 * choose, if any.
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy, 1 to 65535; required with groq.proxy.host.
		 */
		private @Nullable Integer port;

		/**
		 * User name the proxy asks for (HTTP 407, Basic authentication); unset for a proxy
		 * that asks for none.
		 */
		private @Nullable String username;

		/**
		 * Password of groq.proxy.username. Never printed: masked on the actuator's env and
		 * configprops endpoints, and not shown in start-up failures.
		 */
		private @Nullable String password;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			if (port != null && (port < 1 || port > 65535)) {
				throw new IllegalArgumentException("groq.proxy.port must be 1 to 65535, such as 3128");
			}
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

}
