package io.github.groqspring.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may use: a function the application runs ({@link #function}), or one
 * of Groq's built-in tools, which Groq runs itself and reports as {@code executed_tools}
 * on the answer: {@link #browserSearch()} and {@link #codeInterpreter()}, on the GPT-OSS
 * models (built-in tools docs). A request may mix both kinds.
 *
 * @param type {@code function}, {@code browser_search} or {@code code_interpreter} (kept an
 * open value for Groq's newer types)
 * @param function the function's definition; {@code null} for a built-in tool, which is
 * sent as {@code {"type":"..."}} alone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String type, @Nullable Function function) {

	/** The type of a function tool. */
	public static final String FUNCTION = "function";

	/** The longest name a function tool may have, as Groq's API reference requires. */
	public static final int MAX_FUNCTION_NAME_LENGTH = 64;

	/** Groq's built-in web search (GPT-OSS models). */
	public static final String BROWSER_SEARCH = "browser_search";

	/** Groq's built-in Python sandbox (GPT-OSS 20B and 120B). */
	public static final String CODE_INTERPRETER = "code_interpreter";

	public Tool {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("A tool needs a type: function, browser_search or code_interpreter");
		}
		if (type.equals(FUNCTION) && function == null) {
			throw new IllegalArgumentException("A function tool needs its function: use Tool.function(...)");
		}
		if (!type.equals(FUNCTION) && function != null) {
			throw new IllegalArgumentException("Only a function tool has a function; a " + type
					+ " tool is sent as its type alone");
		}
	}

	/**
	 * Groq's built-in web search: the model searches the web and Groq reports each search
	 * in {@code executed_tools}. Groq's docs pair it with {@code openai/gpt-oss-*} models,
	 * recommend {@code reasoning_effort: low}, and say it does not work with structured
	 * outputs.
	 * @return {@code {"type":"browser_search"}}
	 */
	public static Tool browserSearch() {
		return new Tool(BROWSER_SEARCH, null);
	}

	/**
	 * Groq's built-in code execution: Python in a sandbox without network access, each run
	 * reported in {@code executed_tools} (code in {@code arguments}, results in
	 * {@code code_results}).
	 * @return {@code {"type":"code_interpreter"}}
	 */
	public static Tool codeInterpreter() {
		return new Tool(CODE_INTERPRETER, null);
	}

	/**
	 * Whether this is one of Groq's built-in tools, which Groq runs itself.
	 * @return {@code true} for any tool that is not a function
	 */
	public boolean builtIn() {
		return this.function == null;
	}

	/**
	 * A function tool.
	 * @param name the function's name
	 * @param description what it does, for the model
	 * @param parameters its parameters as a JSON schema object
	 * @return the tool
	 */
	public static Tool function(String name, @Nullable String description, Map<String, ?> parameters) {
		return new Tool(FUNCTION, new Function(name, description, parameters, null));
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
				throw new IllegalArgumentException("A function tool's name must be 1 to " + MAX_FUNCTION_NAME_LENGTH
						+ " letters (a-z, A-Z), digits, underscores or dashes, was '" + name + "'");
			}
		}

		private static boolean isValidName(String name) {
			if (name.length() > MAX_FUNCTION_NAME_LENGTH) {
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
