package io.github.groqspring.test;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal JSON value valid against a JSON Schema, deterministic: the emulator's answer to
 * {@code response_format} {@code json_schema} and its arguments for a forced tool call.
 * Objects get their required properties, strings the shortest value their constraints
 * allow, numbers their lower bound or zero, arrays their minimum number of items; {@code enum}
 * and {@code const} give their first value, {@code anyOf}/{@code oneOf} their first branch,
 * {@code allOf} all its branches merged, and local {@code $ref}s ({@code #/$defs/...},
 * {@code #/definitions/...}) are followed. Patterns are not honoured.
 */
final class SchemaInstances {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int MAX_DEPTH = 32;

	private final JsonNode root;

	private SchemaInstances(JsonNode root) {
		this.root = root;
	}

	/**
	 * A minimal instance of a schema.
	 * @param schema the schema, {@code null} for any JSON object
	 * @return the instance
	 */
	static JsonNode minimal(@Nullable JsonNode schema) {
		if (schema == null || !schema.isObject()) {
			return NODES.objectNode();
		}
		return new SchemaInstances(schema).instance(schema, 0, new HashSet<>());
	}

	private JsonNode instance(JsonNode schema, int depth, Set<String> refs) {
		if (depth > MAX_DEPTH || !schema.isObject()) {
			return NODES.nullNode();
		}
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString("");
			JsonNode target = resolve(ref);
			if (target == null || !refs.add(ref)) {
				return NODES.nullNode();
			}
			JsonNode value = instance(target, depth + 1, refs);
			refs.remove(ref);
			return value;
		}
		if (schema.has("const")) {
			return schema.get("const");
		}
		if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
			return schema.get("enum").get(0);
		}
		for (String keyword : new String[] { "anyOf", "oneOf" }) {
			if (schema.path(keyword).isArray() && !schema.get(keyword).isEmpty()) {
				return instance(schema.get(keyword).get(0), depth + 1, refs);
			}
		}
		if (schema.path("allOf").isArray()) {
			ObjectNode merged = NODES.objectNode();
			for (JsonNode branch : schema.get("allOf")) {
				JsonNode value = instance(branch, depth + 1, refs);
				if (value.isObject()) {
					merged.setAll((ObjectNode) value);
				}
			}
			return merged;
		}
		return switch (type(schema)) {
			case "object" -> object(schema, depth, refs);
			case "array" -> array(schema, depth, refs);
			case "string" -> NODES.stringNode(string(schema));
			case "integer" -> NODES.numberNode((long) Math.ceil(lowerBound(schema)));
			case "number" -> NODES.numberNode(lowerBound(schema));
			case "boolean" -> NODES.booleanNode(false);
			default -> NODES.nullNode();
		};
	}

	private ObjectNode object(JsonNode schema, int depth, Set<String> refs) {
		ObjectNode object = NODES.objectNode();
		JsonNode properties = schema.path("properties");
		for (JsonNode required : schema.path("required")) {
			String name = required.asString();
			object.set(name, instance(properties.path(name), depth + 1, refs));
		}
		return object;
	}

	private ArrayNode array(JsonNode schema, int depth, Set<String> refs) {
		ArrayNode array = NODES.arrayNode();
		int count = schema.path("minItems").asInt(0);
		for (int i = 0; i < count; i++) {
			array.add(instance(schema.path("items"), depth + 1, refs));
		}
		return array;
	}

	private static String string(JsonNode schema) {
		String format = schema.path("format").asString("");
		String value = switch (format) {
			case "date" -> "2026-01-01";
			case "date-time" -> "2026-01-01T00:00:00Z";
			case "time" -> "00:00:00";
			case "email" -> "user@example.com";
			case "uri", "url" -> "https://example.com";
			case "uuid" -> "00000000-0000-0000-0000-000000000000";
			default -> "";
		};
		int minLength = schema.path("minLength").asInt(0);
		return (value.length() >= minLength) ? value : value + "a".repeat(minLength - value.length());
	}

	/** The lower bound when there is one (or above an exclusive one), else 0 or a negative maximum. */
	private static double lowerBound(JsonNode schema) {
		if (schema.path("minimum").isNumber()) {
			return schema.get("minimum").asDouble();
		}
		if (schema.path("exclusiveMinimum").isNumber()) {
			return Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
		}
		if (schema.path("maximum").isNumber() && schema.get("maximum").asDouble() < 0) {
			return schema.get("maximum").asDouble();
		}
		return 0;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type != null && type.isString()) {
			return type.asString();
		}
		if (type != null && type.isArray() && !type.isEmpty()) {
			return type.get(0).asString("");
		}
		return schema.has("properties") ? "object" : schema.has("items") ? "array" : "object";
	}

	private @Nullable JsonNode resolve(String ref) {
		if (!ref.startsWith("#/")) {
			return null;
		}
		JsonNode node = this.root.at(ref.substring(1));
		return node.isMissingNode() ? null : node;
	}

}
