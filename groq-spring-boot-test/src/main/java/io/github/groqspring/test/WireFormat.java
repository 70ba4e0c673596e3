package io.github.groqspring.test;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
		return completionBody(sequence, model, servedTier, "stop", usage(promptTokens, completionTokens),
				(message) -> message.put("content", content));
	}

	static String toolCallCompletion(long sequence, String model, List<EmulatedResponse.ToolCall> calls,
			String servedTier, int promptTokens) {
		return completionBody(sequence, model, servedTier, "tool_calls", usage(promptTokens, 10 * calls.size()),
				(message) -> {
					ArrayNode toolCalls = message.putArray("tool_calls");
					for (EmulatedResponse.ToolCall call : calls) {
						ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
						toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
					}
				});
	}

	private static String completionBody(long sequence, String model, String servedTier, String finishReason,
			ObjectNode usage, Consumer<ObjectNode> message) {
		ObjectNode body = JSON.createObjectNode()
			.put("id", "chatcmpl-emulated-" + sequence)
			.put("object", "chat.completion")
			.put("created", 1730241104L + sequence)
			.put("model", model);
		ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
		message.accept(choice.putObject("message").put("role", "assistant"));
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		body.set("usage", usage);
		body.put("system_fingerprint", "fp_emulated");
		body.putObject("x_groq").put("id", "req_emulated_" + sequence).put("seed", 167346302 + sequence);
		body.put("service_tier", servedTier);
		return JSON.writeValueAsString(body);
	}

	/** Groq's 400 for a request it refuses. */
	static EmulatedResponse invalidRequest(String message) {
		return EmulatedResponse.error(400, "invalid_request_error", null, message);
	}

	/**
	 * A request body as Groq reads it: a JSON object, or the 400 Groq gives for anything else.
	 *
	 * @param json the object, {@code null} when refused
	 * @param refusal the 400, {@code null} when the body is an object
	 */
	record ObjectBody(@Nullable JsonNode json, @Nullable EmulatedResponse refusal) {

		static ObjectBody of(RecordedRequest request) {
			JsonNode body;
			try {
				body = request.json();
			}
			catch (JacksonException ex) {
				return new ObjectBody(null, invalidRequest("Failed to parse the request body as JSON"));
			}
			return body.isObject() ? new ObjectBody(body, null)
					: new ObjectBody(null, invalidRequest("The request body must be a JSON object"));
		}

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
