package io.github.groqspring.ai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.groqspring.RequestOptions;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ReasoningEffort;
import io.github.groqspring.chat.ReasoningFormat;
import io.github.groqspring.chat.ResponseFormat;
import io.github.groqspring.chat.ToolChoice;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * The options of a {@link GroqChatModel} call: Spring AI's portable options (model,
 * temperature, max tokens, stop sequences, tools) and Groq's own (service tier, response
 * format, reasoning, tool choice, seed, per-call timeouts, retries and flex fallback).
 * Immutable; derive a changed copy with {@link #mutate()}. {@code ChatClient} merges a
 * call's options into the model's defaults ({@code .options(GroqChatOptions.builder()
 * .serviceTier(ServiceTier.FLEX))}): every option set on the call wins, stop sequences and
 * tools are added to the defaults.
 *
 * <p>Leave the service tier unset to let {@code @GroqTier}, {@code GroqTierContext} and
 * {@code groq.default-service-tier} decide, as for {@code GroqTemplate}; a tier set here
 * wins over all of them.
 */
public final class GroqChatOptions implements ToolCallingChatOptions, StructuredOutputChatOptions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable String model;

	private final @Nullable Double temperature;

	private final @Nullable Double topP;

	private final @Nullable Integer topK;

	private final @Nullable Integer maxTokens;

	private final @Nullable Double frequencyPenalty;

	private final @Nullable Double presencePenalty;

	private final @Nullable List<String> stopSequences;

	private final @Nullable List<ToolCallback> toolCallbacks;

	private final @Nullable Map<String, Object> toolContext;

	private final @Nullable ServiceTier serviceTier;

	private final @Nullable ResponseFormat responseFormat;

	private final @Nullable ReasoningEffort reasoningEffort;

	private final @Nullable ReasoningFormat reasoningFormat;

	private final @Nullable Boolean includeReasoning;

	private final @Nullable ToolChoice toolChoice;

	private final @Nullable Boolean parallelToolCalls;

	private final @Nullable Long seed;

	private final @Nullable String endUserId;

	private final @Nullable RequestOptions requestOptions;

	private GroqChatOptions(Builder builder) {
		this.model = builder.model();
		this.temperature = builder.temperature();
		this.topP = builder.topP();
		this.topK = builder.topK();
		this.maxTokens = builder.maxTokens();
		this.frequencyPenalty = builder.frequencyPenalty();
		this.presencePenalty = builder.presencePenalty();
		this.stopSequences = (builder.stopSequences() != null) ? List.copyOf(builder.stopSequences()) : null;
		this.toolCallbacks = (builder.toolCallbacks() != null) ? List.copyOf(builder.toolCallbacks()) : null;
		this.toolContext = (builder.toolContext() != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(builder.toolContext())) : null;
		this.serviceTier = builder.serviceTier;
		this.responseFormat = builder.responseFormat;
		this.reasoningEffort = builder.reasoningEffort;
		this.reasoningFormat = builder.reasoningFormat;
		this.includeReasoning = builder.includeReasoning;
		this.toolChoice = builder.toolChoice;
		this.parallelToolCalls = builder.parallelToolCalls;
		this.seed = builder.seed;
		this.endUserId = builder.endUserId;
		this.requestOptions = builder.requestOptions;
	}

	/**
	 * Start building options.
	 * @return a builder with nothing set
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Builder mutate() {
		Builder builder = builder().model(this.model)
			.temperature(this.temperature)
			.topP(this.topP)
			.topK(this.topK)
			.maxTokens(this.maxTokens)
			.frequencyPenalty(this.frequencyPenalty)
			.presencePenalty(this.presencePenalty)
			.stopSequences(this.stopSequences)
			.toolCallbacks(this.toolCallbacks)
			.toolContext(this.toolContext);
		builder.serviceTier = this.serviceTier;
		builder.responseFormat = this.responseFormat;
		builder.reasoningEffort = this.reasoningEffort;
		builder.reasoningFormat = this.reasoningFormat;
		builder.includeReasoning = this.includeReasoning;
		builder.toolChoice = this.toolChoice;
		builder.parallelToolCalls = this.parallelToolCalls;
		builder.seed = this.seed;
		builder.endUserId = this.endUserId;
		builder.requestOptions = this.requestOptions;
		return builder;
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	@Override
	public @Nullable Double getTopP() {
		return this.topP;
	}

	/**
	 * Groq has no top-k sampling: a value here fails the call.
	 * @return the value set, normally {@code null}
	 */
	@Override
	public @Nullable Integer getTopK() {
		return this.topK;
	}

	/**
	 * The most tokens to generate, sent as {@code max_completion_tokens}.
	 * @return the limit, or {@code null}
	 */
	@Override
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	@Override
	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	@Override
	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	/**
	 * The stop sequences, sent as {@code stop}: Groq takes up to four.
	 * @return the sequences, or {@code null}
	 */
	@Override
	public @Nullable List<String> getStopSequences() {
		return this.stopSequences;
	}

	@Override
	public @Nullable List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	@Override
	public @Nullable Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/**
	 * The JSON schema the answer must match, when the response format is
	 * {@code json_schema}: what {@code entity(..., spec -> spec.useProviderStructuredOutput())}
	 * sets.
	 * @return the schema as JSON text, or {@code null}
	 */
	@Override
	public @Nullable String getOutputSchema() {
		ResponseFormat format = this.responseFormat;
		return (format != null && format.jsonSchema() != null) ? JSON.writeValueAsString(format.jsonSchema().schema())
				: null;
	}

	/**
	 * The tier to send, winning over {@code @GroqTier}, {@code GroqTierContext} and
	 * {@code groq.default-service-tier}.
	 * @return the tier, or {@code null} to let those decide
	 */
	public @Nullable ServiceTier getServiceTier() {
		return this.serviceTier;
	}

	/**
	 * The answer's format.
	 * @return the format, or {@code null} for text
	 */
	public @Nullable ResponseFormat getResponseFormat() {
		return this.responseFormat;
	}

	/**
	 * How hard a reasoning model thinks.
	 * @return the effort, or {@code null}
	 */
	public @Nullable ReasoningEffort getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * How a reasoning model's reasoning comes back.
	 * @return the format, or {@code null}
	 */
	public @Nullable ReasoningFormat getReasoningFormat() {
		return this.reasoningFormat;
	}

	/**
	 * Whether reasoning comes back at all.
	 * @return the flag, or {@code null}
	 */
	public @Nullable Boolean getIncludeReasoning() {
		return this.includeReasoning;
	}

	/**
	 * Whether and which tool the model must call.
	 * @return the choice, or {@code null}
	 */
	public @Nullable ToolChoice getToolChoice() {
		return this.toolChoice;
	}

	/**
	 * Whether the model may call several tools in one turn.
	 * @return the flag, or {@code null}
	 */
	public @Nullable Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	/**
	 * The seed for best-effort deterministic sampling.
	 * @return the seed, or {@code null}
	 */
	public @Nullable Long getSeed() {
		return this.seed;
	}

	/**
	 * The end user's id, sent as {@code user}.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getEndUserId() {
		return this.endUserId;
	}

	/**
	 * The call's timeouts, retries and flex fallback, overriding {@code groq.*}.
	 * @return the options, or {@code null} for the template's settings
	 */
	public @Nullable RequestOptions getRequestOptions() {
		return this.requestOptions;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof GroqChatOptions that)) {
			return false;
		}
		return Objects.equals(this.model, that.model) && Objects.equals(this.temperature, that.temperature)
				&& Objects.equals(this.topP, that.topP) && Objects.equals(this.topK, that.topK)
				&& Objects.equals(this.maxTokens, that.maxTokens)
				&& Objects.equals(this.frequencyPenalty, that.frequencyPenalty)
				&& Objects.equals(this.presencePenalty, that.presencePenalty)
				&& Objects.equals(this.stopSequences, that.stopSequences)
				&& Objects.equals(this.toolCallbacks, that.toolCallbacks)
				&& Objects.equals(this.toolContext, that.toolContext) && this.serviceTier == that.serviceTier
				&& Objects.equals(this.responseFormat, that.responseFormat)
				&& this.reasoningEffort == that.reasoningEffort && this.reasoningFormat == that.reasoningFormat
				&& Objects.equals(this.includeReasoning, that.includeReasoning)
				&& Objects.equals(this.toolChoice, that.toolChoice)
				&& Objects.equals(this.parallelToolCalls, that.parallelToolCalls) && Objects.equals(this.seed, that.seed)
				&& Objects.equals(this.endUserId, that.endUserId)
				&& Objects.equals(this.requestOptions, that.requestOptions);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.temperature, this.topP, this.topK, this.maxTokens, this.frequencyPenalty,
				this.presencePenalty, this.stopSequences, this.toolCallbacks, this.toolContext, this.serviceTier,
				this.responseFormat, this.reasoningEffort, this.reasoningFormat, this.includeReasoning, this.toolChoice,
				this.parallelToolCalls, this.seed, this.endUserId, this.requestOptions);
	}

	@Override
	public String toString() {
		return "GroqChatOptions[model=" + this.model + ", serviceTier=" + this.serviceTier + ", temperature="
				+ this.temperature + ", maxTokens=" + this.maxTokens + ", tools="
				+ ((this.toolCallbacks != null) ? this.toolCallbacks.size() : 0) + "]";
	}

	/**
	 * Builds {@link GroqChatOptions}; also what {@code ChatClient.options(...)} takes. The
	 * portable setters ({@code model}, {@code temperature}, {@code maxTokens},
	 * {@code stopSequences}, {@code toolCallbacks}, ...) are Spring AI's.
	 */
	public static final class Builder extends DefaultToolCallingChatOptions.Builder<Builder>
			implements StructuredOutputChatOptions.Builder<Builder> {

		private @Nullable ServiceTier serviceTier;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable ReasoningFormat reasoningFormat;

		private @Nullable Boolean includeReasoning;

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable Long seed;

		private @Nullable String endUserId;

		private @Nullable RequestOptions requestOptions;

		private Builder() {
		}

		/**
		 * The tier for the call, winning over {@code @GroqTier}, {@code GroqTierContext} and
		 * {@code groq.default-service-tier}.
		 * @param serviceTier the tier, {@code null} to let those decide
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * The answer's format, e.g. {@link ResponseFormat#jsonObject()}.
		 * @param responseFormat the format
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Ask for JSON matching a schema: a strict {@code json_schema} response format.
		 * Spring AI calls this for {@code entity(...)} with provider structured output.
		 * @param outputSchema the JSON schema as text, {@code null} to clear the format
		 * @return this builder
		 * @throws IllegalArgumentException when the text is not a JSON object
		 */
		@Override
		public Builder outputSchema(@Nullable String outputSchema) {
			if (outputSchema == null) {
				this.responseFormat = null;
				return this;
			}
			Map<?, ?> schema;
			try {
				schema = JSON.readValue(outputSchema, Map.class);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("The output schema is not a JSON object: " + ex.getMessage(), ex);
			}
			@SuppressWarnings("unchecked")
			Map<String, ?> typed = (Map<String, ?>) schema;
			this.responseFormat = ResponseFormat.jsonSchema("json_schema", typed, true);
			return this;
		}

		/**
		 * How hard a reasoning model thinks.
		 * @param reasoningEffort the effort
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * How reasoning comes back ({@code parsed} puts it in the message's metadata).
		 * @param reasoningFormat the format
		 * @return this builder
		 */
		public Builder reasoningFormat(@Nullable ReasoningFormat reasoningFormat) {
			this.reasoningFormat = reasoningFormat;
			return this;
		}

		/**
		 * Whether reasoning comes back at all.
		 * @param includeReasoning the flag
		 * @return this builder
		 */
		public Builder includeReasoning(@Nullable Boolean includeReasoning) {
			this.includeReasoning = includeReasoning;
			return this;
		}

		/**
		 * Whether and which tool the model must call.
		 * @param toolChoice e.g. {@link ToolChoice#REQUIRED}
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Whether the model may call several tools in one turn.
		 * @param parallelToolCalls the flag
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * A seed for best-effort deterministic sampling.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * The end user's id, sent as {@code user} for Groq's abuse monitoring.
		 * @param endUserId the id
		 * @return this builder
		 */
		public Builder endUserId(@Nullable String endUserId) {
			this.endUserId = endUserId;
			return this;
		}

		/**
		 * The call's timeouts, retries and flex fallback, overriding {@code groq.*}.
		 * @param requestOptions e.g.
		 * {@code RequestOptions.builder().flexFallbackTier(ServiceTier.ON_DEMAND).build()}
		 * @return this builder
		 */
		public Builder requestOptions(@Nullable RequestOptions requestOptions) {
			this.requestOptions = requestOptions;
			return this;
		}

		/**
		 * Take every option the other builder sets: its values win, its stop sequences and
		 * tools are added to these.
		 * @param other the other builder
		 * @return this builder
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder that) {
				this.serviceTier = (that.serviceTier != null) ? that.serviceTier : this.serviceTier;
				this.responseFormat = (that.responseFormat != null) ? that.responseFormat : this.responseFormat;
				this.reasoningEffort = (that.reasoningEffort != null) ? that.reasoningEffort : this.reasoningEffort;
				this.reasoningFormat = (that.reasoningFormat != null) ? that.reasoningFormat : this.reasoningFormat;
				this.includeReasoning = (that.includeReasoning != null) ? that.includeReasoning : this.includeReasoning;
				this.toolChoice = (that.toolChoice != null) ? that.toolChoice : this.toolChoice;
				this.parallelToolCalls = (that.parallelToolCalls != null) ? that.parallelToolCalls
						: this.parallelToolCalls;
				this.seed = (that.seed != null) ? that.seed : this.seed;
				this.endUserId = (that.endUserId != null) ? that.endUserId : this.endUserId;
				this.requestOptions = (that.requestOptions != null) ? that.requestOptions : this.requestOptions;
			}
			return this;
		}

		@Override
		public GroqChatOptions build() {
			return new GroqChatOptions(this);
		}

		@Nullable String model() {
			return this.model;
		}

		@Nullable Double temperature() {
			return this.temperature;
		}

		@Nullable Double topP() {
			return this.topP;
		}

		@Nullable Integer topK() {
			return this.topK;
		}

		@Nullable Integer maxTokens() {
			return this.maxTokens;
		}

		@Nullable Double frequencyPenalty() {
			return this.frequencyPenalty;
		}

		@Nullable Double presencePenalty() {
			return this.presencePenalty;
		}

		@Nullable List<String> stopSequences() {
			return this.stopSequences;
		}

		@Nullable List<ToolCallback> toolCallbacks() {
			return this.toolCallbacks;
		}

		@Nullable Map<String, Object> toolContext() {
			return this.toolContext;
		}

	}

}
