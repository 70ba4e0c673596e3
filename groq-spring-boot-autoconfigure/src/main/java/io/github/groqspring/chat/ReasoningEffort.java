package io.github.groqspring.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** How hard a reasoning model thinks; which values a model accepts depends on the model. */
public enum ReasoningEffort {

	/** No reasoning. */
	NONE,
	/** The model's default. */
	DEFAULT,
	/** Little reasoning. */
	LOW,
	/** Medium reasoning. */
	MEDIUM,
	/** Much reasoning. */
	HIGH;

	/**
	 * The wire value, lower case.
	 * @return e.g. {@code medium}
	 */
	@JsonValue
	public String wireValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
