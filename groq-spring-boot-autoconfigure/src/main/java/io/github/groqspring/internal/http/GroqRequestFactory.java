package io.github.groqspring.internal.http;

import java.time.Duration;

import io.github.groqspring.http.ProxySettings;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * Builds the request factory Groq's calls go through, from one {@link Settings} object:
 * Apache HttpClient 5 when it is on the class path (a pool sized for concurrent callers, no
 * retries or gzip of its own, TLS from the SSL bundle or the JVM's defaults set up at the
 * first {@code https} connection, the proxy of the settings or else of the JVM's system
 * properties, each attempt's wait bounded by its budget), else the factory Boot detects.
 * Either way no redirect is followed: Groq's API never redirects, so a 3xx reaches
 * {@link GroqHttpClient} as an error instead of being followed to another host (as a
 * {@code GET}, after 301, 302 and 303).
 */
public final class GroqRequestFactory {

	/** The {@code User-Agent} every call sends. */
	public static final String USER_AGENT = "groq-spring-boot-starter";

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", GroqRequestFactory.class.getClassLoader());

	private GroqRequestFactory() {
	}

	/**
	 * Build a request factory.
	 * @param settings the timeouts, pool size, TLS, proxy and the builder to start from
	 * @return the factory; close it with {@link #closer(ClientHttpRequestFactory)}
	 * @throws IllegalStateException when a proxy is set but Apache HttpClient 5 is not on
	 * the class path
	 */
	public static ClientHttpRequestFactory create(Settings settings) {
		HttpClientSettings http = HttpClientSettings.defaults()
			.withTimeouts(settings.connectTimeout(), settings.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withSslBundle(settings.sslBundle());
		if (HTTP_COMPONENTS_PRESENT) {
			return HttpComponents.requestFactory(http, settings);
		}
		if (settings.proxy() != null) {
			throw new IllegalStateException("A Groq proxy (groq.proxy.host) needs Apache HttpClient 5 "
					+ "(org.apache.httpcomponents.client5:httpclient5) on the class path; without it, set the JVM's "
					+ "https.proxyHost and https.proxyPort system properties");
		}
		ClientHttpRequestFactoryBuilder<?> base = settings.base();
		return ((base != null) ? base : ClientHttpRequestFactoryBuilder.detect()).build(http);
	}

	/**
	 * Whether the factories {@link #create} builds send the {@code User-Agent} themselves
	 * (Apache HttpClient 5 does, which saves copying one more header through
	 * {@code RestClient} on every call); otherwise it is a default header of the client.
	 * @return {@code true} with Apache HttpClient 5 on the class path
	 */
	public static boolean sendsUserAgent() {
		return HTTP_COMPONENTS_PRESENT;
	}

	/**
	 * What releases a factory's resources (its connection pool).
	 * @param factory the factory
	 * @return what closes it, or {@code null} when it holds nothing to close
	 */
	public static @Nullable AutoCloseable closer(ClientHttpRequestFactory factory) {
		if (factory instanceof DisposableBean disposable) {
			return disposable::destroy;
		}
		return (factory instanceof AutoCloseable closeable) ? closeable : null;
	}

	/**
	 * The settings of the request factory.
	 *
	 * @param connectTimeout how long connecting may take
	 * @param readTimeout how long one attempt may wait for its response
	 * @param maxConnections the size of the connection pool (Apache HttpClient 5 only)
	 * @param sslBundle the trust material and client key for TLS, or {@code null} for the
	 * JVM's defaults ({@code javax.net.ssl.*})
	 * @param proxy the proxy calls go through, or {@code null} for the one the JVM's system
	 * properties choose, if any (Apache HttpClient 5 only)
	 * @param base the builder to start from (Boot's bean, with the application's
	 * customizations), or {@code null}: with Apache HttpClient 5 on the class path it is
	 * used only when it builds Apache HttpClient 5 factories, otherwise whatever it builds
	 */
	public record Settings(Duration connectTimeout, Duration readTimeout, int maxConnections,
			@Nullable SslBundle sslBundle, @Nullable ProxySettings proxy,
			@Nullable ClientHttpRequestFactoryBuilder<?> base) {

		/**
		 * Settings with the JVM's TLS and proxy defaults, built from scratch.
		 * @param connectTimeout how long connecting may take
		 * @param readTimeout how long one attempt may wait for its response
		 * @param maxConnections the size of the connection pool
		 */
		public Settings(Duration connectTimeout, Duration readTimeout, int maxConnections) {
			this(connectTimeout, readTimeout, maxConnections, null, null, null);
		}

	}

	/** Kept apart so that this class loads without Apache HttpClient 5 on the class path. */
	private static final class HttpComponents {

		static ClientHttpRequestFactory requestFactory(HttpClientSettings http, Settings settings) {
			// The application's customizations of Boot's builder (if it is HttpClient 5's) run first, then these.
			// HttpClient 5 retries 429 and 503 by itself: switched off, so retries happen in one layer only.
			// No gzip: a decompressing stream could not be aborted at a deadline without reading it to its end.
			// No redirects, whatever a customization of the builder set.
			// Each attempt waits for its response at most as long as its budget has left.
			// TLS (the bundle's SSLContext, or the default one and the public suffix list) is set up at the
			// first https connection. Without a proxy of the settings, Boot's builder routes through the one the
			// JVM's system properties choose (useSystemProperties: ProxySelector.getDefault()).
			int pool = settings.maxConnections();
			ProxySettings proxy = settings.proxy();
			HttpComponentsClientHttpRequestFactoryBuilder base = (settings
				.base() instanceof HttpComponentsClientHttpRequestFactoryBuilder builder) ? builder
						: ClientHttpRequestFactoryBuilder.httpComponents();
			return base.withTlsSocketStrategyFactory((sslBundle) -> new LazyTlsSocketStrategy(() -> tls(sslBundle)))
				.withHttpClientCustomizer((client) -> {
					client.disableAutomaticRetries()
						.disableContentCompression()
						.disableRedirectHandling()
						.setUserAgent(USER_AGENT);
					if (proxy != null) {
						proxy(client, proxy);
					}
				})
				.withCustomizer((factory) -> factory.setHttpContextFactory((method, uri) -> attemptContext()))
				.withConnectionManagerCustomizer((manager) -> manager.setMaxConnTotal(pool).setMaxConnPerRoute(pool))
				.build(http);
		}

		/** As Boot's own strategy for a bundle (its protocols and ciphers), else HttpClient 5's system default. */
		private static TlsSocketStrategy tls(@Nullable SslBundle bundle) {
			if (bundle == null) {
				return DefaultClientTlsStrategy.createSystemDefault();
			}
			SslOptions options = bundle.getOptions();
			return new DefaultClientTlsStrategy(bundle.createSslContext(), options.getEnabledProtocols(),
					options.getCiphers(), null, new DefaultHostnameVerifier());
		}

		private static void proxy(HttpClientBuilder client, ProxySettings proxy) {
			HttpHost host = new HttpHost("http", proxy.host(), proxy.port());
			client.setProxy(host);
			String username = proxy.username();
			if (username != null) {
				String password = proxy.password();
				BasicCredentialsProvider credentials = new BasicCredentialsProvider();
				credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(username,
						(password != null) ? password.toCharArray() : new char[0]));
				client.setDefaultCredentialsProvider(credentials);
			}
		}

		private static @Nullable HttpContext attemptContext() {
			Long millis = AttemptTimeout.currentMillis();
			if (millis == null) {
				return null;
			}
			HttpClientContext context = HttpClientContext.create();
			context.setRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.ofMilliseconds(millis))
				.setConnectionRequestTimeout(Timeout.ofMilliseconds(millis))
				.build());
			return context;
		}

	}

}
