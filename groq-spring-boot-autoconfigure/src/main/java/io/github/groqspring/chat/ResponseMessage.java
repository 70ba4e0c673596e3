package io.github.groqspring.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's message in a response.
 *
 * @param role {@code assistant}
 * @param content the answer's text
 * @param reasoning a reasoning model's reasoning, with {@link ReasoningFormat#PARSED}
 * @param toolCalls the tools the model called
 * @param executedTools tools Groq ran server-side (compound models), as sent
 * @param annotations citations and similar annotations, as sent
 */
public record ResponseMessage(@Nullable String role, @Nullable String content, @Nullable String reasoning,
		@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
		@JsonProperty("executed_tools") @Nullable List<Map<String, Object>> executedTools,
		@Nullable List<Map<String, Object>> annotations) {

	/**
	 * This message as it goes back into a conversation: role, content and tool calls
	 * (reasoning and server-side extras stay out).
	 * @return a message to append to the next request
	 */
	public ChatMessage toChatMessage() {
		return new ChatMessage(ChatMessage.ASSISTANT, this.content,
				(this.toolCalls != null && !this.toolCalls.isEmpty()) ? this.toolCalls : null, null);
	}

}
