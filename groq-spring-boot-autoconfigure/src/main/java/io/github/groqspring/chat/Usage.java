package io.github.groqspring.chat;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Token counts and Groq's timings (seconds on the wire; {@link Duration} from the
 * accessors named {@code ...Duration}).
 *
 * @param queueTime seconds queued before processing
 * @param promptTokens tokens in the prompt
 * @param promptTime seconds spent on the prompt
 * @param completionTokens tokens generated
 * @param completionTime seconds spent generating
 * @param totalTokens all tokens, as Groq counts them (a compound system's total has been
 * seen to exceed prompt plus completion tokens: never recomputed here)
 * @param totalTime seconds in total
 * @param promptTokensDetails cached prompt tokens
 * @param completionTokensDetails reasoning tokens
 */
public record Usage(@JsonProperty("queue_time") @Nullable Double queueTime,
		@JsonProperty("prompt_tokens") long promptTokens, @JsonProperty("prompt_time") @Nullable Double promptTime,
		@JsonProperty("completion_tokens") long completionTokens,
		@JsonProperty("completion_time") @Nullable Double completionTime,
		@JsonProperty("total_tokens") long totalTokens, @JsonProperty("total_time") @Nullable Double totalTime,
		@JsonProperty("prompt_tokens_details") @Nullable PromptTokensDetails promptTokensDetails,
		@JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails) {

	/**
	 * Prompt tokens Groq served from its prompt cache: part of {@link #promptTokens()},
	 * billed at half price, and not counted toward Groq's rate limits (prompt caching docs).
	 * @return {@code prompt_tokens_details.cached_tokens}, 0 when Groq reported none
	 */
	public long cachedTokens() {
		return (this.promptTokensDetails != null && this.promptTokensDetails.cachedTokens() != null)
				? this.promptTokensDetails.cachedTokens() : 0;
	}

	/**
	 * Tokens a reasoning model spent reasoning: part of {@link #completionTokens()}.
	 * @return {@code completion_tokens_details.reasoning_tokens}, 0 when Groq reported none
	 */
	public long reasoningTokens() {
		return (this.completionTokensDetails != null && this.completionTokensDetails.reasoningTokens() != null)
				? this.completionTokensDetails.reasoningTokens() : 0;
	}

	/**
	 * Time spent queued at Groq.
	 * @return the queue time, or {@code null} when not reported
	 */
	public @Nullable Duration queueDuration() {
		return toDuration(this.queueTime);
	}

	/**
	 * Time spent processing the prompt.
	 * @return the prompt time, or {@code null} when not reported
	 */
	public @Nullable Duration promptDuration() {
		return toDuration(this.promptTime);
	}

	/**
	 * Time spent generating.
	 * @return the completion time, or {@code null} when not reported
	 */
	public @Nullable Duration completionDuration() {
		return toDuration(this.completionTime);
	}

	/**
	 * Total time at Groq.
	 * @return the total time, or {@code null} when not reported
	 */
	public @Nullable Duration totalDuration() {
		return toDuration(this.totalTime);
	}

	private static @Nullable Duration toDuration(@Nullable Double seconds) {
		return (seconds != null) ? Duration.ofNanos(Math.round(seconds * 1_000_000_000d)) : null;
	}

	/**
	 * Prompt token details.
	 *
	 * @param cachedTokens prompt tokens served from cache
	 */
	public record PromptTokensDetails(@JsonProperty("cached_tokens") @Nullable Long cachedTokens) {
	}

	/**
	 * Completion token details.
	 *
	 * @param reasoningTokens tokens spent reasoning
	 */
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") @Nullable Long reasoningTokens) {
	}

}
