package io.github.groqspring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What an emulated chat answer carries beside its text and tool calls: reasoning, the
 * tools Groq ran server-side ({@code executed_tools}), annotations (citations), and the
 * cached and reasoning token counts of its usage. Scripted with
 * {@link EmulatedResponse#withReasoning(String)}, {@link EmulatedResponse#withExecutedTools},
 * {@link EmulatedResponse#withAnnotations}, {@link EmulatedResponse#withCachedTokens(int)}
 * (and the same on {@link EmulatedStream}); the emulator also makes them itself for images,
 * built-in tools, documents and reasoning requests. Immutable.
 *
 * @param reasoning the message's {@code reasoning}, or {@code null}
 * @param executedTools the {@code executed_tools} items, each a JSON object as Groq sends
 * it (see {@link GroqShapes} for the documented shapes)
 * @param annotations the {@code annotations} items, each a JSON object as Groq sends it
 * @param cachedTokens {@code usage.prompt_tokens_details.cached_tokens}, sent when above 0
 * (at most the prompt's tokens)
 * @param reasoningTokens {@code usage.completion_tokens_details.reasoning_tokens};
 * {@code null} counts the reasoning's words
 */
public record AnswerExtras(@Nullable String reasoning, List<String> executedTools, List<String> annotations,
		int cachedTokens, @Nullable Integer reasoningTokens) {

	/** Nothing beside the text. */
	public static final AnswerExtras NONE = new AnswerExtras(null, List.of(), List.of(), 0, null);

	public AnswerExtras {
		executedTools = List.copyOf(executedTools);
		annotations = List.copyOf(annotations);
		for (String json : executedTools) {
			requireObject(json, "executed tool");
		}
		for (String json : annotations) {
			requireObject(json, "annotation");
		}
		if (cachedTokens < 0 || (reasoningTokens != null && reasoningTokens < 0)) {
			throw new IllegalArgumentException("Token counts must not be negative");
		}
	}

	AnswerExtras withReasoning(@Nullable String reasoning) {
		return new AnswerExtras(reasoning, this.executedTools, this.annotations, this.cachedTokens,
				this.reasoningTokens);
	}

	AnswerExtras withExecutedTools(List<String> executedTools) {
		List<String> all = new ArrayList<>(this.executedTools);
		all.addAll(executedTools);
		return new AnswerExtras(this.reasoning, all, this.annotations, this.cachedTokens, this.reasoningTokens);
	}

	AnswerExtras withAnnotations(List<String> annotations) {
		List<String> all = new ArrayList<>(this.annotations);
		all.addAll(annotations);
		return new AnswerExtras(this.reasoning, this.executedTools, all, this.cachedTokens, this.reasoningTokens);
	}

	AnswerExtras withCachedTokens(int cachedTokens) {
		return new AnswerExtras(this.reasoning, this.executedTools, this.annotations, cachedTokens,
				this.reasoningTokens);
	}

	AnswerExtras withReasoningTokens(int reasoningTokens) {
		return new AnswerExtras(this.reasoning, this.executedTools, this.annotations, this.cachedTokens,
				reasoningTokens);
	}

	/** This script's fields where they are set, the other's elsewhere: a scripted answer over the emulator's own. */
	AnswerExtras over(AnswerExtras own) {
		return new AnswerExtras((this.reasoning != null) ? this.reasoning : own.reasoning,
				this.executedTools.isEmpty() ? own.executedTools : this.executedTools,
				this.annotations.isEmpty() ? own.annotations : this.annotations,
				(this.cachedTokens > 0) ? this.cachedTokens : own.cachedTokens,
				(this.reasoningTokens != null) ? this.reasoningTokens : own.reasoningTokens);
	}

	/** The reasoning tokens the usage reports: as scripted, else one per reasoning word. */
	int reasoningTokenCount() {
		if (this.reasoningTokens != null) {
			return this.reasoningTokens;
		}
		return (this.reasoning == null || this.reasoning.isBlank()) ? 0 : EmulatedStream.split(this.reasoning).size();
	}

	List<JsonNode> executedToolNodes() {
		return this.executedTools.stream().map(WireFormat.JSON::readTree).toList();
	}

	List<JsonNode> annotationNodes() {
		return this.annotations.stream().map(WireFormat.JSON::readTree).toList();
	}

	private static void requireObject(String json, String what) {
		try {
			if (!WireFormat.JSON.readTree(json).isObject()) {
				throw new IllegalArgumentException("An " + what + " must be a JSON object, got " + json);
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("An " + what + " must be a JSON object, got " + json, ex);
		}
	}

}
