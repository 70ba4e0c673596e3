package io.github.groqspring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat conversation as sent to Groq.
 *
 * <p>Groq rejects {@code messages[].name}, so there is no such field; nor is there a
 * {@code reasoning} field: an assistant message sent back never carries reasoning (Groq
 * answers 400 to {@code reasoning_content} always, and to {@code reasoning} on models that
 * do not reason).
 *
 * <p>A message has either a text {@code content}, sent as a JSON string, or content
 * {@code parts} (text, images, documents), sent as Groq's array of parts in
 * {@code content}. Parts are for user and tool messages, the roles Groq takes images and
 * documents on; a system or assistant message is text.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, absent on an assistant message that only calls tools and on a
 * message made of parts
 * @param toolCalls the tools an assistant message called
 * @param toolCallId on a tool message, the id of the call it answers
 * @param parts the content as parts, or {@code null} for a text message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "role", "content", "tool_calls", "tool_call_id" })
public record ChatMessage(String role, @JsonIgnore @Nullable String content,
		@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
		@JsonProperty("tool_call_id") @Nullable String toolCallId, @JsonIgnore @Nullable List<ContentPart> parts) {

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
		if (parts != null) {
			checkParts(role, content, parts);
			parts = List.copyOf(parts);
		}
	}

	/**
	 * A text message, or one that only calls tools.
	 * @param role the role
	 * @param content the text
	 * @param toolCalls the tools an assistant message called
	 * @param toolCallId on a tool message, the id of the call it answers
	 */
	public ChatMessage(String role, @Nullable String content, @Nullable List<ToolCall> toolCalls,
			@Nullable String toolCallId) {
		this(role, content, toolCalls, toolCallId, null);
	}

	private static void checkParts(String role, @Nullable String content, List<ContentPart> parts) {
		if (content != null) {
			throw new IllegalArgumentException("A message has a text content or content parts, not both: "
					+ "add the text as ContentPart.text(...)");
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("A message made of parts needs at least one part");
		}
		if (!role.equals(USER) && !role.equals(TOOL)) {
			throw new IllegalArgumentException("Groq takes content parts on user and tool messages; a " + role
					+ " message's content is text");
		}
	}

	/**
	 * The {@code content} as it goes on the wire: the text, or the array of parts (what
	 * Jackson writes as {@code content}).
	 * @return the text or the parts, {@code null} for neither
	 */
	@JsonGetter("content")
	public @Nullable Object wireContent() {
		return (this.parts != null) ? this.parts : this.content;
	}

	/**
	 * The bytes the message's inline ({@code data:}) images add to a request.
	 * @return the sum of their {@code data:} URLs' lengths, 0 when there are none
	 */
	long inlineImageBytes() {
		if (this.parts == null) {
			return 0;
		}
		long bytes = 0;
		for (ContentPart part : this.parts) {
			if (part instanceof ContentPart.ImagePart image) {
				bytes += image.inlineBytes();
			}
		}
		return bytes;
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
	 * A user message of several parts: text, images, documents.
	 * @param parts the parts, in order
	 * @return the message
	 */
	public static ChatMessage user(ContentPart... parts) {
		return user(List.of(parts));
	}

	/**
	 * A user message of several parts: text, images, documents.
	 * @param parts the parts, in order
	 * @return the message
	 */
	public static ChatMessage user(List<? extends ContentPart> parts) {
		return new ChatMessage(USER, null, null, null, List.copyOf(parts));
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

	/**
	 * A tool's result of several parts, e.g. an image the tool produced.
	 * @param toolCallId the id of the call ({@link ToolCall#id()})
	 * @param parts the result's parts
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, List<? extends ContentPart> parts) {
		return new ChatMessage(TOOL, null, null, toolCallId, List.copyOf(parts));
	}

}
