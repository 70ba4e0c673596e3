package io.github.groqspring.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A function call the model asked for.
 *
 * @param id the call's id, echoed in the tool message that answers it
 * @param type always {@code function} today
 * @param function the function's name and its arguments as a JSON string
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(String id, String type, FunctionCall function) {

	/**
	 * A function call.
	 * @param id the call's id
	 * @param name the function's name
	 * @param arguments the arguments, a JSON object as text
	 * @return the call
	 */
	public static ToolCall function(String id, String name, String arguments) {
		return new ToolCall(id, "function", new FunctionCall(name, arguments));
	}

	/**
	 * The function part of a tool call.
	 *
	 * @param name the function's name
	 * @param arguments the arguments, a JSON object as text (may be incomplete JSON if
	 * generation was cut short)
	 */
	public record FunctionCall(String name, String arguments) {
	}

}
