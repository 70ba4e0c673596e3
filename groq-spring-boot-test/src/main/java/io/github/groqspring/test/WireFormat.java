package io.github.groqspring.test;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groq-shaped JSON bodies, field for field and in Groq's order as captured from the real API
 * (chat completions and chunks of October 2025 and February 2026, a models list of February
 * 2026, batch results of May 2026).
 */
final class WireFormat {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SYSTEM_FINGERPRINT = "fp_emulated";

	private WireFormat() {
	}

	/** Groq's error body: {@code {"error":{"message","type","code"?,"param"?}}}. */
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

	/** Groq's 400 for a request it refuses: {@code invalid_request_error}, no code. */
	static EmulatedResponse invalidRequest(String message) {
		return EmulatedResponse.error(400, "invalid_request_error", null, message);
	}

	static EmulatedResponse json(JsonNode body) {
		return EmulatedResponse.json(200, JSON.writeValueAsString(body));
	}

	static EmulatedResponse notFound(String kind, String id) {
		return EmulatedResponse.error(404, "invalid_request_error", "not_found", "No " + kind + " with id '" + id + "'");
	}

	static EmulatedResponse methodNotAllowed(RecordedRequest request) {
		return EmulatedResponse.error(405, "invalid_request_error", "method_not_allowed",
				request.method() + " is not allowed on " + request.path());
	}

	/** A blocking chat completion. */
	static ObjectNode completion(Completion completion, String model, String requestId, long seed, String servedTier) {
		ObjectNode body = JSON.createObjectNode()
			.put("id", completion.id())
			.put("object", "chat.completion")
			.put("created", completion.created())
			.put("model", model);
		ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
		ObjectNode message = choice.putObject("message").put("role", "assistant");
		if (completion.toolCalls().isEmpty()) {
			message.put("content", completion.content());
		}
		AnswerExtras extras = completion.extras();
		if (extras.reasoning() != null) {
			message.put("reasoning", extras.reasoning());
		}
		if (!completion.toolCalls().isEmpty()) {
			toolCalls(message.putArray("tool_calls"), completion.toolCalls(), false);
		}
		if (!extras.executedTools().isEmpty()) {
			message.putArray("executed_tools").addAll(extras.executedToolNodes());
		}
		if (!extras.annotations().isEmpty()) {
			message.putArray("annotations").addAll(extras.annotationNodes());
		}
		choice.putNull("logprobs");
		choice.put("finish_reason", completion.finishReason());
		body.set("usage", usage(completion));
		body.putNull("usage_breakdown");
		body.put("system_fingerprint", SYSTEM_FINGERPRINT);
		body.putObject("x_groq").put("id", requestId).put("seed", seed);
		body.put("service_tier", servedTier);
		return body;
	}

	/**
	 * One streamed chunk with one choice. Only the first chunk carries {@code x_groq.id}; only
	 * the last choice chunk {@code x_groq.usage} and the top-level {@code usage}; no choice
	 * chunk carries {@code service_tier} (captured).
	 */
	static ObjectNode chunk(Completion completion, String model, ObjectNode delta, @Nullable String finishReason,
			@Nullable ObjectNode xGroq, @Nullable ObjectNode usage) {
		ObjectNode body = chunkHead(completion, model);
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
		return body;
	}

	/**
	 * The extra last chunk of {@code stream_options.include_usage}: {@code "choices": []}, the
	 * usage and the served tier, no {@code x_groq} (captured).
	 */
	static ObjectNode usageChunk(Completion completion, String model, String servedTier) {
		ObjectNode body = chunkHead(completion, model);
		body.putArray("choices");
		body.set("usage", usage(completion));
		body.put("service_tier", servedTier);
		return body;
	}

	private static ObjectNode chunkHead(Completion completion, String model) {
		return JSON.createObjectNode()
			.put("id", completion.id())
			.put("object", "chat.completion.chunk")
			.put("created", completion.created())
			.put("model", model)
			.put("system_fingerprint", SYSTEM_FINGERPRINT);
	}

	/** Tool calls as on a message, or as one streamed delta each (with {@code index}). */
	static void toolCalls(ArrayNode into, List<EmulatedResponse.ToolCall> calls, boolean delta) {
		for (int i = 0; i < calls.size(); i++) {
			EmulatedResponse.ToolCall call = calls.get(i);
			ObjectNode toolCall = into.addObject().put("id", call.id()).put("type", "function");
			toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			if (delta) {
				toolCall.put("index", i);
			}
		}
	}

	static ObjectNode usage(Completion completion) {
		return usage(completion.promptTokens(), completion.completionTokens(), completion.cachedTokens(),
				completion.extras().reasoningTokenCount());
	}

	static ObjectNode usage(int promptTokens, int completionTokens) {
		return usage(promptTokens, completionTokens, 0, 0);
	}

	/**
	 * Groq's usage; {@code prompt_tokens_details} and {@code completion_tokens_details} only
	 * when there are cached or reasoning tokens (captured: a reasoning answer's usage ends
	 * with {@code completion_tokens_details}).
	 */
	static ObjectNode usage(int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens) {
		ObjectNode usage = JSON.createObjectNode()
			.put("queue_time", 0.0418)
			.put("prompt_tokens", promptTokens)
			.put("prompt_time", 0.00195)
			.put("completion_tokens", completionTokens)
			.put("completion_time", 0.245)
			.put("total_tokens", promptTokens + completionTokens)
			.put("total_time", 0.24695);
		if (cachedTokens > 0) {
			usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
		}
		if (reasoningTokens > 0) {
			usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
		}
		return usage;
	}

	static String models(Collection<EmulatedModel> models) {
		ObjectNode body = JSON.createObjectNode().put("object", "list");
		ArrayNode data = body.putArray("data");
		models.forEach((model) -> data.add(model(model)));
		return JSON.writeValueAsString(body);
	}

	static ObjectNode model(EmulatedModel model) {
		ObjectNode json = JSON.createObjectNode()
			.put("id", model.id())
			.put("object", "model")
			.put("created", model.created())
			.put("owned_by", model.ownedBy())
			.put("active", true)
			.put("context_window", model.contextWindow());
		json.putNull("public_apps");
		json.put("max_completion_tokens", model.maxCompletionTokens());
		return json;
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

}
