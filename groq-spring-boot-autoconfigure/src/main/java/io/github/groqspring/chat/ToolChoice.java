package io.github.groqspring.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether and which tool the model must call: {@code none}, {@code auto}, {@code required},
 * or one named function.
 *
 * @param value the wire value: a string or a named-function object
 */
public record ToolChoice(@JsonValue Object value) {

	/** The model calls no tool. */
	public static final ToolChoice NONE = new ToolChoice("none");

	/** The model decides. */
	public static final ToolChoice AUTO = new ToolChoice("auto");

	/** The model must call at least one tool. */
	public static final ToolChoice REQUIRED = new ToolChoice("required");

	/**
	 * The model must call this function.
	 * @param name the function's name
	 * @return the choice
	 */
	public static ToolChoice function(String name) {
		return new ToolChoice(Map.of("type", "function", "function", Map.of("name", name)));
	}

}
