package io.github.groqspring.chat;

import java.util.Map;

import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured output for one record type: the strict {@code json_schema} response format
 * generated from the record, and the reader that turns the model's answer into the record.
 * {@code GroqOperations.chat(builder, Invoice.class)} does both in one call; use this type
 * directly to keep the {@link ChatResponse} (usage, rate limits) or to read tool arguments.
 *
 * <p>Answers are read strictly: an unknown or missing property, {@code null} for a
 * primitive, or anything after the JSON object fails, as it would against the schema.
 *
 * @param <T> the record type
 */
public final class StructuredOutput<T> {

	private final Class<T> type;

	private final Map<String, Object> schema;

	private final ResponseFormat responseFormat;

	private final ObjectReader reader;

	private StructuredOutput(Class<T> type, JsonMapper jsonMapper) {
		this.type = type;
		this.schema = JsonSchemas.of(type);
		this.responseFormat = ResponseFormat.jsonSchema(type.getSimpleName(), this.schema, true);
		this.reader = jsonMapper.readerFor(type)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Structured output for a record, read with Jackson's shared default mapper.
	 * @param <T> the record type
	 * @param type the record
	 * @return the structured output
	 * @throws IllegalArgumentException when the record has no strict JSON schema
	 */
	public static <T> StructuredOutput<T> of(Class<T> type) {
		return of(type, JsonMapper.shared());
	}

	/**
	 * Structured output for a record, read with a given mapper (e.g. the template's).
	 * @param <T> the record type
	 * @param type the record
	 * @param jsonMapper the mapper to read answers with
	 * @return the structured output
	 * @throws IllegalArgumentException when the record has no strict JSON schema
	 */
	public static <T> StructuredOutput<T> of(Class<T> type, JsonMapper jsonMapper) {
		return new StructuredOutput<>(type, jsonMapper);
	}

	/**
	 * The record's strict JSON schema.
	 * @return the schema
	 */
	public Map<String, Object> schema() {
		return this.schema;
	}

	/**
	 * The {@code json_schema} response format, strict, named after the record.
	 * @return the response format
	 */
	public ResponseFormat responseFormat() {
		return this.responseFormat;
	}

	/**
	 * A request asking for this record: the request with {@link #responseFormat()}.
	 * @param request a request without a response format of its own
	 * @return the request to send
	 * @throws IllegalArgumentException when the request already sets a response format
	 */
	public ChatRequest applyTo(ChatRequest request) {
		ResponseFormat existing = request.responseFormat();
		if (existing != null) {
			throw new IllegalArgumentException("The request already sets response_format '" + existing.type() + "'; structured output for " + this.type.getSimpleName()
					+ " sets it from the record: remove responseFormat(...) from the request");
		}
		return request.mutate().responseFormat(this.responseFormat).build();
	}

	/**
	 * Read the first choice's answer as the record.
	 * @param response the response to a request made with {@link #applyTo(ChatRequest)}
	 * @return the record
	 * @throws GroqStructuredOutputException when the answer is missing or does not match
	 * the record; it carries the raw answer and the requests the call sent for it
	 */
	public T read(ChatResponse response) {
		ResponseMetadata metadata = response.metadata();
		String content = response.content();
		if (content == null) {
			throw new GroqStructuredOutputException("The model answered without content (finish_reason '"
					+ response.finishReason() + "'): expected JSON for " + this.type.getName(), null, this.type,
					metadata.status(), response.groqRequestId(), metadata.rateLimits(), Math.max(1, metadata.attempts()),
					null);
		}
		return read(content, metadata.status(), response.groqRequestId(), metadata.rateLimits(),
				Math.max(1, metadata.attempts()));
	}

	/**
	 * Read JSON text as the record, e.g. a tool call's arguments.
	 * @param json the JSON
	 * @return the record
	 * @throws GroqStructuredOutputException when the JSON does not match the record
	 */
	public T read(String json) {
		return read(json, 0, null, RateLimits.NONE, 1);
	}

	private T read(String content, int status, @Nullable String requestId, RateLimits rateLimits, int attempts) {
		try {
			return this.reader.readValue(content);
		}
		catch (JacksonException ex) {
			throw new GroqStructuredOutputException(
					"The model's answer is not JSON for " + this.type.getName() + ": " + ex.getOriginalMessage(),
					content, this.type, status, requestId, rateLimits, attempts, ex);
		}
	}

	@Override
	public String toString() {
		return "StructuredOutput[" + this.type.getName() + "]";
	}

}
