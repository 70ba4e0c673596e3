package io.github.groqspring.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.groqspring.test.EmulatedModel.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Groq's per-role message rules. Groq validates each message against the schema of its role
 * and wraps what fails, as captured:
 * {@code 'messages.0' : for 'role:user' the following must be satisfied[('messages.0' : property 'timestamp' is unsupported)]},
 * {@code ... for 'role:tool' ...[('messages.3.tool_call_id' : property 'tool_call_id' is missing)]},
 * {@code ... for 'role:assistant' ...[('messages.2.function_call' : Value is not nullable)]}.
 * The properties per role are the API reference's, less {@code name}, which captured
 * answers refuse (see the reference notes; the API reference still lists it). Content parts
 * follow the API reference too: {@code image_url} takes {@code url} and {@code detail}
 * ({@code auto}, {@code low}, {@code high}), a URL is http(s) or a base64 image
 * {@code data:} URL (vision docs), an image needs a vision model (rule: vision docs;
 * wording: the emulator's, as Groq's is unconfirmed), and {@code document} takes
 * {@code data} (an object) and {@code id}.
 */
final class MessageValidator {

	/** Roles: the API reference's ({@code developer} is a system message; {@code function} is deprecated). */
	static final Map<String, Set<String>> PROPERTIES = Map.of("system", Set.of("role", "content"), "developer",
			Set.of("role", "content"), "user", Set.of("role", "content"), "assistant",
			Set.of("role", "content", "tool_calls", "function_call", "reasoning"), "tool",
			Set.of("role", "content", "tool_call_id"), "function", Set.of("role", "content", "name"));

	private static final Set<String> ROLES = new LinkedHashSet<>(
			List.of("system", "developer", "user", "assistant", "tool", "function"));

	/** {@code image_url.detail} (API reference). */
	private static final Set<String> IMAGE_DETAILS = new LinkedHashSet<>(List.of("auto", "low", "high"));

	/** Content part types of user messages (API reference: text, image_url, document). */
	private static final Set<String> USER_PARTS = new LinkedHashSet<>(List.of("text", "image_url", "document"));

	private final EmulatedModel model;

	MessageValidator(EmulatedModel model) {
		this.model = model;
	}

	@Nullable String problem(@Nullable JsonNode messages) {
		if (messages == null || messages.isNull()) {
			return "property 'messages' is missing";
		}
		if (!messages.isArray()) {
			return "'messages' : value must be an array";
		}
		if (messages.isEmpty()) {
			return "'messages' : minimum number of items is 1";
		}
		for (int i = 0; i < messages.size(); i++) {
			String problem = message(messages.get(i), "messages." + i, i);
			if (problem != null) {
				return problem;
			}
		}
		if (!this.model.can(Capability.VISION) && ImageRules.count(messages) > 0) {
			return "model `" + this.model.id() + "` does not support image input";
		}
		return null;
	}

	private @Nullable String message(JsonNode message, String path, int index) {
		if (!message.isObject()) {
			return "'" + path + "' : value must be an object";
		}
		JsonNode roleNode = message.get("role");
		if (roleNode == null || roleNode.isNull()) {
			return "'" + path + "' : property 'role' is missing";
		}
		String role = roleNode.asString("");
		if (!ROLES.contains(role)) {
			return "'" + path + ".role' : value must be one of " + Problems.list(ROLES);
		}
		if (role.equals("assistant") && message.hasNonNull("reasoning") && !this.model.can(Capability.REASONING)) {
			// Captured wording for a non-reasoning model; reasoning models accept it (API reference).
			return "`messages[" + index + "].reasoning`: reasoning is not supported with this model";
		}
		String inner = firstProblem(message, path, role);
		return (inner != null)
				? "'" + path + "' : for 'role:" + role + "' the following must be satisfied[(" + inner + ")]" : null;
	}

	private @Nullable String firstProblem(JsonNode message, String path, String role) {
		Set<String> allowed = Objects.requireNonNull(PROPERTIES.get(role), role);
		for (String name : message.propertyNames()) {
			if (!allowed.contains(name)) {
				return "'" + path + "' : " + Problems.unsupported(name, allowed);
			}
		}
		return switch (role) {
			case "system", "developer" -> content(message, path, false, Set.of("text"));
			case "user" -> content(message, path, false, USER_PARTS);
			case "assistant" -> assistant(message, path);
			case "tool" -> Problems.firstOf(content(message, path, false, USER_PARTS),
					requiredString(message, path, "tool_call_id"));
			default -> Problems.firstOf(requiredString(message, path, "name"),
					content(message, path, true, Set.of()));
		};
	}

	private @Nullable String assistant(JsonNode message, String path) {
		JsonNode functionCall = message.get("function_call");
		if (functionCall != null && functionCall.isNull()) {
			return "'" + path + ".function_call' : Value is not nullable";
		}
		JsonNode toolCalls = message.get("tool_calls");
		if (toolCalls != null && !toolCalls.isNull()) {
			String problem = toolCalls(toolCalls, path + ".tool_calls");
			if (problem != null) {
				return problem;
			}
		}
		boolean calls = (toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty()) || functionCall != null;
		// API reference: content is "Required unless tool_calls or function_call is specified".
		if (!calls && !message.hasNonNull("content")) {
			return "'" + path + ".content' : property 'content' is missing";
		}
		return message.hasNonNull("content") ? content(message, path, true, Set.of("text")) : null;
	}

	private static @Nullable String toolCalls(JsonNode calls, String path) {
		if (!calls.isArray()) {
			return "'" + path + "' : value must be an array";
		}
		for (int i = 0; i < calls.size(); i++) {
			JsonNode call = calls.get(i);
			String at = path + "." + i;
			if (!call.hasNonNull("id")) {
				return "'" + at + ".id' : property 'id' is missing";
			}
			if (!"function".equals(call.path("type").asString(""))) {
				return "'" + at + ".type' : value must be one of [function]";
			}
			if (!call.path("function").hasNonNull("name")) {
				return "'" + at + ".function.name' : property 'name' is missing";
			}
			if (!call.path("function").path("arguments").isString()) {
				return "'" + at + ".function.arguments' : property 'arguments' is missing";
			}
		}
		return null;
	}

	private @Nullable String content(JsonNode message, String path, boolean nullable, Set<String> partTypes) {
		JsonNode content = message.get("content");
		if (content == null) {
			return "'" + path + ".content' : property 'content' is missing";
		}
		if (content.isNull()) {
			return nullable ? null : "'" + path + ".content' : Value is not nullable";
		}
		if (content.isString()) {
			return null;
		}
		if (!content.isArray() || partTypes.isEmpty()) {
			return "'" + path + ".content' : value must be a string" + (partTypes.isEmpty() ? "" : " or an array of content parts");
		}
		for (int i = 0; i < content.size(); i++) {
			String problem = part(content.get(i), path + ".content." + i, partTypes);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private @Nullable String part(JsonNode part, String path, Set<String> types) {
		String type = part.path("type").asString("");
		if (!types.contains(type)) {
			return "'" + path + ".type' : value must be one of " + Problems.list(types);
		}
		Set<String> allowed = switch (type) {
			case "text" -> Set.of("type", "text");
			case "image_url" -> Set.of("type", "image_url");
			default -> Set.of("type", "document");
		};
		for (String name : part.propertyNames()) {
			if (!allowed.contains(name)) {
				return "'" + path + "' : " + Problems.unsupported(name, allowed);
			}
		}
		return switch (type) {
			case "text" -> part.path("text").isString() ? null : "'" + path + ".text' : property 'text' is missing";
			case "image_url" -> image(part.path("image_url"), path + ".image_url");
			default -> document(part.path("document"), path + ".document");
		};
	}

	private @Nullable String image(JsonNode image, String path) {
		String shape = Problems.properties(image, path, Set.of("url", "detail"));
		if (shape != null) {
			return shape;
		}
		if (!image.path("url").isString()) {
			return "'" + path + ".url' : property 'url' is missing";
		}
		String problem = Problems.oneOf(image, "detail", IMAGE_DETAILS);
		if (problem != null) {
			return "'" + path + ".detail' : value must be one of " + Problems.list(IMAGE_DETAILS);
		}
		String url = image.get("url").asString();
		String lower = url.toLowerCase(java.util.Locale.ROOT);
		if (lower.startsWith("data:")) {
			int comma = url.indexOf(',');
			if (comma < 0 || !lower.startsWith("data:image/") || !lower.substring(0, comma).endsWith(";base64")) {
				return "'" + path + ".url' : a data URL must be a base64 image: data:image/<type>;base64,<data>";
			}
		}
		else if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
			return "'" + path + ".url' : must be an http(s) URL or a base64 image data URL";
		}
		return null;
	}

	private static @Nullable String document(JsonNode document, String path) {
		String shape = Problems.properties(document, path, Set.of("data", "id"));
		if (shape != null) {
			return shape;
		}
		if (!document.path("data").isObject()) {
			return "'" + path + ".data' : property 'data' is missing";
		}
		JsonNode id = document.get("id");
		return (id == null || id.isNull() || id.isString()) ? null : "'" + path + ".id' : value must be a string";
	}

	private static @Nullable String requiredString(JsonNode message, String path, String name) {
		JsonNode value = message.get(name);
		if (value == null || value.isNull()) {
			return "'" + path + "." + name + "' : property '" + name + "' is missing";
		}
		return value.isString() ? null : "'" + path + "." + name + "' : value must be a string";
	}

}
