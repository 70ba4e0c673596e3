package io.github.groqspring.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call. Groq supports function tools only.
 *
 * @param type always {@code function}
 * @param function the function's definition
 */
public record Tool(String type, Function function) {

	/**
	 * A function tool.
	 * @param name the function's name
	 * @param description what it does, for the model
	 * @param parameters its parameters as a JSON schema object
	 * @return the tool
	 */
	public static Tool function(String name, @Nullable String description, Map<String, ?> parameters) {
		return new Tool("function", new Function(name, description, parameters, null));
	}

	/**
	 * A function's definition.
	 *
	 * @param name the name the model calls it by: 1 to 64 letters ({@code a-z},
	 * {@code A-Z}), digits, underscores or dashes, as Groq's API reference requires
	 * @param description what it does
	 * @param parameters a JSON schema object
	 * @param strict whether the arguments must match the schema exactly
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, @Nullable String description, @Nullable Map<String, ?> parameters,
			@Nullable Boolean strict) {

		public Function {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("A function tool needs a name");
			}
			if (!isValidName(name)) {
				throw new IllegalArgumentException("A function tool's name must be 1 to 64 letters (a-z, A-Z), digits, "
						+ "underscores or dashes, was '" + name + "'");
			}
		}

		private static boolean isValidName(String name) {
			if (name.length() > 64) {
				return false;
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
						|| c == '-')) {
					return false;
				}
			}
			return true;
		}

	}

}
