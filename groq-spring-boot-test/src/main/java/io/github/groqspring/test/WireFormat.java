package io.github.groqspring.test;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groq-shaped JSON bodies, as captured from the real API.
 */
final class WireFormat {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private WireFormat() {
	}

	static String errorBody(String type, @Nullable String code, String message, @Nullable String failedGeneration) {
		ObjectNode error = JSON.createObjectNode().put("message", message).put("type", type);
		if (code != null) {
			error.put("code", code);
		}
		if (failedGeneration != null) {
			error.put("failed_generation", failedGeneration);
		}
		ObjectNode body = JSON.createObjectNode();
		body.set("error", error);
		return JSON.writeValueAsString(body);
	}

	static String completion(long sequence, String model, String content, String servedTier, int promptTokens,
			int completionTokens) {
		ObjectNode body = JSON.createObjectNode()
			.put("id", "chatcmpl-emulated-" + sequence)
			.put("object", "chat.completion")
			.put("created", 1730241104L + sequence)
			.put("model", model);
		ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
		choice.putObject("message").put("role", "assistant").put("content", content);
		choice.putNull("logprobs");
		choice.put("finish_reason", "stop");
		body.set("usage", usage(promptTokens, completionTokens));
		body.put("system_fingerprint", "fp_emulated");
		body.putObject("x_groq").put("id", "req_emulated_" + sequence).put("seed", 167346302 + sequence);
		body.put("service_tier", servedTier);
		return JSON.writeValueAsString(body);
	}

	static String toolCallCompletion(long sequence, String model, List<EmulatedResponse.ToolCall> calls,
			String servedTier, int promptTokens) {
		ObjectNode body = JSON.createObjectNode()
			.put("id", "chatcmpl-emulated-" + sequence)
			.put("object", "chat.completion")
			.put("created", 1730241104L + sequence)
			.put("model", model);
		ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
		ObjectNode message = choice.putObject("message").put("role", "assistant");
		ArrayNode toolCalls = message.putArray("tool_calls");
		for (EmulatedResponse.ToolCall call : calls) {
			ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
			toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
		}
		choice.putNull("logprobs");
		choice.put("finish_reason", "tool_calls");
		body.set("usage", usage(promptTokens, 10 * calls.size()));
		body.put("system_fingerprint", "fp_emulated");
		body.putObject("x_groq").put("id", "req_emulated_" + sequence).put("seed", 167346302 + sequence);
		body.put("service_tier", servedTier);
		return JSON.writeValueAsString(body);
	}

	static String chunk(long sequence, String model, String servedTier, ObjectNode delta, @Nullable String finishReason,
			@Nullable ObjectNode xGroq, @Nullable ObjectNode usage) {
		ObjectNode body = JSON.createObjectNode()
			.put("id", "chatcmpl-emulated-" + sequence)
			.put("object", "chat.completion.chunk")
			.put("created", 1730241104L + sequence)
			.put("model", model)
			.put("system_fingerprint", "fp_emulated");
		ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		if (xGroq != null) {
			body.set("x_groq", xGroq);
		}
		if (usage != null) {
			body.set("usage", usage);
		}
		body.put("service_tier", servedTier);
		return JSON.writeValueAsString(body);
	}

	static ObjectNode usage(int promptTokens, int completionTokens) {
		return JSON.createObjectNode()
			.put("queue_time", 0.0418)
			.put("prompt_tokens", promptTokens)
			.put("prompt_time", 0.00195)
			.put("completion_tokens", completionTokens)
			.put("completion_time", 0.245)
			.put("total_tokens", promptTokens + completionTokens)
			.put("total_time", 0.24695);
	}

	static String models(Collection<String> ids) {
		ObjectNode body = JSON.createObjectNode().put("object", "list");
		ArrayNode data = body.putArray("data");
		for (String id : ids) {
			data.add(model(id));
		}
		return JSON.writeValueAsString(body);
	}

	static ObjectNode model(String id) {
		ObjectNode model = JSON.createObjectNode()
			.put("id", id)
			.put("object", "model")
			.put("created", 1693721698L)
			.put("owned_by", id.startsWith("openai/") ? "OpenAI" : "Meta")
			.put("active", true)
			.put("context_window", 131072);
		model.putNull("public_apps");
		model.put("max_completion_tokens", 32768);
		return model;
	}

}
