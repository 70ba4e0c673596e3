package io.github.groqspring.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A model Groq serves.
 *
 * @param id the id to put in requests, e.g. {@code llama-3.3-70b-versatile}
 * @param object {@code model}
 * @param created creation time, epoch seconds
 * @param ownedBy the model's owner, e.g. {@code Meta}
 * @param active whether it is served now
 * @param contextWindow the context length in tokens
 * @param maxCompletionTokens the most tokens one completion may generate
 */
public record GroqModel(String id, @Nullable String object, long created,
		@JsonProperty("owned_by") @Nullable String ownedBy, boolean active,
		@JsonProperty("context_window") @Nullable Integer contextWindow,
		@JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens) {
}
