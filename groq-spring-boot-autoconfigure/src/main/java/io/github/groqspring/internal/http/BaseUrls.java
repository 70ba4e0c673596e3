package io.github.groqspring.internal.http;

import java.util.Locale;

/**
 * Groq's base URL as the template uses it: normalised (no trailing {@code /} or
 * {@code /openai/v1}, which every path adds), checked (an {@code http://} or
 * {@code https://} URL without user name or password: Groq authenticates with the API key
 * alone), and shown without credentials in messages.
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
			throw new IllegalArgumentException("groq.base-url must be an http:// or https:// URL such as "
					+ GROQ_CLOUD + ", was '" + withoutUserInfo(baseUrl) + "'");
		}
		if (userInfoEnd(url) >= 0) {
			throw new IllegalArgumentException(
					"groq.base-url must not contain a user name or password (" + withoutUserInfo(url) + ")");
		}
		return url;
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
	 * A URL with its user name and password, if any, replaced by {@code ******}: safe to
	 * show in a message.
	 * @param url the URL as given
	 * @return e.g. {@code http://******@host:8080} for {@code http://user:secret@host:8080}
	 */
	public static String withoutUserInfo(String url) {
		int end = userInfoEnd(url);
		return (end < 0) ? url : url.substring(0, url.indexOf("://") + 3) + ApiKeyMask.MASK + url.substring(end);
	}

	/** The index of the {@code @} that ends the URL's user info, or -1 when it has none. */
	private static int userInfoEnd(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return -1;
		}
		int start = scheme + 3;
		int end = start;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		int at = url.lastIndexOf('@', end - 1);
		return (at >= start) ? at : -1;
	}

}
