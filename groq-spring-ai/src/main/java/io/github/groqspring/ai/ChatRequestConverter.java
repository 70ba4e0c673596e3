package io.github.groqspring.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ContentPart;
import io.github.groqspring.chat.Tool;
import io.github.groqspring.chat.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.MimeType;

/**
 * Turns a Spring AI prompt and its options into the {@link ChatRequest} Groq is sent. An
 * assistant message goes back with its text and tool calls only: its metadata (a reasoning
 * model's reasoning above all, which Groq refuses on assistant messages) never reaches the
 * wire.
 */
final class ChatRequestConverter {

	private final ToolCallingManager toolCallingManager;

	private final JsonMapper jsonMapper;

	ChatRequestConverter(ToolCallingManager toolCallingManager, JsonMapper jsonMapper) {
		this.toolCallingManager = toolCallingManager;
		this.jsonMapper = jsonMapper;
	}

	ChatRequest toRequest(Prompt prompt, GroqChatOptions options) {
		ChatRequest.Builder request = ChatRequest.builder().model(options.getModel()).messages(messages(prompt));
		if (options.getTemperature() != null) {
			request.temperature(options.getTemperature());
		}
		if (options.getTopP() != null) {
			request.topP(options.getTopP());
		}
		if (options.getTopK() != null) {
			throw new IllegalArgumentException("Groq has no top-k sampling: remove topK (" + options.getTopK()
					+ ") from the options, or use topP");
		}
		if (options.getMaxTokens() != null) {
			request.maxCompletionTokens(options.getMaxTokens());
		}
		if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
			request.stop(options.getStopSequences().toArray(String[]::new));
		}
		if (options.getFrequencyPenalty() != null) {
			request.extraBody("frequency_penalty", options.getFrequencyPenalty());
		}
		if (options.getPresencePenalty() != null) {
			request.extraBody("presence_penalty", options.getPresencePenalty());
		}
		List<Tool> tools = tools(options);
		if (!tools.isEmpty()) {
			request.tools(tools);
		}
		if (options.getToolChoice() != null) {
			request.toolChoice(options.getToolChoice());
		}
		if (options.getParallelToolCalls() != null) {
			request.parallelToolCalls(options.getParallelToolCalls());
		}
		if (options.getResponseFormat() != null) {
			request.responseFormat(options.getResponseFormat());
		}
		if (options.getReasoningEffort() != null) {
			request.reasoningEffort(options.getReasoningEffort());
		}
		if (options.getReasoningFormat() != null) {
			request.reasoningFormat(options.getReasoningFormat());
		}
		if (options.getIncludeReasoning() != null) {
			request.includeReasoning(options.getIncludeReasoning());
		}
		if (options.getSeed() != null) {
			request.seed(options.getSeed());
		}
		return request.serviceTier(options.getServiceTier()).endUserId(options.getEndUserId()).build();
	}

	private List<Tool> tools(GroqChatOptions options) {
		List<ToolDefinition> definitions = this.toolCallingManager.resolveToolDefinitions(options);
		List<Tool> tools = new ArrayList<>(definitions.size());
		for (ToolDefinition definition : definitions) {
			tools.add(Tool.function(definition.name(), definition.description(), schema(definition)));
		}
		return tools;
	}

	@SuppressWarnings("unchecked")
	private Map<String, ?> schema(ToolDefinition definition) {
		return this.jsonMapper.readValue(definition.inputSchema(), Map.class);
	}

	static List<ChatMessage> messages(Prompt prompt) {
		List<Message> instructions = prompt.getInstructions();
		List<ChatMessage> messages = new ArrayList<>(instructions.size() + 1);
		for (Message message : instructions) {
			switch (message.getMessageType()) {
				case SYSTEM -> messages.add(ChatMessage.system(text(message)));
				case USER -> messages.add(user((UserMessage) message));
				case ASSISTANT -> messages.add(assistant((AssistantMessage) message));
				case TOOL -> {
					for (ToolResponseMessage.ToolResponse response : ((ToolResponseMessage) message).getResponses()) {
						messages.add(ChatMessage.tool(response.id(), response.responseData()));
					}
				}
			}
		}
		return messages;
	}

	/**
	 * A user message: its text, and each of Spring AI's {@code Media} as an image part after
	 * it: a URL as given (Groq fetches it; a {@code data:} URL is sent as it is), bytes
	 * inline as a {@code data:<media type>;base64,...} URL of the media's MIME type. Groq's
	 * image limits are checked as each part is made ({@link ContentPart}).
	 * @throws IllegalArgumentException for a media item that is not an image, naming its type
	 */
	private static ChatMessage user(UserMessage message) {
		List<Media> media = message.getMedia();
		if (media.isEmpty()) {
			return ChatMessage.user(text(message));
		}
		List<ContentPart> parts = new ArrayList<>(media.size() + 1);
		String text = message.getText();
		if (text != null && !text.isEmpty()) {
			parts.add(ContentPart.text(text));
		}
		for (int i = 0; i < media.size(); i++) {
			parts.add(image(media.get(i), i));
		}
		return ChatMessage.user(parts);
	}

	private static ContentPart image(Media media, int index) {
		MimeType type = media.getMimeType();
		if (!"image".equals(type.getType())) {
			throw new IllegalArgumentException("GroqChatModel sends only images to Groq, but media item " + index
					+ " of the user message has type " + type + ": Groq's chat takes images by URL (any image/* type) or "
					+ "inline as " + ContentPart.IMAGE_MEDIA_TYPES.stream().sorted().toList()
					+ "; send other content as text");
		}
		Object data = media.getData();
		if (data instanceof byte[] bytes) {
			return ContentPart.image(type, bytes);
		}
		if (data instanceof String url) {
			return ContentPart.imageUrl(url);
		}
		throw new IllegalArgumentException("Media item " + index + " of the user message holds "
				+ data.getClass().getName() + ": GroqChatModel sends a URL (String) or bytes (byte[])");
	}

	/** Text and tool calls only: metadata such as {@code reasoningContent} stays out (Spring AI issue 6968). */
	private static ChatMessage assistant(AssistantMessage message) {
		List<AssistantMessage.ToolCall> calls = message.getToolCalls();
		if (calls.isEmpty()) {
			return ChatMessage.assistant(text(message));
		}
		List<ToolCall> toolCalls = new ArrayList<>(calls.size());
		for (AssistantMessage.ToolCall call : calls) {
			toolCalls.add(ToolCall.function(call.id(), call.name(), call.arguments()));
		}
		String text = message.getText();
		return ChatMessage.assistant((text != null && !text.isEmpty()) ? text : null, toolCalls);
	}

	private static String text(Message message) {
		@Nullable String text = message.getText();
		return (text != null) ? text : "";
	}

}
