package io.github.groqspring.internal.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groq's {@link JsonMapper}: the application's mapper (to keep its modules) with the
 * settings that would change Groq's wire format reset (naming strategies, root wrapping,
 * indentation, failing on unknown or null response fields), and Groq's records created
 * through {@link RecordCreatorModule}. The application's mapper is not changed.
 */
public final class GroqJsonMapper {

	private GroqJsonMapper() {
	}

	/**
	 * Derive Groq's mapper.
	 * @param applicationMapper the application's mapper, or {@code null} for Jackson's defaults
	 * @return a new mapper
	 */
	public static JsonMapper derive(@Nullable JsonMapper applicationMapper) {
		JsonMapper.Builder builder = (applicationMapper != null) ? applicationMapper.rebuild() : JsonMapper.builder();
		return builder.addModule(new RecordCreatorModule())
			.propertyNamingStrategy(null)
			.enumNamingStrategy(null)
			.disable(SerializationFeature.WRAP_ROOT_VALUE, SerializationFeature.INDENT_OUTPUT)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.UNWRAP_ROOT_VALUE,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
	}

}
