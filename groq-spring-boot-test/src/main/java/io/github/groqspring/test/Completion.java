package io.github.groqspring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the emulated model answers to one chat request, before it goes on the wire as a
 * completion or a stream.
 *
 * @param id the {@code chatcmpl-} id
 * @param created the epoch second it was made
 * @param content the assistant's text, {@code null} when it calls tools
 * @param pieces the text in the pieces a stream sends (one token each)
 * @param toolCalls the tool calls, empty for a text answer
 * @param finishReason {@code stop}, {@code length}, {@code tool_calls} or a scripted one
 * @param promptTokens the prompt's token count
 * @param completionTokens the answer's token count, its reasoning tokens included
 * @param extras reasoning, executed tools, annotations, cached and reasoning tokens
 */
record Completion(String id, long created, @Nullable String content, List<String> pieces,
		List<EmulatedResponse.ToolCall> toolCalls, String finishReason, int promptTokens, int completionTokens,
		AnswerExtras extras) {

	Completion {
		pieces = List.copyOf(pieces);
		toolCalls = List.copyOf(toolCalls);
	}

	/** The cached tokens the usage reports: as scripted, at most the prompt's tokens. */
	int cachedTokens() {
		return Math.min(this.extras.cachedTokens(), this.promptTokens);
	}

}
