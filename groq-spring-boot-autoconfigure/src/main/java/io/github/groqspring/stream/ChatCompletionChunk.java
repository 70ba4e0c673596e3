package io.github.groqspring.stream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.groqspring.chat.Annotation;
import io.github.groqspring.chat.ExecutedTool;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.chat.UsageBreakdown;
import org.jspecify.annotations.Nullable;

/**
 * One {@code chat.completion.chunk} of a stream, as it came over the wire. Unknown fields
 * are ignored. The accessors below the components read the first choice, which is the only
 * one Groq sends.
 *
 * <p>The last chunk before {@code [DONE]} of a stream that asked for
 * {@code stream_options.include_usage} (what {@code GroqTemplate.stream} does by default)
 * has no choice at all: {@code "choices": []}, the request's {@link #usage()} and the
 * {@link #serviceTier()} that served it, the only chunk that names the tier. On it
 * {@link #choices()} is empty, {@link #usageOnly()} is {@code true}, and the per-choice
 * accessors ({@link #content()}, {@link #reasoning()}, {@link #finishReason()},
 * {@link #toolCalls()}, ...) return {@code null} or an empty list: code that reads
 * {@code content()} needs no special case, code that reads {@code choices().get(0)} does.
 *
 * @param id the completion's id, the same on every chunk
 * @param object {@code chat.completion.chunk}
 * @param created creation time, epoch seconds
 * @param model the model that answers
 * @param choices the deltas, one per choice; empty on the include_usage chunk
 * @param topLevelUsage the top-level {@code usage}, which recent Groq versions send on the
 * final chunk beside {@code x_groq.usage}; read {@link #usage()} instead
 * @param systemFingerprint the backend configuration
 * @param xGroq Groq's extras: its request id (first and final chunk), the usage with
 * timings and the seed (final chunk)
 * @param serviceTier the tier that serves the request, raw: only on the include_usage chunk
 */
public record ChatCompletionChunk(@Nullable String id, @Nullable String object, long created, @Nullable String model,
		List<Choice> choices, @JsonProperty("usage") @Nullable Usage topLevelUsage,
		@JsonProperty("system_fingerprint") @Nullable String systemFingerprint,
		@JsonProperty("x_groq") @Nullable XGroq xGroq, @JsonProperty("service_tier") @Nullable String serviceTier) {

	public ChatCompletionChunk {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * The first choice's content delta.
	 * @return the text this chunk adds, or {@code null} when it adds none
	 */
	public @Nullable String content() {
		Delta delta = delta();
		return (delta != null) ? delta.content() : null;
	}

	/**
	 * The first choice's reasoning delta.
	 * @return the reasoning this chunk adds, or {@code null}
	 */
	public @Nullable String reasoning() {
		Delta delta = delta();
		return (delta != null) ? delta.reasoning() : null;
	}

	/**
	 * Whether this is the include_usage chunk: no choice, only the usage and the served tier.
	 * @return {@code true} when {@code choices} is empty
	 */
	public boolean usageOnly() {
		return this.choices.isEmpty();
	}

	/**
	 * The tools Groq ran server-side that this chunk reports, in pieces keyed by
	 * {@link ExecutedTool#index()}.
	 * @return the pieces, empty when none
	 */
	public List<ExecutedTool> executedTools() {
		Delta delta = delta();
		return (delta != null && delta.executedTools() != null) ? delta.executedTools() : List.of();
	}

	/**
	 * The annotations (citations) this chunk adds.
	 * @return the annotations, empty when none
	 */
	public List<Annotation> annotations() {
		Delta delta = delta();
		return (delta != null && delta.annotations() != null) ? delta.annotations() : List.of();
	}

	/**
	 * The first choice's tool-call deltas: pieces of calls, keyed by
	 * {@link ToolCallDelta#index()}.
	 * @return the deltas, empty when none
	 */
	public List<ToolCallDelta> toolCalls() {
		Delta delta = delta();
		return (delta != null && delta.toolCalls() != null) ? delta.toolCalls() : List.of();
	}

	/**
	 * Why the first choice stopped, on the final chunk.
	 * @return e.g. {@code stop}, {@code length} or {@code tool_calls}; {@code null} before
	 * the end
	 */
	public @Nullable String finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * Groq's request id ({@code x_groq.id}), the one Groq support asks for.
	 * @return the id, or {@code null} on chunks that do not carry it
	 */
	public @Nullable String groqRequestId() {
		return (this.xGroq != null) ? this.xGroq.id() : null;
	}

	/**
	 * The usage with Groq's timings, on the final chunk: {@code x_groq.usage}, else the
	 * top-level {@code usage}.
	 * @return the usage, or {@code null} on other chunks
	 */
	public @Nullable Usage usage() {
		Usage groqUsage = (this.xGroq != null) ? this.xGroq.usage() : null;
		return (groqUsage != null) ? groqUsage : this.topLevelUsage;
	}

	private @Nullable Delta delta() {
		return this.choices.isEmpty() ? null : this.choices.get(0).delta();
	}

	/**
	 * One choice's part of a chunk.
	 *
	 * @param index the choice's position
	 * @param delta what this chunk adds to the choice
	 * @param finishReason why the choice stopped, on its last chunk
	 * <p>Groq's {@code "logprobs": null} is skipped by name: an unknown property would be
	 * buffered by Jackson before the record is created, on every choice.
	 */
	@JsonIgnoreProperties("logprobs")
	public record Choice(int index, @Nullable Delta delta, @JsonProperty("finish_reason") @Nullable String finishReason) {
	}

	/**
	 * What a chunk adds to the assistant's message.
	 *
	 * @param role {@code assistant}, on the first chunk
	 * @param content a piece of the answer's text
	 * @param reasoning a piece of a reasoning model's reasoning
	 * @param toolCalls pieces of tool calls
	 * @param executedTools pieces of the tools Groq ran server-side, keyed by index
	 * @param annotations annotations (citations) of the content
	 */
	public record Delta(@Nullable String role, @Nullable String content, @Nullable String reasoning,
			@JsonProperty("tool_calls") @Nullable List<ToolCallDelta> toolCalls,
			@JsonProperty("executed_tools") @Nullable List<ExecutedTool> executedTools,
			@Nullable List<Annotation> annotations) {

		/**
		 * A delta of text, reasoning and tool calls only.
		 * @param role {@code assistant}, on the first chunk
		 * @param content a piece of the answer's text
		 * @param reasoning a piece of the reasoning
		 * @param toolCalls pieces of tool calls
		 */
		public Delta(@Nullable String role, @Nullable String content, @Nullable String reasoning,
				@Nullable List<ToolCallDelta> toolCalls) {
			this(role, content, reasoning, toolCalls, null, null);
		}

	}

	/**
	 * A piece of a tool call: the first piece of a call carries its id, type and function
	 * name; the following ones carry more of its arguments.
	 *
	 * @param index which call this piece belongs to
	 * @param id the call's id, on its first piece
	 * @param type {@code function}, on its first piece
	 * @param function the name and a piece of the arguments
	 */
	public record ToolCallDelta(int index, @Nullable String id, @Nullable String type,
			@Nullable FunctionDelta function) {
	}

	/**
	 * A piece of a function call.
	 *
	 * @param name the function's name, on the call's first piece
	 * @param arguments the next piece of the arguments' JSON text
	 */
	public record FunctionDelta(@Nullable String name, @Nullable String arguments) {
	}

	/**
	 * Groq's {@code x_groq} object on a chunk. (An {@code x_groq.error} never reaches a
	 * caller as a chunk: the stream raises it as a
	 * {@link io.github.groqspring.stream.GroqStreamException}.)
	 *
	 * @param id Groq's request id, on the first and the final chunk
	 * @param seed the seed used, on the first or the final chunk
	 * @param usage the usage with Groq's timings, on the final chunk (a stream's
	 * {@code x_groq.usage} is the token usage, unlike a blocking answer's)
	 * @param usageBreakdown the usage per model of a compound system, on the final chunk
	 */
	public record XGroq(@Nullable String id, @Nullable Long seed, @Nullable Usage usage,
			@JsonProperty("usage_breakdown") @Nullable UsageBreakdown usageBreakdown) {

		/**
		 * Extras without a usage breakdown.
		 * @param id Groq's request id
		 * @param seed the seed used
		 * @param usage the usage with Groq's timings
		 */
		public XGroq(@Nullable String id, @Nullable Long seed, @Nullable Usage usage) {
			this(id, seed, usage, null);
		}

	}

}
