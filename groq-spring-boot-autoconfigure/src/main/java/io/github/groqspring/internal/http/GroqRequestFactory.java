package io.github.groqspring.internal.http;

import java.time.Duration;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * Builds the request factory Groq's calls go through, from one {@link Settings} object:
 * Apache HttpClient 5 when it is on the class path (a pool sized for concurrent callers, no
 * retries or gzip of its own, TLS set up at the first {@code https} connection, each
 * attempt's wait bounded by its budget), else the factory Boot detects. Either way no
 * redirect is followed: Groq's API never redirects, so a 3xx reaches
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
	 * @param settings the timeouts and pool size
	 * @return the factory; close it with {@link #closer(ClientHttpRequestFactory)}
	 */
	public static ClientHttpRequestFactory create(Settings settings) {
		HttpClientSettings http = HttpClientSettings.defaults()
			.withTimeouts(settings.connectTimeout(), settings.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		if (HTTP_COMPONENTS_PRESENT) {
			return HttpComponents.requestFactory(http, settings.maxConnections());
		}
		return ClientHttpRequestFactoryBuilder.detect().build(http);
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
	 */
	public record Settings(Duration connectTimeout, Duration readTimeout, int maxConnections) {
	}

	/** Kept apart so that this class loads without Apache HttpClient 5 on the class path. */
	private static final class HttpComponents {

		static ClientHttpRequestFactory requestFactory(HttpClientSettings settings, int pool) {
			// HttpClient 5 retries 429 and 503 by itself: switched off, so retries happen in one layer only.
			// No gzip: a decompressing stream could not be aborted at a deadline without reading it to its end.
			// Each attempt waits for its response at most as long as its budget has left.
			// TLS (the default SSLContext, the public suffix list) is set up at the first https connection.
			return ClientHttpRequestFactoryBuilder.httpComponents()
				.withTlsSocketStrategyFactory((sslBundle) -> new LazyTlsSocketStrategy())
				.withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
					.disableContentCompression()
					.setUserAgent(USER_AGENT))
				.withCustomizer((factory) -> factory.setHttpContextFactory((method, uri) -> attemptContext()))
				.withConnectionManagerCustomizer((manager) -> manager.setMaxConnTotal(pool).setMaxConnPerRoute(pool))
				.build(settings);
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
