package io.github.groqspring.test;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's chat completions endpoint: validates a request the way Groq does, then
 * answers with a deterministic completion, streamed when the request asks for it.
 */
final class ChatCompletions {

	/** The body fields Groq's chat completions accept. */
	static final Set<String> KNOWN_FIELDS = Set.of("model", "messages", "temperature", "top_p",
			"max_completion_tokens", "max_tokens", "stop", "seed", "stream", "stream_options", "tools", "tool_choice",
			"parallel_tool_calls", "response_format", "reasoning_effort", "reasoning_format", "include_reasoning",
			"service_tier", "user", "citation_options", "documents", "search_settings", "compound_custom",
			"disable_tool_validation", "n", "frequency_penalty", "presence_penalty", "metadata");

	static final Set<String> TIERS = Set.of("performance", "on_demand", "flex", "auto");

	static final String EVENT_STREAM = "text/event-stream";

	private final GroqEmulator emulator;

	private volatile @Nullable Set<String> allowedTiers;

	ChatCompletions(GroqEmulator emulator) {
		this.emulator = emulator;
	}

	void allowTiers(@Nullable Set<String> tiers) {
		this.allowedTiers = tiers;
	}

	EmulatedResponse answer(RecordedRequest request, @Nullable EmulatedResponse scripted) {
		WireFormat.ObjectBody parsed = WireFormat.ObjectBody.of(request);
		if (parsed.refusal() != null) {
			return parsed.refusal();
		}
		JsonNode body = Objects.requireNonNull(parsed.json());
		EmulatedResponse refusal = validate(body);
		if (refusal != null) {
			return refusal;
		}
		String model = body.get("model").asString();
		String tier = body.hasNonNull("service_tier") ? body.get("service_tier").asString() : null;
		String content = (scripted != null && scripted.content() != null) ? scripted.content()
				: this.emulator.reply(request);
		boolean callsTools = scripted != null && !scripted.toolCalls().isEmpty();
		if (callsTools && body.path("stream").asBoolean(false)) {
			return invalid("The emulator streams text replies only: script tool calls for blocking requests");
		}
		if (body.path("stream").asBoolean(false)) {
			this.emulator.nextSequence();
			EmulatedResponse stream = EmulatedResponse.reply(content).withHeader("content-type", EVENT_STREAM);
			return (scripted != null) ? stream.delayedBy(scripted.delay()) : stream;
		}
		int promptTokens = countTokens(body.get("messages"));
		int completionTokens = Math.max(1, content.split("\\s+").length);
		String json = (callsTools && scripted != null)
				? WireFormat.toolCallCompletion(this.emulator.nextSequence(), model, scripted.toolCalls(),
						servedTier(tier), promptTokens)
				: WireFormat.completion(this.emulator.nextSequence(), model, content, servedTier(tier), promptTokens,
						completionTokens);
		EmulatedResponse response = EmulatedResponse.json(200, json);
		if (scripted == null) {
			return response;
		}
		for (var header : scripted.headers().entrySet()) {
			response = response.withHeader(header.getKey(), header.getValue());
		}
		return response.delayedBy(scripted.delay()).withFault(scripted.fault(), scripted.dripInterval());
	}

	/**
	 * Whether {@link #answer} asked for a streamed answer: a valid {@code "stream":true}
	 * request gets a reply without body, marked as an event stream.
	 */
	static boolean isStream(EmulatedResponse response) {
		return response.body() == null && EVENT_STREAM.equals(response.headers().get("content-type"));
	}

	/**
	 * Stream the answer {@link #answer} prepared.
	 * @param out the chunked response body
	 * @param request the request
	 * @param answer what {@link #answer} returned
	 * @param script the scripted stream, or {@code null} for the usual one
	 * @param sequence the request's sequence number
	 * @return how the stream ended
	 */
	StreamOutcome stream(OutputStream out, RecordedRequest request, EmulatedResponse answer,
			@Nullable EmulatedStream script, long sequence) {
		JsonNode body = request.json();
		String tier = body.hasNonNull("service_tier") ? body.get("service_tier").asString() : null;
		StreamedCompletion completion = new StreamedCompletion(sequence, body.get("model").asString(),
				servedTier(tier), (script != null) ? script : EmulatedStream.usualReply());
		String content = (answer.content() != null) ? answer.content() : "";
		return completion.play(out, content, countTokens(body.get("messages")));
	}

	static String defaultReply(RecordedRequest request) {
		return "Emulated reply to: " + request.lastUserMessage();
	}

	static EmulatedResponse modelNotFound(String model) {
		return EmulatedResponse.error(404, "invalid_request_error", "model_not_found",
				"The model `" + model + "` does not exist or you do not have access to it.");
	}

	private @Nullable EmulatedResponse validate(JsonNode body) {
		for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!KNOWN_FIELDS.contains(name)) {
				return invalid("property '" + name + "' is unsupported");
			}
		}
		if (body.has("n") && body.get("n").asInt() != 1) {
			return invalid("'n' : number must be at most 1");
		}
		if (!body.hasNonNull("model")) {
			return invalid("property 'model' is missing");
		}
		String model = body.get("model").asString();
		if (!this.emulator.models().contains(model)) {
			return modelNotFound(model);
		}
		JsonNode messages = body.get("messages");
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			return invalid("'messages' : minimum number of items is 1");
		}
		for (JsonNode message : messages) {
			if (message.has("name")) {
				return invalid("'messages.name' : property 'name' is unsupported");
			}
		}
		if (body.hasNonNull("service_tier")) {
			String tier = body.get("service_tier").asString();
			if (!TIERS.contains(tier)) {
				return invalid("'service_tier' : value must be one of " + GroqEmulator.sorted(TIERS));
			}
			Set<String> allowed = this.allowedTiers;
			if (allowed != null && !allowed.contains(tier)) {
				return invalid("`service_tier` `" + tier + "` is not available for this org. You can check your "
						+ "plan at https://console.groq.com/settings/billing");
			}
		}
		return null;
	}

	private static String servedTier(@Nullable String requested) {
		return (requested == null || requested.equals("auto")) ? "on_demand" : requested;
	}

	private static int countTokens(JsonNode messages) {
		int tokens = 0;
		for (JsonNode message : messages) {
			String content = message.path("content").asString("");
			tokens += 4 + (content.isBlank() ? 0 : content.trim().split("\\s+").length);
		}
		return tokens;
	}

	private static EmulatedResponse invalid(String message) {
		return WireFormat.invalidRequest(message);
	}

}
