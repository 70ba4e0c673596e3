package io.github.groqspring.internal.http;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Groq's base URL as the template uses it: normalised (no trailing {@code /} or
 * {@code /openai/v1}, which every path adds), checked (an {@code http://} or
 * {@code https://} URL with a host, a valid port, no query or fragment, and no user name or
 * password: Groq authenticates with the API key alone), and shown without credentials in
 * messages. The check parses the URL as {@link URI} does, so that a password holding an
 * unencoded {@code #}, {@code ?} or {@code /} (which ends the authority early, as in
 * {@code http://user:pa#ss@host}) is refused too, since what is left has no host, a port that
 * is not a number, or a fragment.
 */
public final class BaseUrls {

	/** Groq's cloud. */
	public static final String GROQ_CLOUD = "https://api.groq.com";

	private static final String OPENAI_PATH = "/openai/v1";

	private BaseUrls() {
	}

	/**
	 * Normalise and check a base URL.
	 * @param baseUrl e.g. {@code https://api.groq.com/openai/v1/}
	 * @return e.g. {@code https://api.groq.com}
	 * @throws IllegalArgumentException when the URL is not {@code http://} or
	 * {@code https://}, or holds a user name or password (which the message does not show)
	 */
	public static String normalize(String baseUrl) {
		String url = baseUrl.trim();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		if (url.endsWith(OPENAI_PATH)) {
			url = url.substring(0, url.length() - OPENAI_PATH.length());
		}
		if (!url.startsWith("http://") && !url.startsWith("https://")) {
			throw notHttp(baseUrl);
		}
		URI uri = parse(url);
		if (uri != null && uri.getRawUserInfo() == null && uri.getHost() != null && uri.getRawQuery() == null
				&& uri.getRawFragment() == null && uri.getPort() <= 65535) {
			return url;
		}
		if (uri == null && url.indexOf('@') < 0) {
			throw notHttp(url);
		}
		if (uri != null && uri.getRawUserInfo() == null && url.indexOf('@') < 0) {
			throw (uri.getHost() == null || uri.getPort() > 65535) ? notHttp(url)
					: new IllegalArgumentException("groq.base-url must not have a query or fragment, since every call "
							+ "appends its path (" + url + ")");
		}
		throw new IllegalArgumentException(
				"groq.base-url must not contain a user name or password (" + withoutUserInfo(url) + ")");
	}

	private static IllegalArgumentException notHttp(String url) {
		return new IllegalArgumentException("groq.base-url must be an http:// or https:// URL such as " + GROQ_CLOUD
				+ ", was '" + withoutUserInfo(url) + "'");
	}

	private static @Nullable URI parse(String url) {
		try {
			return new URI(url);
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * Whether a base URL is Groq's cloud, where calls need an API key.
	 * @param baseUrl the base URL
	 * @return {@code true} for {@code api.groq.com}
	 */
	public static boolean isGroqCloud(String baseUrl) {
		String lower = normalize(baseUrl).toLowerCase(Locale.ROOT);
		return lower.equals("https://api.groq.com") || lower.equals("http://api.groq.com");
	}

	/**
	 * A URL that is safe to show in a message: everything between {@code ://} and its last
	 * {@code @} is replaced by {@code ******}. Conservative on purpose: a password holding an
	 * unencoded {@code #}, {@code ?} or {@code /} hides where the user info ends, so any
	 * {@code @} may end one (an {@code @} in a path or query is masked with the host).
	 * @param url the URL as given
	 * @return e.g. {@code http://******@host:8080} for {@code http://user:secret@host:8080}
	 * or {@code http://user:pa#ss@host:8080}; the URL itself when it holds no {@code @}
	 */
	public static String withoutUserInfo(String url) {
		int scheme = url.indexOf("://");
		int at = url.lastIndexOf('@');
		return (scheme < 0 || at < scheme + 3) ? url : url.substring(0, scheme + 3) + ApiKeyMask.MASK + url.substring(at);
	}

}
