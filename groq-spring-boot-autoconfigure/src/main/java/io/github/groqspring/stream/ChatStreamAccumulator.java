package io.github.groqspring.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.groqspring.chat.Annotation;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.ExecutedTool;
import io.github.groqspring.chat.ResponseMessage;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.chat.UsageBreakdown;
import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stream's chunks into the response the blocking call returns: content and
 * reasoning joined, tool calls and executed tools assembled from their pieces (keyed by
 * index), annotations in arrival order, the finish reason, {@code x_groq.id}, the seed,
 * the usage with Groq's timings (from the last chunk that has one: the include_usage
 * chunk's when there is one) and the served tier. Not thread-safe.
 */
public final class ChatStreamAccumulator {

	private final Map<Integer, ChoiceState> choices = new TreeMap<>();

	private @Nullable String id;

	private long created;

	private @Nullable String model;

	private @Nullable String systemFingerprint;

	private @Nullable String groqRequestId;

	private @Nullable Long seed;

	private @Nullable Usage usage;

	private @Nullable String serviceTier;

	private @Nullable UsageBreakdown usageBreakdown;

	/**
	 * Add a chunk.
	 * @param chunk the next chunk, in stream order
	 */
	public void accept(ChatCompletionChunk chunk) {
		this.id = first(this.id, chunk.id());
		this.created = (this.created != 0) ? this.created : chunk.created();
		this.model = first(this.model, chunk.model());
		this.systemFingerprint = first(this.systemFingerprint, chunk.systemFingerprint());
		this.serviceTier = (chunk.serviceTier() != null) ? chunk.serviceTier() : this.serviceTier;
		ChatCompletionChunk.XGroq xGroq = chunk.xGroq();
		if (xGroq != null) {
			this.groqRequestId = first(this.groqRequestId, xGroq.id());
			this.seed = (xGroq.seed() != null) ? xGroq.seed() : this.seed;
			this.usageBreakdown = (xGroq.usageBreakdown() != null) ? xGroq.usageBreakdown() : this.usageBreakdown;
		}
		Usage chunkUsage = chunk.usage();
		this.usage = (chunkUsage != null) ? chunkUsage : this.usage;
		for (ChatCompletionChunk.Choice choice : chunk.choices()) {
			this.choices.computeIfAbsent(choice.index(), (index) -> new ChoiceState()).accept(choice);
		}
	}

	/**
	 * The completion accumulated so far.
	 * @return a completion shaped like the blocking call's ({@code object} is
	 * {@code chat.completion})
	 */
	public ChatCompletion toCompletion() {
		List<ChatCompletion.Choice> completed = new ArrayList<>(this.choices.size());
		this.choices.forEach((index, state) -> completed.add(state.toChoice(index)));
		ChatCompletion.XGroq xGroq = (this.groqRequestId != null || this.seed != null)
				? new ChatCompletion.XGroq(this.groqRequestId, this.seed, null) : null;
		return new ChatCompletion(this.id, "chat.completion", this.created, this.model, completed, this.usage,
				this.systemFingerprint, xGroq, this.serviceTier, this.usageBreakdown);
	}

	/**
	 * The response accumulated so far.
	 * @param metadata the streaming response's metadata
	 * @return the response, as the blocking call would have returned it
	 */
	public ChatResponse toResponse(ResponseMetadata metadata) {
		return new ChatResponse(toCompletion(), metadata);
	}

	private static @Nullable String first(@Nullable String current, @Nullable String next) {
		return (current != null) ? current : next;
	}

	/** One choice's message, growing chunk by chunk. */
	private static final class ChoiceState {

		private @Nullable String role;

		private @Nullable StringBuilder content;

		private @Nullable StringBuilder reasoning;

		private final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();

		private @Nullable Map<Integer, ExecutedTool> executedTools;

		private @Nullable List<Annotation> annotations;

		private @Nullable String finishReason;

		void accept(ChatCompletionChunk.Choice choice) {
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
			}
			ChatCompletionChunk.Delta delta = choice.delta();
			if (delta == null) {
				return;
			}
			this.role = first(this.role, delta.role());
			if (delta.content() != null) {
				this.content = append(this.content, delta.content());
			}
			if (delta.reasoning() != null) {
				this.reasoning = append(this.reasoning, delta.reasoning());
			}
			if (delta.toolCalls() != null) {
				for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
					this.toolCalls.computeIfAbsent(call.index(), (index) -> new ToolCallState()).accept(call);
				}
			}
			if (delta.executedTools() != null) {
				if (this.executedTools == null) {
					this.executedTools = new TreeMap<>();
				}
				for (ExecutedTool piece : delta.executedTools()) {
					this.executedTools.merge(piece.index(), piece, ExecutedTool::mergedWith);
				}
			}
			if (delta.annotations() != null) {
				if (this.annotations == null) {
					this.annotations = new ArrayList<>();
				}
				this.annotations.addAll(delta.annotations());
			}
		}

		ChatCompletion.Choice toChoice(int index) {
			List<ToolCall> calls = new ArrayList<>(this.toolCalls.size());
			this.toolCalls.values().forEach((call) -> calls.add(call.toToolCall()));
			String text = (this.content != null) ? this.content.toString() : null;
			if (text != null && text.isEmpty() && !calls.isEmpty()) {
				text = null;
			}
			ResponseMessage message = new ResponseMessage((this.role != null) ? this.role : "assistant", text,
					(this.reasoning != null) ? this.reasoning.toString() : null, calls.isEmpty() ? null : calls,
					(this.executedTools != null) ? List.copyOf(this.executedTools.values()) : null,
					(this.annotations != null) ? List.copyOf(this.annotations) : null);
			return new ChatCompletion.Choice(index, message, this.finishReason);
		}

		private static StringBuilder append(@Nullable StringBuilder builder, String piece) {
			return (builder != null) ? builder.append(piece) : new StringBuilder(piece);
		}

	}

	/** One tool call, assembled from its pieces. */
	private static final class ToolCallState {

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void accept(ChatCompletionChunk.ToolCallDelta delta) {
			this.id = first(this.id, delta.id());
			this.type = first(this.type, delta.type());
			ChatCompletionChunk.FunctionDelta function = delta.function();
			if (function != null) {
				this.name = first(this.name, function.name());
				if (function.arguments() != null) {
					this.arguments.append(function.arguments());
				}
			}
		}

		ToolCall toToolCall() {
			return new ToolCall((this.id != null) ? this.id : "", (this.type != null) ? this.type : "function",
					new ToolCall.FunctionCall((this.name != null) ? this.name : "", this.arguments.toString()));
		}

	}

}
