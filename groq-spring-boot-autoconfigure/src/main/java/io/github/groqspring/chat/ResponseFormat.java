package io.github.groqspring.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The shape the model must answer in: plain text, any JSON object, or JSON matching a schema.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema, with {@code json_schema} only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseFormat(String type, @JsonProperty("json_schema") @Nullable JsonSchema jsonSchema) {

	/**
	 * Plain text, the default.
	 * @return the format
	 */
	public static ResponseFormat text() {
		return new ResponseFormat("text", null);
	}

	/**
	 * Any valid JSON object (JSON mode).
	 * @return the format
	 */
	public static ResponseFormat jsonObject() {
		return new ResponseFormat("json_object", null);
	}

	/**
	 * JSON matching a schema (structured outputs).
	 * @param name the schema's name
	 * @param schema the JSON schema
	 * @param strict whether the output must match exactly; {@code null} leaves Groq's default
	 * @return the format
	 */
	public static ResponseFormat jsonSchema(String name, Map<String, ?> schema, @Nullable Boolean strict) {
		return new ResponseFormat("json_schema", new JsonSchema(name, null, schema, strict));
	}

	/**
	 * A named JSON schema.
	 *
	 * @param name the schema's name
	 * @param description what the output is
	 * @param schema the JSON schema object
	 * @param strict whether the output must match the schema exactly
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record JsonSchema(String name, @Nullable String description, Map<String, ?> schema,
			@Nullable Boolean strict) {
	}

}
