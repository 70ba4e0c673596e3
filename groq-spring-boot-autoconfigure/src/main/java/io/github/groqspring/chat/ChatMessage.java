package io.github.groqspring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat conversation as sent to Groq.
 *
 * <p>Groq rejects {@code messages[].name}, so there is no such field.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, absent on an assistant message that only calls tools
 * @param toolCalls the tools an assistant message called
 * @param toolCallId on a tool message, the id of the call it answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(String role, @Nullable String content,
		@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
		@JsonProperty("tool_call_id") @Nullable String toolCallId) {

	/** The system role. */
	public static final String SYSTEM = "system";

	/** The user role. */
	public static final String USER = "user";

	/** The assistant role. */
	public static final String ASSISTANT = "assistant";

	/** The tool role, for a tool's result. */
	public static final String TOOL = "tool";

	public ChatMessage {
		if (role == null || role.isBlank()) {
			throw new IllegalArgumentException("A chat message needs a role: system, user, assistant or tool");
		}
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : null;
	}

	/**
	 * A system message.
	 * @param content the instructions
	 * @return the message
	 */
	public static ChatMessage system(String content) {
		return new ChatMessage(SYSTEM, content, null, null);
	}

	/**
	 * A user message.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage user(String content) {
		return new ChatMessage(USER, content, null, null);
	}

	/**
	 * An assistant message, e.g. an earlier answer replayed in a conversation.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage assistant(String content) {
		return new ChatMessage(ASSISTANT, content, null, null);
	}

	/**
	 * An assistant message that called tools.
	 * @param content the text that came with the calls, may be {@code null}
	 * @param toolCalls the calls
	 * @return the message
	 */
	public static ChatMessage assistant(@Nullable String content, List<ToolCall> toolCalls) {
		return new ChatMessage(ASSISTANT, content, toolCalls, null);
	}

	/**
	 * A tool's result, answering one tool call.
	 * @param toolCallId the id of the call ({@link ToolCall#id()})
	 * @param content the result, usually JSON
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String content) {
		return new ChatMessage(TOOL, content, null, toolCallId);
	}

}
