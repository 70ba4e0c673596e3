package io.github.groqspring.autoconfigure;

import java.time.Duration;

import io.github.groqspring.GroqTemplateBuilder;
import io.github.groqspring.http.ProxySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;

/**
 * Hands Groq's HTTP settings to a {@link GroqTemplateBuilder}: each {@code groq.*} property
 * where it is set, else Boot's {@link HttpClientSettings} ({@code spring.http.clients.*}),
 * else the builder's default, as Boot does for the clients of HTTP service groups; Boot's
 * {@link ClientHttpRequestFactoryBuilder} bean as the request factory's starting point.
 * Boot's redirect setting does not apply: Groq's API never redirects, and no call follows
 * one. A value Groq cannot use fails start-up with a {@link GroqInvalidPropertyException}
 * naming the property.
 */
final class GroqHttpClientSettings {

	private final Environment environment;

	GroqHttpClientSettings(Environment environment) {
		this.environment = environment;
	}

	void apply(GroqTemplateBuilder builder, GroqProperties properties, @Nullable HttpClientSettings boot,
			@Nullable SslBundles sslBundles, @Nullable ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder) {
		Resolved resolved = resolve(properties, boot, sslBundles);
		Duration connectTimeout = resolved.connectTimeout();
		if (connectTimeout != null) {
			builder.connectTimeout(connectTimeout);
		}
		Duration readTimeout = resolved.readTimeout();
		if (readTimeout != null) {
			builder.readTimeout(readTimeout);
		}
		builder.sslBundle(resolved.sslBundle()).proxy(resolved.proxy()).requestFactoryBuilder(requestFactoryBuilder);
	}

	/**
	 * The settings Groq's calls get, each from {@code groq.*} where it is set, else from
	 * Boot's settings.
	 * @param properties the {@code groq.*} properties
	 * @param boot Boot's {@code HttpClientSettings} bean, or {@code null} without one
	 * @param sslBundles the SSL bundles, or {@code null} without any
	 * @return the settings; a {@code null} timeout leaves the builder's default
	 */
	Resolved resolve(GroqProperties properties, @Nullable HttpClientSettings boot, @Nullable SslBundles sslBundles) {
		HttpClientSettings spring = (boot != null) ? boot : HttpClientSettings.defaults();
		Duration connectTimeout = timeout(properties.getConnectTimeout(), spring.connectTimeout(), "connect-timeout");
		Duration readTimeout = timeout(properties.getReadTimeout(), spring.readTimeout(), "read-timeout");
		String bundleName = properties.getSsl().getBundle();
		SslBundle sslBundle = (bundleName != null) ? sslBundle(bundleName, sslBundles) : spring.sslBundle();
		return new Resolved(connectTimeout, readTimeout, sslBundle, proxy(properties.getProxy()));
	}

	/**
	 * The HTTP settings of Groq's calls, resolved.
	 * @param connectTimeout the connect timeout, or {@code null} for the builder's 5s
	 * @param readTimeout the read timeout, or {@code null} for the builder's 60s
	 * @param sslBundle the SSL bundle, or {@code null} for the JVM's trust store
	 * @param proxy the proxy, or {@code null} for the JVM's system properties'
	 */
	record Resolved(@Nullable Duration connectTimeout, @Nullable Duration readTimeout, @Nullable SslBundle sslBundle,
			@Nullable ProxySettings proxy) {
	}

	/** Groq's timeout, else Boot's, which must then be positive as Groq's must. */
	private @Nullable Duration timeout(@Nullable Duration groq, @Nullable Duration boot, String name) {
		if (groq != null || boot == null) {
			return groq;
		}
		if (boot.isNegative() || boot.isZero()) {
			String property = "spring.http.clients." + name;
			throw new GroqInvalidPropertyException(property, boot.toString(),
					GroqAutoConfiguration.origin(this.environment, property),
					"Groq's calls need a " + name + " of more than 0s, and groq." + name + " is not set",
					"Set groq." + name + " (which wins for Groq's calls) or " + property + " to more than 0s.");
		}
		return boot;
	}

	private SslBundle sslBundle(String name, @Nullable SslBundles sslBundles) {
		String property = "groq.ssl.bundle";
		String action = "Set groq.ssl.bundle to the name of a bundle configured under spring.ssl.bundle.jks.<name> "
				+ "or spring.ssl.bundle.pem.<name>, or remove it to use spring.http.clients.ssl.bundle or the JVM's "
				+ "trust store.";
		if (sslBundles == null || sslBundles.getBundleNames().isEmpty()) {
			throw new GroqInvalidPropertyException(property, name, GroqAutoConfiguration.origin(this.environment, property),
					"No SSL bundle is configured", action);
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new GroqInvalidPropertyException(property, name, GroqAutoConfiguration.origin(this.environment, property),
					"No SSL bundle is named '" + name + "'; the bundles are " + String.join(", ", sslBundles.getBundleNames()),
					action);
		}
	}

	private @Nullable ProxySettings proxy(GroqProperties.Proxy proxy) {
		String host = proxy.getHost();
		if (host == null || host.isBlank()) {
			if (proxy.getUsername() != null) {
				throw invalidProxy("groq.proxy.username", proxy.getUsername(), "groq.proxy.host is not set");
			}
			if (proxy.getPassword() != null) {
				throw invalidProxy("groq.proxy.password", null, "groq.proxy.host is not set");
			}
			return null;
		}
		boolean withPort = host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':');
		if (host.contains("/") || host.contains("@") || withPort) {
			throw invalidProxy("groq.proxy.host", shownHost(host),
					"A proxy host is a host name or address, without a scheme, port, path or credentials");
		}
		Integer port = proxy.getPort();
		if (port == null) {
			throw invalidProxy("groq.proxy.host", host, "groq.proxy.port is not set; a proxy needs both");
		}
		String username = proxy.getUsername();
		if (username == null || username.isEmpty()) {
			if (proxy.getPassword() != null) {
				throw invalidProxy("groq.proxy.password", null, "groq.proxy.username is not set");
			}
			return ProxySettings.of(host.trim(), port);
		}
		return ProxySettings.of(host.trim(), port).withCredentials(username, proxy.getPassword());
	}

	private GroqInvalidPropertyException invalidProxy(String property, @Nullable String shownValue, String reason) {
		return new GroqInvalidPropertyException(property, shownValue,
				GroqAutoConfiguration.origin(this.environment, property), reason,
				"Set groq.proxy.host to the proxy's host name or address (such as proxy.corp.example) and "
						+ "groq.proxy.port to its port; a proxy that asks for credentials gets groq.proxy.username and "
						+ "groq.proxy.password.");
	}

	/** A host as it may be shown: what stands before an {@code @} may be credentials. */
	private static String shownHost(String host) {
		int at = host.lastIndexOf('@');
		return (at < 0) ? host : "******" + host.substring(at);
	}

}
