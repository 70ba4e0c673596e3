package io.github.groqspring.test;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Validation messages in the shape of Groq's ({@code '<path>' : <problem>}, "property 'x' is
 * unsupported"), shared by the chat validators.
 */
final class Problems {

	private Problems() {
	}

	/**
	 * Groq's "property 'x' is unsupported", with "did you mean 'y'?" when a known name is
	 * at most two edits away (captured: store gives 'stop'; names with no near match, such
	 * as 'think', 'timestamp' or 'reasoning_content', get no suggestion).
	 */
	static String unsupported(String name, Set<String> known) {
		String closest = null;
		int best = 3;
		for (String candidate : known) {
			int distance = distance(name, candidate);
			if (distance < best) {
				best = distance;
				closest = candidate;
			}
		}
		return "property '" + name + "' is unsupported" + ((closest != null) ? ", did you mean '" + closest + "'?" : "");
	}

	/** An object with only these properties: "'path' : value must be an object", or Groq's unsupported-property message. */
	static @Nullable String properties(JsonNode node, String path, Set<String> allowed) {
		if (!node.isObject()) {
			return "'" + path + "' : value must be an object";
		}
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				return "'" + path + "' : " + unsupported(name, allowed);
			}
		}
		return null;
	}

	static @Nullable String oneOf(JsonNode body, String name, Set<String> values) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		return (value.isString() && values.contains(value.asString())) ? null
				: "'" + name + "' : value must be one of " + list(values);
	}

	static String list(Set<String> values) {
		return "[" + String.join(" ", values) + "]";
	}

	@SafeVarargs
	static <T> @Nullable T firstOf(@Nullable T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
