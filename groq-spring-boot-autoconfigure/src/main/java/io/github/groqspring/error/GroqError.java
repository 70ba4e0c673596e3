package io.github.groqspring.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error} object of a Groq error body.
 *
 * @param message Groq's message
 * @param type e.g. {@code invalid_request_error}, {@code tokens}, {@code requests}
 * @param code e.g. {@code rate_limit_exceeded}, {@code invalid_api_key}, {@code tool_use_failed}
 * @param param the offending request field, when Groq names one
 * @param failedGeneration what the model generated before a tool-use or JSON validation failure
 */
public record GroqError(@Nullable String message, @Nullable String type, @Nullable String code,
		@Nullable String param, @JsonProperty("failed_generation") @Nullable String failedGeneration) {

	/** No error object (the body was empty or not Groq's JSON). */
	public static final GroqError NONE = new GroqError(null, null, null, null, null);

}
