package io.github.groqspring;

import java.time.Duration;

import io.github.groqspring.audio.AudioLimits;
import io.github.groqspring.http.ProxySettings;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.http.ApiKeyMask;
import io.github.groqspring.internal.http.BaseUrls;
import io.github.groqspring.internal.http.CallBudget;
import io.github.groqspring.internal.http.GroqHttpClient;
import io.github.groqspring.internal.http.GroqJsonMapper;
import io.github.groqspring.internal.http.GroqRequestFactory;
import io.github.groqspring.internal.observation.GroqContentLogger;
import io.github.groqspring.internal.observation.GroqObserver;
import io.github.groqspring.internal.ratelimit.RateLimitPacer;
import io.github.groqspring.observation.GroqObservationConvention;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.RateLimitSettings;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link GroqTemplate} from its settings: where Groq is, the key, defaults, timeouts,
 * TLS, proxy, retries and observations. The auto-configuration uses it (and applies the
 * {@link GroqTemplateBuilderCustomizer} beans to it); so can code without Spring Boot's
 * auto-configuration, and tests. {@link GroqTemplate#mutate()} returns one seeded with a
 * template's settings. It only collects and checks settings: the HTTP client, TLS and Groq's
 * {@code JsonMapper} are made from them when it builds. Not thread-safe.
 */
public final class GroqTemplateBuilder {

	/** Groq's cloud. */
	public static final String DEFAULT_BASE_URL = BaseUrls.GROQ_CLOUD;

	private @Nullable String apiKey;

	private String baseUrl = DEFAULT_BASE_URL;

	private @Nullable String defaultModel;

	private @Nullable ServiceTier defaultServiceTier;

	private RestClient.@Nullable Builder restClientBuilder;

	private @Nullable JsonMapper jsonMapper;

	private @Nullable ClientHttpRequestFactory requestFactory;

	private @Nullable ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private @Nullable SslBundle sslBundle;

	private @Nullable ProxySettings proxy;

	private Duration connectTimeout = Duration.ofSeconds(5);

	private Duration readTimeout = Duration.ofSeconds(60);

	private int maxConnections = 64;

	private Duration callTimeout = Duration.ofMinutes(3);

	private RetrySettings retry = RetrySettings.DEFAULTS;

	private @Nullable ServiceTier flexFallbackTier;

	private RateLimitSettings rateLimiting = RateLimitSettings.DEFAULTS;

	private @Nullable Duration streamIdleTimeout;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable GroqObservationConvention observationConvention;

	private boolean logContent;

	/** Groq's mapper derived from {@link #jsonMapper}, kept by a template's copy so that mutate() reuses it. */
	private @Nullable JsonMapper groqJsonMapper;

	private AudioLimits audioLimits = AudioLimits.DEFAULT;

	GroqTemplateBuilder() {
	}

	/** A copy of another builder's settings: what a template keeps, and what mutate() starts from. */
	GroqTemplateBuilder(GroqTemplateBuilder source) {
		this.apiKey = source.apiKey;
		this.baseUrl = source.baseUrl;
		this.defaultModel = source.defaultModel;
		this.defaultServiceTier = source.defaultServiceTier;
		this.restClientBuilder = source.restClientBuilder;
		this.jsonMapper = source.jsonMapper;
		this.groqJsonMapper = source.groqJsonMapper;
		this.requestFactory = source.requestFactory;
		this.requestFactoryBuilder = source.requestFactoryBuilder;
		this.sslBundle = source.sslBundle;
		this.proxy = source.proxy;
		this.connectTimeout = source.connectTimeout;
		this.readTimeout = source.readTimeout;
		this.maxConnections = source.maxConnections;
		this.callTimeout = source.callTimeout;
		this.retry = source.retry;
		this.flexFallbackTier = source.flexFallbackTier;
		this.rateLimiting = source.rateLimiting;
		this.streamIdleTimeout = source.streamIdleTimeout;
		this.observationRegistry = source.observationRegistry;
		this.observationConvention = source.observationConvention;
		this.logContent = source.logContent;
		this.audioLimits = source.audioLimits;
	}

	/**
	 * The API key, sent as {@code Authorization: Bearer}. Surrounding whitespace (such as
	 * the trailing line break of a secret file) is dropped.
	 * @param apiKey the key ({@code gsk_...}); {@code null} sends no authorization
	 * @return this builder
	 * @throws IllegalArgumentException when the key holds a control character such as CR
	 * or LF (which would end the header and start another); the message does not show the
	 * key
	 */
	public GroqTemplateBuilder apiKey(@Nullable String apiKey) {
		String key = (apiKey != null && !apiKey.isBlank()) ? apiKey.trim() : null;
		if (key != null) {
			requireOneLine(key);
		}
		this.apiKey = key;
		return this;
	}

	/**
	 * Where Groq is; a trailing {@code /} or {@code /openai/v1} is dropped, since every path
	 * adds it.
	 * @param baseUrl e.g. {@code https://api.groq.com} or an emulator's URL
	 * @return this builder
	 * @throws IllegalArgumentException when the URL is not {@code http://} or
	 * {@code https://}, or holds a user name or password (which the message does not show):
	 * Groq authenticates with the API key alone
	 */
	public GroqTemplateBuilder baseUrl(String baseUrl) {
		this.baseUrl = BaseUrls.normalize(baseUrl);
		return this;
	}

	/**
	 * The model used when a request names none.
	 * @param defaultModel the model id, may be {@code null}
	 * @return this builder
	 */
	public GroqTemplateBuilder defaultModel(@Nullable String defaultModel) {
		this.defaultModel = (defaultModel != null && !defaultModel.isBlank()) ? defaultModel : null;
		return this;
	}

	/**
	 * The tier used when nothing more specific sets one; {@code null} sends none.
	 * @param defaultServiceTier the tier
	 * @return this builder
	 */
	public GroqTemplateBuilder defaultServiceTier(@Nullable ServiceTier defaultServiceTier) {
		this.defaultServiceTier = defaultServiceTier;
		return this;
	}

	/**
	 * The builder to derive the HTTP client from (Boot's, to keep customizers and
	 * observations). It is cloned, never changed.
	 * @param restClientBuilder the builder
	 * @return this builder
	 */
	public GroqTemplateBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	/**
	 * The mapper to derive Groq's mapper from (the application's, to keep its modules). The
	 * settings that would change Groq's wire format (naming strategies, root wrapping,
	 * failing on unknown response fields) are reset in the derived copy; this mapper is not
	 * changed.
	 * @param jsonMapper the mapper
	 * @return this builder
	 */
	public GroqTemplateBuilder jsonMapper(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		this.groqJsonMapper = null;
		return this;
	}

	/**
	 * A request factory to use instead of the one built from the timeouts, pool size, SSL
	 * bundle and proxy, none of which then apply. The caller owns it: the template does not
	 * close it, and templates derived with {@link GroqTemplate#mutate()} share it. It should
	 * follow no redirect, as the template's own factory does: a 3xx it hands back becomes a
	 * {@link io.github.groqspring.error.GroqRedirectException}, but a redirect it follows
	 * itself cannot be seen.
	 * @param requestFactory the factory, or {@code null} to build one from the settings
	 * @return this builder
	 */
	public GroqTemplateBuilder requestFactory(@Nullable ClientHttpRequestFactory requestFactory) {
		this.requestFactory = requestFactory;
		return this;
	}

	/**
	 * The builder the template's request factory starts from: Boot's
	 * {@code ClientHttpRequestFactoryBuilder} bean, so that the application's
	 * customizations of it ({@code ClientHttpRequestFactoryBuilderCustomizer} beans: an
	 * interceptor, a route planner) apply to Groq's calls too. Groq's own settings are
	 * applied on top of it: timeouts, pool size, TLS from the SSL bundle or the JVM, the
	 * proxy, no redirects, no retries or gzip of HttpClient 5's own (a TLS socket strategy
	 * set on it is replaced). With Apache HttpClient 5 on the class path only a builder of
	 * HttpClient 5 factories is used: Groq's calls measured several times slower on the
	 * JDK's client, and the per-attempt deadline, pool size and proxy need HttpClient 5;
	 * another kind of builder is ignored then (pass a factory to
	 * {@link #requestFactory(ClientHttpRequestFactory)} to use another client anyway).
	 * @param requestFactoryBuilder the builder, or {@code null} for Boot's defaults
	 * @return this builder
	 */
	public GroqTemplateBuilder requestFactoryBuilder(
			@Nullable ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder) {
		this.requestFactoryBuilder = requestFactoryBuilder;
		return this;
	}

	/**
	 * The SSL bundle TLS connections use: its trust material (for a private endpoint or a
	 * TLS-inspecting proxy whose certificate authority the JVM does not trust), its key (a
	 * client certificate), protocols and ciphers. Host names are verified as always.
	 * @param sslBundle the bundle (e.g. {@code sslBundles.getBundle("groq")}), or
	 * {@code null} (the default) for the JVM's trust store and no client certificate
	 * @return this builder
	 */
	public GroqTemplateBuilder sslBundle(@Nullable SslBundle sslBundle) {
		this.sslBundle = sslBundle;
		return this;
	}

	/**
	 * The HTTP proxy calls go through (Apache HttpClient 5 only), instead of the one the
	 * JVM's {@code https.proxyHost}, {@code https.proxyPort} and {@code http.nonProxyHosts}
	 * system properties choose, which apply when none is set here.
	 * @param proxy the proxy, or {@code null} (the default) for the system properties'
	 * @return this builder
	 */
	public GroqTemplateBuilder proxy(@Nullable ProxySettings proxy) {
		this.proxy = proxy;
		return this;
	}

	/**
	 * How long connecting may take.
	 * @param connectTimeout a positive duration (default 5 s)
	 * @return this builder
	 */
	public GroqTemplateBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = requirePositive("connectTimeout", connectTimeout);
		return this;
	}

	/**
	 * How long one attempt may take, from sending to the response's last byte (for a
	 * stream: the longest wait for bytes).
	 * @param readTimeout a positive duration (default 60 s)
	 * @return this builder
	 */
	public GroqTemplateBuilder readTimeout(Duration readTimeout) {
		this.readTimeout = requirePositive("readTimeout", readTimeout);
		return this;
	}

	/**
	 * The size of the connection pool (Apache HttpClient 5 only).
	 * @param maxConnections at least 1 (default 64)
	 * @return this builder
	 */
	public GroqTemplateBuilder maxConnections(int maxConnections) {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
		}
		this.maxConnections = maxConnections;
		return this;
	}

	/**
	 * The whole budget of one call: attempts, waits between them and a flex fallback.
	 * @param callTimeout a positive duration (default 3 min)
	 * @return this builder
	 */
	public GroqTemplateBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = requirePositive("callTimeout", callTimeout);
		return this;
	}

	/**
	 * Where each call's observation goes (one per call, retries included); the default
	 * observes nothing.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public GroqTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * How transient failures are retried.
	 * @param retry the settings (default: 2 retries, 0.5 s to 8 s backoff)
	 * @return this builder
	 */
	public GroqTemplateBuilder retry(RetrySettings retry) {
		this.retry = retry;
		return this;
	}

	/**
	 * The convention that names observations and derives their key values, instead of
	 * {@link io.github.groqspring.observation.DefaultGroqObservationConvention}.
	 * @param observationConvention the convention
	 * @return this builder
	 */
	public GroqTemplateBuilder observationConvention(GroqObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * The tier a flex request is sent again on when flex has no capacity (HTTP 498) after
	 * its retries; the fallback has retries of its own, within the same call timeout, and
	 * the attempts count across both tiers. {@code null} (the default) lets the capacity
	 * exception reach the caller.
	 * @param flexFallbackTier e.g. {@link ServiceTier#ON_DEMAND}
	 * @return this builder
	 */
	public GroqTemplateBuilder flexFallbackTier(@Nullable ServiceTier flexFallbackTier) {
		if (flexFallbackTier == ServiceTier.FLEX) {
			throw new IllegalArgumentException("groq.flex.fallback-tier must not be flex itself; use on_demand, auto "
					+ "or performance");
		}
		this.flexFallbackTier = flexFallbackTier;
		return this;
	}

	/**
	 * How chat completions are paced to Groq's rate limits: on by default, with budgets
	 * kept in the JVM and shared by every template with the same key and base URL
	 * ({@link RateLimitSettings#DEFAULTS}); {@link RateLimitSettings#OFF} sends every call at
	 * once.
	 * @param rateLimiting the settings
	 * @return this builder
	 */
	public GroqTemplateBuilder rateLimiting(RateLimitSettings rateLimiting) {
		this.rateLimiting = rateLimiting;
		return this;
	}

	/**
	 * Whether calls are paced to Groq's rate limits: waiting within their budget for the
	 * refill instead of being sent into a 429.
	 * @param rateLimitWait {@code true} to pace (the default), {@code false} for none
	 * @return this builder
	 * @deprecated since 0.1.0: pacing replaced the wait for an advertised reset; use
	 * {@link #rateLimiting(RateLimitSettings)}
	 */
	@Deprecated(since = "0.1.0")
	public GroqTemplateBuilder rateLimitWait(boolean rateLimitWait) {
		this.rateLimiting = this.rateLimiting.withEnabled(rateLimitWait);
		return this;
	}

	/**
	 * How long a stream may wait for bytes before it fails with a
	 * {@link io.github.groqspring.stream.GroqStreamTimeoutException} and its connection is
	 * dropped. The socket's read timeout applies too, so the shorter of the two wins.
	 * @param streamIdleTimeout a positive duration, or {@code null} (the default) for the
	 * read timeout alone
	 * @return this builder
	 */
	public GroqTemplateBuilder streamIdleTimeout(@Nullable Duration streamIdleTimeout) {
		this.streamIdleTimeout = (streamIdleTimeout != null)
				? requirePositive("streamIdleTimeout (groq.stream.idle-timeout)", streamIdleTimeout) : null;
		return this;
	}

	/**
	 * Whether to log prompts and completions at DEBUG under
	 * {@code io.github.groqspring.content}, for debugging; API keys in them are masked.
	 * @param logContent {@code true} to log them (default {@code false})
	 * @return this builder
	 */
	public GroqTemplateBuilder logContent(boolean logContent) {
		this.logContent = logContent;
		return this;
	}

	/**
	 * The largest audio file an upload to the audio endpoints may carry, checked before a
	 * byte is sent.
	 * @param maxAudioUploadSize at least 1 byte (default 25 MB, Groq's limit on every plan)
	 * @return this builder
	 */
	public GroqTemplateBuilder maxAudioUploadSize(DataSize maxAudioUploadSize) {
		if (maxAudioUploadSize.toBytes() < 1) {
			throw new IllegalArgumentException("maxAudioUploadSize must be at least 1 byte, was " + maxAudioUploadSize);
		}
		this.audioLimits = new AudioLimits(maxAudioUploadSize.toBytes());
		return this;
	}

	/**
	 * Build the template. Each template built has a connection pool of its own (unless a
	 * {@link #requestFactory(ClientHttpRequestFactory) request factory} is passed in), and
	 * this builder may build more.
	 * @return the template; close it to release its connection pool
	 */
	public GroqTemplate build() {
		ClientHttpRequestFactory factory = (this.requestFactory != null) ? this.requestFactory
				: GroqRequestFactory.create(new GroqRequestFactory.Settings(this.connectTimeout, this.readTimeout,
						this.maxConnections, this.sslBundle, this.proxy, this.requestFactoryBuilder));
		AutoCloseable owned = (this.requestFactory != null) ? null : GroqRequestFactory.closer(factory);
		RetrySettings retry = this.retry;
		Duration readTimeout = this.readTimeout;
		Duration callTimeout = this.callTimeout;
		GroqTemplateBuilder settings = new GroqTemplateBuilder(this);
		JsonMapper groqMapper = (this.groqJsonMapper != null) ? this.groqJsonMapper
				: GroqJsonMapper.derive(this.jsonMapper);
		settings.groqJsonMapper = groqMapper;
		GroqHttpClient httpClient = new GroqHttpClient(restClient(factory), groqMapper, owned,
				() -> CallBudget.start(retry, readTimeout, callTimeout), ApiKeyMask.of(this.apiKey));
		return new GroqTemplate(httpClient, this.baseUrl, this.defaultModel, this.defaultServiceTier,
				new GroqTemplate.CallPolicy(this.retry, this.readTimeout, this.callTimeout, this.flexFallbackTier),
				this.streamIdleTimeout, new GroqObserver(this.observationRegistry, this.observationConvention,
						this.logContent ? new GroqContentLogger(this.apiKey) : null),
				settings, this.audioLimits, this.rateLimiting.enabled()
						? new RateLimitPacer(this.rateLimiting, BudgetKey.hash(this.baseUrl, this.apiKey)) : null);
	}

	/**
	 * These settings as a view without observations keeps them: no registry, convention or
	 * content logging.
	 */
	GroqTemplateBuilder withoutObservations() {
		GroqTemplateBuilder settings = new GroqTemplateBuilder(this);
		settings.observationRegistry = ObservationRegistry.NOOP;
		settings.observationConvention = null;
		settings.logContent = false;
		return settings;
	}

	/**
	 * The client with the base URL, the API key and the {@code User-Agent}: a request
	 * factory of {@link GroqRequestFactory}'s sends the latter itself, which saves copying
	 * one more header through {@code RestClient} on every call.
	 */
	private RestClient restClient(ClientHttpRequestFactory factory) {
		RestClient.Builder builder = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
				: RestClient.builder();
		String key = this.apiKey;
		boolean userAgentSent = this.requestFactory == null && GroqRequestFactory.sendsUserAgent();
		return builder.baseUrl(this.baseUrl).requestFactory(factory).defaultHeaders((headers) -> {
			if (key != null) {
				headers.setBearerAuth(key);
			}
			if (!userAgentSent) {
				headers.set(HttpHeaders.USER_AGENT, GroqRequestFactory.USER_AGENT);
			}
		}).build();
	}

	private static void requireOneLine(String key) {
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isISOControl(c)) {
				throw new IllegalArgumentException(String.format("The Groq API key contains a control character "
						+ "(U+%04X) at index %d; a key is one line of printable characters (the key is not shown)",
						(int) c, i));
			}
		}
	}

	private static Duration requirePositive(String name, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		return duration;
	}

}
