package io.github.groqspring.chat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether the model cites the request's {@link Document documents} (and web searches) in
 * the answer's {@code annotations}: Groq's {@code citation_options}, a string. Groq's API
 * reference gives {@code enabled} as the default when the field is not sent.
 */
public enum CitationOptions {

	/** Cite sources in {@code annotations}. */
	ENABLED,
	/** No citations. */
	DISABLED;

	/**
	 * The wire value.
	 * @return {@code enabled} or {@code disabled}
	 */
	@JsonValue
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
