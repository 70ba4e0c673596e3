package io.github.groqspring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's message in a response.
 *
 * @param role {@code assistant}
 * @param content the answer's text
 * @param reasoning a reasoning model's reasoning ({@link ReasoningFormat#PARSED}, and the
 * GPT-OSS models by default)
 * @param toolCalls the tools the model called
 * @param executedTools the tools Groq ran server-side: built-in tools such as
 * {@link Tool#browserSearch()}, or a compound system's
 * @param annotations citations of the request's documents or of tool results
 */
public record ResponseMessage(@Nullable String role, @Nullable String content, @Nullable String reasoning,
		@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
		@JsonProperty("executed_tools") @Nullable List<ExecutedTool> executedTools,
		@Nullable List<Annotation> annotations) {

	/**
	 * This message as it goes back into a conversation: role, content and tool calls only.
	 * Reasoning never goes back (Groq answers 400 to reasoning on an assistant message for
	 * models that do not reason, and to {@code reasoning_content} always), nor do executed
	 * tools or annotations; a {@code <think>...</think>} block that
	 * {@link ReasoningFormat#RAW} put at the start of the content is left out too.
	 * @return a message to append to the next request
	 */
	public ChatMessage toChatMessage() {
		return new ChatMessage(ChatMessage.ASSISTANT, withoutThinking(this.content),
				(this.toolCalls != null && !this.toolCalls.isEmpty()) ? this.toolCalls : null, null);
	}

	private static @Nullable String withoutThinking(@Nullable String content) {
		if (content == null || !content.startsWith("<think>")) {
			return content;
		}
		int end = content.indexOf("</think>");
		return (end < 0) ? content : content.substring(end + "</think>".length()).stripLeading();
	}

}
