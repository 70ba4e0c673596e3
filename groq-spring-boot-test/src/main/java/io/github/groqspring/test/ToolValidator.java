package io.github.groqspring.test;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.groqspring.test.EmulatedModel.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Groq's rules for {@code tools} and {@code tool_choice} (API reference: functions and, on
 * the GPT-OSS models, the built-in {@code browser_search} and {@code code_interpreter}; at
 * most 128; names {@code [a-zA-Z0-9_-]{1,64}}).
 */
final class ToolValidator {

	private static final Set<String> TOOL_TYPES = new LinkedHashSet<>(
			List.of("function", "browser_search", "code_interpreter"));

	/** At most 128 functions (API reference, {@code tools}). */
	static final int MAX_TOOLS = 128;

	private ToolValidator() {
	}

	static @Nullable String problem(JsonNode body, EmulatedModel model) {
		JsonNode tools = body.get("tools");
		Set<String> declared = new HashSet<>();
		if (tools != null && !tools.isNull()) {
			if (!tools.isArray()) {
				return "'tools' : value must be an array";
			}
			if (tools.size() > MAX_TOOLS) {
				return "'tools' : maximum number of items is " + MAX_TOOLS;
			}
			if (!tools.isEmpty() && !model.can(Capability.TOOL_USE)) {
				// Rule and wording: "model does not support tool calling" (reference, errors seen).
				return "model `" + model.id() + "` does not support tool calling";
			}
			for (int i = 0; i < tools.size(); i++) {
				String problem = tool(tools.get(i), "tools." + i, model, declared);
				if (problem != null) {
					return problem;
				}
			}
		}
		return toolChoice(body, declared);
	}

	private static @Nullable String tool(JsonNode tool, String path, EmulatedModel model, Set<String> declared) {
		if (!tool.isObject()) {
			return "'" + path + "' : value must be an object";
		}
		String type = tool.path("type").asString("");
		if (!TOOL_TYPES.contains(type)) {
			return "'" + path + ".type' : value must be one of " + Problems.list(TOOL_TYPES);
		}
		if (!type.equals("function")) {
			// API reference: browser_search and code_interpreter are built-in tools of the GPT-OSS models.
			return model.can(Capability.BUILT_IN_TOOLS) ? null
					: "`" + type + "` is not supported with this model";
		}
		JsonNode function = tool.get("function");
		if (function == null || !function.isObject()) {
			return "'" + path + ".function' : property 'function' is missing";
		}
		JsonNode name = function.get("name");
		if (name == null || !name.isString()) {
			return "'" + path + ".function.name' : property 'name' is missing";
		}
		if (!ChatRequestValidator.NAME.matcher(name.asString()).matches()) {
			return "'" + path + ".function.name' : does not match pattern '^[a-zA-Z0-9_-]{1,64}$'";
		}
		JsonNode parameters = function.get("parameters");
		if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
			return "'" + path + ".function.parameters' : value must be an object";
		}
		declared.add(name.asString());
		return null;
	}

	/**
	 * API reference: none, auto, required, or a named function; a named function must be one
	 * of the tools (with {@code disable_tool_validation} "the request cannot require a
	 * specific tool be used"). Wording: the emulator's.
	 */
	private static @Nullable String toolChoice(JsonNode body, Set<String> declared) {
		JsonNode choice = body.get("tool_choice");
		if (choice == null || choice.isNull()) {
			return null;
		}
		if (choice.isString()) {
			String value = choice.asString();
			if (!Set.of("none", "auto", "required").contains(value)) {
				return "'tool_choice' : value must be one of [none auto required] or a named function";
			}
			if (value.equals("required") && declared.isEmpty()) {
				return "`tool_choice` is `required` but no tools were provided";
			}
			return null;
		}
		if (!choice.isObject() || !"function".equals(choice.path("type").asString(""))) {
			return "'tool_choice.type' : value must be one of [function]";
		}
		String name = choice.path("function").path("name").asString("");
		if (name.isEmpty()) {
			return "'tool_choice.function.name' : property 'name' is missing";
		}
		if (!declared.contains(name)) {
			return "`tool_choice` names the function `" + name + "`, which is not in `tools`";
		}
		return null;
	}

}
