package io.github.groqspring.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.Tool;
import io.github.groqspring.chat.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;

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
	 * A user message: its text. Spring AI's {@code Media} (images) is refused until
	 * {@code ChatRequest} has content parts; this is the one place that will map them.
	 */
	private static ChatMessage user(UserMessage message) {
		if (!message.getMedia().isEmpty()) {
			throw new IllegalArgumentException("GroqChatModel does not send media yet: the user message carries "
					+ message.getMedia().size() + " media item(s) (" + message.getMedia().get(0).getMimeType()
					+ "); send text only");
		}
		return ChatMessage.user(text(message));
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
