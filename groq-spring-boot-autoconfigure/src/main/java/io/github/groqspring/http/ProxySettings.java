package io.github.groqspring.http;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP proxy Groq's calls go through ({@code groq.proxy.*}), instead of the one the
 * JVM's {@code https.proxyHost} / {@code http.nonProxyHosts} system properties choose: an
 * {@code https} call opens a tunnel with {@code CONNECT}, an {@code http} one is sent to
 * the proxy in absolute form. With a user name, the proxy's {@code Basic} challenge
 * ({@code 407}) is answered with these credentials. {@link #toString()} never shows the
 * password.
 *
 * @param host the proxy's host name or address, e.g. {@code proxy.corp.example}
 * @param port the proxy's port, 1 to 65535
 * @param username the user name the proxy asks for, or {@code null} for none
 * @param password the password, or {@code null}; only with a user name
 */
public record ProxySettings(String host, int port, @Nullable String username, @Nullable String password) {

	public ProxySettings {
		if (host.isBlank() || host.contains("/") || host.contains("@")) {
			throw new IllegalArgumentException("A proxy host is a host name or address such as proxy.corp.example, "
					+ "without a scheme, path or credentials");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("A proxy port is 1 to 65535, was " + port);
		}
		if (username != null && username.isEmpty()) {
			username = null;
		}
		if (password != null && username == null) {
			throw new IllegalArgumentException("A proxy password needs a user name");
		}
	}

	/**
	 * A proxy that asks for no credentials.
	 * @param host the proxy's host
	 * @param port the proxy's port
	 * @return the settings
	 */
	public static ProxySettings of(String host, int port) {
		return new ProxySettings(host, port, null, null);
	}

	/**
	 * These settings with credentials for the proxy.
	 * @param username the user name
	 * @param password the password, may be {@code null}
	 * @return new settings
	 */
	public ProxySettings withCredentials(String username, @Nullable String password) {
		return new ProxySettings(this.host, this.port, username, password);
	}

	@Override
	public String toString() {
		return "ProxySettings[host=" + this.host + ", port=" + this.port + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "******" : "none") + "]";
	}

}
