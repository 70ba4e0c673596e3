package io.github.groqspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;

/**
 * Start-up found a Groq property whose value cannot be used and must not be printed as it
 * is: the API key ({@code groq.api-key}, {@code GROQ_API_KEY}) or a base URL that may hold
 * credentials ({@code groq.base-url}). Spring Boot's own binding failure analysis would
 * print the value; this one shows it masked, or not at all.
 */
public class GroqInvalidPropertyException extends IllegalStateException {

	private final String property;

	private final @Nullable String shownValue;

	private final @Nullable Origin origin;

	private final String reason;

	private final String action;

	GroqInvalidPropertyException(String property, @Nullable String shownValue, @Nullable Origin origin, String reason,
			String action) {
		super("Invalid configuration property '" + property + "': " + reason);
		this.property = property;
		this.shownValue = shownValue;
		this.origin = origin;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * The property, e.g. {@code groq.api-key}.
	 * @return the property's name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The value as it may be shown.
	 * @return the value with any credentials masked, or {@code null} for a secret that is
	 * never shown
	 */
	public @Nullable String getShownValue() {
		return this.shownValue;
	}

	/**
	 * Where the value came from, e.g. {@code System Environment Property "GROQ_API_KEY"}.
	 * @return the origin, or {@code null} when the environment does not track it
	 */
	public @Nullable Origin getOrigin() {
		return this.origin;
	}

	/**
	 * Why the value cannot be used.
	 * @return the reason, without the value's secret part
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * What to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
