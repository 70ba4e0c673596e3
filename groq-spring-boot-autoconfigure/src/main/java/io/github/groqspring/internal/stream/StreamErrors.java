package io.github.groqspring.internal.stream;

import java.nio.charset.StandardCharsets;

import io.github.groqspring.error.GroqError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the error Groq sends inside a stream, whatever its shape: Groq's error object, a
 * bare string, or text that is not JSON at all.
 */
final class StreamErrors {

	private StreamErrors() {
	}

	static GroqError parse(JsonMapper jsonMapper, byte[] data, int length) {
		if (length == 0) {
			return GroqError.NONE;
		}
		try {
			JsonNode tree = jsonMapper.readTree(data, 0, length);
			JsonNode error = tree.get("error");
			return of((error != null && !error.isNull()) ? error : tree);
		}
		catch (JacksonException ex) {
			return new GroqError(snippet(data, length), null, null, null, null);
		}
	}

	static GroqError of(JsonNode error) {
		if (!error.isObject()) {
			return new GroqError(error.asString(), null, null, null, null);
		}
		return new GroqError(text(error, "message"), text(error, "type"), text(error, "code"), text(error, "param"),
				text(error, "failed_generation"));
	}

	static String snippet(byte[] data, int length) {
		String text = new String(data, 0, Math.min(length, 200), StandardCharsets.UTF_8);
		return (length > 200) ? text + "..." : text;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
