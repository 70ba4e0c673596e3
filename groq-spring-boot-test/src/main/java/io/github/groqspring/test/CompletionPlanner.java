package io.github.groqspring.test;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Works out what the emulated model answers, the way Groq's models behave where that is
 * documented: a scripted answer wins; a {@code tool_choice} of {@code required} or naming a
 * function gets a tool call (API reference: "required means the model must call one or more
 * tools"), with arguments valid against the function's parameters; {@code response_format}
 * {@code json_object} gets a JSON object and {@code json_schema} a minimal instance of the
 * schema (structured-outputs docs: strict mode output "will always match your schema");
 * images, built-in tools and documents get {@link RichAnswers}; otherwise the usual text.
 * A scripted answer's reasoning, executed tools, annotations and cached tokens go over the
 * emulator's own. A text longer than {@code max_completion_tokens} (or {@code max_tokens})
 * tokens is cut there with {@code finish_reason} {@code length}. One token is one
 * whitespace-led word, for prompt and completion alike; reasoning tokens count as
 * completion tokens.
 */
final class CompletionPlanner {

	private final GroqEmulator emulator;

	private final ServedModels models;

	CompletionPlanner(GroqEmulator emulator, ServedModels models) {
		this.emulator = emulator;
		this.models = models;
	}

	Completion plan(RecordedRequest request, JsonNode body, @Nullable EmulatedResponse scripted) {
		String id = Ids.completionId();
		long created = Instant.now().getEpochSecond();
		int promptTokens = promptTokens(body.path("messages"));
		AnswerExtras scriptedExtras = (scripted != null) ? scripted.extras() : AnswerExtras.NONE;
		if (scripted != null && !scripted.toolCalls().isEmpty()) {
			return toolCalls(id, created, scripted.toolCalls(), promptTokens, scriptedExtras);
		}
		String content = (scripted != null) ? scripted.content() : null;
		AnswerExtras own = AnswerExtras.NONE;
		if (content == null) {
			EmulatedResponse.ToolCall forced = forcedToolCall(body);
			if (forced != null) {
				return toolCalls(id, created, List.of(forced), promptTokens, scriptedExtras);
			}
			Function<RecordedRequest, String> replies = this.emulator.customReplies();
			RichAnswers.Answer rich = (replies != null) ? null : RichAnswers.answer(request, body);
			content = (replies != null) ? replies.apply(request)
					: (rich != null) ? rich.content() : defaultContent(request, body);
			own = (rich != null) ? rich.extras() : own;
		}
		String modelId = body.path("model").asString("");
		own = own.withReasoning(RichAnswers.reasoning(request, body, this.models.get(modelId)));
		AnswerExtras extras = scriptedExtras.over(own);
		if ("raw".equals(body.path("reasoning_format").asString("")) && extras.reasoning() != null) {
			// Reasoning docs: raw puts the reasoning in the content, between think tags.
			content = "<think>" + extras.reasoning() + "</think>\n" + content;
			extras = extras.withReasoningTokens(extras.reasoningTokenCount()).withReasoning(null);
		}
		List<String> pieces = EmulatedStream.split(content);
		String finishReason = (scripted != null && scripted.finishReason() != null) ? scripted.finishReason() : "stop";
		long limit = limit(body);
		if (pieces.size() > limit) {
			pieces = pieces.subList(0, (int) limit);
			content = String.join("", pieces);
			finishReason = "length";
		}
		return new Completion(id, created, content, pieces, List.of(), finishReason, promptTokens,
				Math.max(1, pieces.size()) + extras.reasoningTokenCount(), extras);
	}

	static String defaultReply(RecordedRequest request) {
		return "Emulated reply to: " + request.lastUserMessage();
	}

	private static Completion toolCalls(String id, long created, List<EmulatedResponse.ToolCall> calls,
			int promptTokens, AnswerExtras extras) {
		return new Completion(id, created, null, List.of(), calls, "tool_calls", promptTokens,
				10 * calls.size() + extras.reasoningTokenCount(), extras);
	}

	private static String defaultContent(RecordedRequest request, JsonNode body) {
		String type = body.path("response_format").path("type").asString("text");
		return switch (type) {
			case "json_object" -> WireFormat.JSON
				.writeValueAsString(WireFormat.JSON.createObjectNode().put("reply", defaultReply(request)));
			case "json_schema" -> WireFormat.JSON.writeValueAsString(
					SchemaInstances.minimal(body.path("response_format").path("json_schema").get("schema")));
			default -> defaultReply(request);
		};
	}

	/** The call a forced {@code tool_choice} makes: the named function, or the first one for {@code required}. */
	private static EmulatedResponse.@Nullable ToolCall forcedToolCall(JsonNode body) {
		JsonNode choice = body.path("tool_choice");
		String name;
		if (choice.isObject()) {
			name = choice.path("function").path("name").asString("");
		}
		else if ("required".equals(choice.asString(""))) {
			name = null;
		}
		else {
			return null;
		}
		for (JsonNode tool : body.path("tools")) {
			JsonNode function = tool.path("function");
			boolean named = name == null || name.equals(function.path("name").asString(""));
			if ("function".equals(tool.path("type").asString("")) && named) {
				String arguments = WireFormat.JSON
					.writeValueAsString(SchemaInstances.minimal(function.get("parameters")));
				return new EmulatedResponse.ToolCall(Ids.toolCallId(), function.path("name").asString(), arguments);
			}
		}
		return null;
	}

	private static long limit(JsonNode body) {
		JsonNode limit = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens")
				: body.get("max_tokens");
		return (limit != null && limit.isIntegralNumber()) ? limit.asLong() : Long.MAX_VALUE;
	}

	static int promptTokens(JsonNode messages) {
		int tokens = 0;
		for (JsonNode message : messages) {
			String content = RecordedRequest.text(message.path("content"));
			tokens += 4 + (content.isBlank() ? 0 : content.trim().split("\\s+").length);
		}
		return tokens;
	}

}
