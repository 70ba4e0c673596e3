package io.github.groqspring.internal.http;

import java.util.regex.Pattern;

import io.github.groqspring.error.GroqError;
import org.jspecify.annotations.Nullable;

/**
 * Masks API keys in text that came from a response (error messages, error pages, bodies) or
 * is about to be logged: the configured key wherever it appears, and anything shaped like a
 * Groq key ({@code gsk_...}), so that a server echoing a key back never gets it into an
 * exception, a log line or a health detail. Used on error paths only: a successful call
 * never pays for it.
 */
public final class ApiKeyMask {

	/** What a key is replaced with. */
	public static final String MASK = "******";

	/** Masks keys shaped like Groq's only: for code that does not know the configured key. */
	public static final ApiKeyMask GROQ_KEYS = new ApiKeyMask(null);

	private static final Pattern GROQ_KEY = Pattern.compile("gsk_[A-Za-z0-9]+");

	private final @Nullable String apiKey;

	private ApiKeyMask(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * A mask for the key calls are sent with.
	 * @param apiKey the configured key; {@code null} or blank masks Groq-shaped keys only
	 * @return the mask
	 */
	public static ApiKeyMask of(@Nullable String apiKey) {
		return (apiKey != null && !apiKey.isBlank()) ? new ApiKeyMask(apiKey) : GROQ_KEYS;
	}

	/**
	 * Mask the keys in a text: the configured key becomes {@value #MASK}, any other
	 * {@code gsk_...} becomes {@code gsk_******}.
	 * @param text the text
	 * @return the text without keys
	 */
	public String mask(String text) {
		String masked = (this.apiKey != null) ? text.replace(this.apiKey, MASK) : text;
		return (masked.contains("gsk_")) ? GROQ_KEY.matcher(masked).replaceAll("gsk_" + MASK) : masked;
	}

	/**
	 * Mask the keys in a text that may be absent.
	 * @param text the text, or {@code null}
	 * @return the text without keys, or {@code null}
	 */
	public @Nullable String maskNullable(@Nullable String text) {
		return (text != null) ? mask(text) : null;
	}

	/**
	 * Mask the keys in every field of Groq's error object.
	 * @param error the error as Groq sent it
	 * @return the error without keys ({@code error} itself when it held none)
	 */
	public GroqError mask(GroqError error) {
		GroqError masked = new GroqError(maskNullable(error.message()), maskNullable(error.type()),
				maskNullable(error.code()), maskNullable(error.param()), maskNullable(error.failedGeneration()));
		return masked.equals(error) ? error : masked;
	}

	@Override
	public String toString() {
		return "ApiKeyMask[" + ((this.apiKey != null) ? "configured key and " : "") + "gsk_" + MASK + "]";
	}

}
