package io.github.groqspring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Groq's chat completion body, as it came over the wire. Unknown fields are ignored.
 *
 * @param id the completion's id ({@code chatcmpl-...})
 * @param object {@code chat.completion}
 * @param created creation time, epoch seconds
 * @param model the model that answered
 * @param choices the answers, one unless Groq changes {@code n}
 * @param usage tokens and Groq's timings
 * @param systemFingerprint the backend configuration
 * @param xGroq Groq's extras: its request id for support
 * @param serviceTier the tier that served the request, raw: a tier newer than
 * {@link io.github.groqspring.tier.ServiceTier} is kept as sent
 * @param usageBreakdown the usage per model of a compound system, usually {@code null}
 */
public record ChatCompletion(@Nullable String id, @Nullable String object, long created, @Nullable String model,
		List<Choice> choices, @Nullable Usage usage, @JsonProperty("system_fingerprint") @Nullable String systemFingerprint,
		@JsonProperty("x_groq") @Nullable XGroq xGroq, @JsonProperty("service_tier") @Nullable String serviceTier,
		@JsonProperty("usage_breakdown") @Nullable UsageBreakdown usageBreakdown) {

	public ChatCompletion {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * A completion without a usage breakdown.
	 * @param id the completion's id
	 * @param object {@code chat.completion}
	 * @param created creation time, epoch seconds
	 * @param model the model that answered
	 * @param choices the answers
	 * @param usage tokens and Groq's timings
	 * @param systemFingerprint the backend configuration
	 * @param xGroq Groq's extras
	 * @param serviceTier the tier that served the request, raw
	 */
	public ChatCompletion(@Nullable String id, @Nullable String object, long created, @Nullable String model,
			List<Choice> choices, @Nullable Usage usage, @Nullable String systemFingerprint, @Nullable XGroq xGroq,
			@Nullable String serviceTier) {
		this(id, object, created, model, choices, usage, systemFingerprint, xGroq, serviceTier, null);
	}

	/**
	 * One answer.
	 *
	 * @param index its position
	 * @param message the assistant's message
	 * @param finishReason {@code stop}, {@code length}, {@code tool_calls},
	 * {@code function_call} or {@code content_filter}
	 * <p>Groq's {@code "logprobs": null} is skipped by name: an unknown property would be
	 * buffered by Jackson before the record is created, on every choice.
	 */
	@JsonIgnoreProperties("logprobs")
	public record Choice(int index, @Nullable ResponseMessage message,
			@JsonProperty("finish_reason") @Nullable String finishReason) {
	}

	/**
	 * Groq's {@code x_groq} object of a blocking completion (a stream's chunks have their
	 * own, {@code ChatCompletionChunk.XGroq}, whose {@code usage} is the token usage).
	 *
	 * @param id Groq's request id ({@code req_...}), the one Groq support asks for
	 * @param seed the seed used
	 * @param usage Groq's hardware cache statistics ({@code x_groq.usage} of a blocking
	 * answer: {@code sram_cached_tokens}, {@code dram_cached_tokens}); the token usage is
	 * {@link ChatCompletion#usage()}
	 */
	public record XGroq(@Nullable String id, @Nullable Long seed, @Nullable CacheUsage usage) {
	}

	/**
	 * Groq's hardware cache statistics of a blocking answer. How they relate to
	 * {@link Usage#cachedTokens()} Groq does not say.
	 *
	 * @param sramCachedTokens prompt tokens served from SRAM cache
	 * @param dramCachedTokens prompt tokens served from DRAM cache
	 */
	public record CacheUsage(@JsonProperty("sram_cached_tokens") @Nullable Long sramCachedTokens,
			@JsonProperty("dram_cached_tokens") @Nullable Long dramCachedTokens) {
	}

}
