package io.github.groqspring.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.groqspring.error.GroqError;
import org.jspecify.annotations.Nullable;

/**
 * Masks API keys in text that came from a response (error messages, error pages, bodies) or
 * is about to be logged: the configured key wherever it appears (a key shorter than
 * {@value #MIN_MASKED_LENGTH} characters wherever it is a whole token), and anything shaped like a
 * Groq key ({@code gsk_...}), so that a server echoing a key back never gets it into an
 * exception, a log line or a health detail. Used on error paths only: a successful call
 * never pays for it.
 */
public final class ApiKeyMask {

	/** What a key is replaced with. */
	public static final String MASK = "******";

	/** Masks keys shaped like Groq's only: for code that does not know the configured key. */
	public static final ApiKeyMask GROQ_KEYS = new ApiKeyMask(null);

	/**
	 * The shortest configured key masked wherever it appears, even inside a word. A shorter
	 * one (an emulator's placeholder such as {@code e}, a proxy's {@code sk-123}) is masked
	 * only where it stands as a whole token, that is not next to a letter, digit,
	 * {@code _} or {@code -}: replacing {@code e} everywhere would garble every message
	 * ({@code "answ******r******d"}), while a short key echoed back ({@code "key sk-123 is
	 * invalid"}) is still never shown. Keys shaped like Groq's ({@code gsk_...}) are masked
	 * by their shape whatever is configured.
	 */
	public static final int MIN_MASKED_LENGTH = 8;

	/** What may not stand next to a short key for it to be a whole token. */
	private static final String TOKEN_CHARACTER = "[A-Za-z0-9_-]";

	private static final Pattern GROQ_KEY = Pattern.compile("gsk_[A-Za-z0-9]+");

	private final @Nullable String apiKey;

	/** The configured key as a whole token, for a key shorter than {@link #MIN_MASKED_LENGTH}. */
	private final @Nullable Pattern shortKey;

	private ApiKeyMask(@Nullable String apiKey) {
		this.apiKey = apiKey;
		this.shortKey = (apiKey != null && apiKey.length() < MIN_MASKED_LENGTH)
				? Pattern.compile("(?<!" + TOKEN_CHARACTER + ")" + Pattern.quote(apiKey) + "(?!" + TOKEN_CHARACTER + ")")
				: null;
	}

	/**
	 * A mask for the key calls are sent with.
	 * @param apiKey the configured key, masked wherever it appears when it has at least
	 * {@value #MIN_MASKED_LENGTH} characters, else where it is a whole token; {@code null}
	 * or blank masks Groq-shaped keys only
	 * @return the mask
	 */
	public static ApiKeyMask of(@Nullable String apiKey) {
		return (apiKey != null && !apiKey.isBlank()) ? new ApiKeyMask(apiKey) : GROQ_KEYS;
	}

	/**
	 * Mask the keys in a text: the configured key becomes {@value #MASK} (a key shorter than
	 * {@value #MIN_MASKED_LENGTH} characters only where it is a whole token), any other
	 * {@code gsk_...} becomes {@code gsk_******}.
	 * @param text the text
	 * @return the text without keys
	 */
	public String mask(String text) {
		String masked = text;
		if (this.apiKey != null && text.contains(this.apiKey)) {
			masked = (this.shortKey != null) ? this.shortKey.matcher(text).replaceAll(Matcher.quoteReplacement(MASK))
					: text.replace(this.apiKey, MASK);
		}
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
