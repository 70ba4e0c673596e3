package io.github.groqspring.test;

import java.io.OutputStream;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's chat completions endpoint ({@code POST /openai/v1/chat/completions}):
 * validates a request as Groq does ({@link ChatRequestValidator}), works out the answer
 * ({@link CompletionPlanner}) and sends it whole or streamed ({@link StreamedCompletion}).
 * Batch lines come through {@link #batchLine} with the Batch API's differences.
 */
final class ChatCompletions {

	static final String EVENT_STREAM = "text/event-stream";

	private final ChatRequestValidator validator;

	private final CompletionPlanner planner;

	private volatile @Nullable Set<String> allowedTiers;

	private volatile @Nullable RateLimitEnforcer rateLimits;

	ChatCompletions(GroqEmulator emulator, ServedModels models) {
		this.validator = new ChatRequestValidator(models);
		this.planner = new CompletionPlanner(emulator, models);
	}

	void allowTiers(@Nullable Set<String> tiers) {
		this.allowedTiers = tiers;
	}

	void enforce(@Nullable RateLimitEnforcer rateLimits) {
		this.rateLimits = rateLimits;
	}

	@Nullable RateLimitEnforcer rateLimits() {
		return this.rateLimits;
	}

	/**
	 * The answer to a chat request: a refusal, a completion, or, for {@code "stream": true},
	 * an event-stream response without body whose stream the exchange then holds.
	 * @param exchange the request and its id
	 * @param scripted the scripted answer without body (a reply, tool calls, a delay), or {@code null}
	 * @param scripts the scripted streams, taken from only by a valid streamed request
	 */
	EmulatedResponse answer(Exchange exchange, @Nullable EmulatedResponse scripted,
			Supplier<@Nullable EmulatedStream> scripts) {
		WireFormat.ObjectBody parsed = WireFormat.ObjectBody.of(exchange.request());
		if (parsed.refusal() != null) {
			return parsed.refusal();
		}
		JsonNode body = Objects.requireNonNull(parsed.json());
		EmulatedResponse refusal = ImageRules.tooLarge(exchange.request(), body);
		if (refusal == null) {
			refusal = this.validator.refusal(body, this.allowedTiers);
		}
		RateLimitEnforcer limits = this.rateLimits;
		if (refusal != null) {
			if (limits != null && body.hasNonNull("model")) {
				limits.report(exchange, body.get("model").asString(), servedTier(body));
			}
			return refusal;
		}
		Completion completion = this.planner.plan(exchange.request(), body, scripted);
		String model = body.get("model").asString();
		String tier = servedTier(body);
		if (limits != null) {
			EmulatedResponse rejection = limits.admit(exchange, model, tier,
					completion.promptTokens() - completion.cachedTokens() + completion.completionTokens());
			if (rejection != null) {
				return rejection;
			}
		}
		EmulatedResponse response;
		if (body.path("stream").asBoolean(false)) {
			exchange.stream(new Exchange.StreamPlan(completion, model, tier,
					body.path("stream_options").path("include_usage").asBoolean(false), scripts.get()));
			response = EmulatedResponse.reply("").withHeader("content-type", EVENT_STREAM);
		}
		else {
			response = EmulatedResponse.json(200,
					WireFormat.JSON.writeValueAsString(WireFormat.completion(completion, model, exchange.requestId(),
							seed(body, exchange.requestId()), tier)));
		}
		if (scripted == null) {
			return response;
		}
		for (var header : scripted.headers().entrySet()) {
			response = response.withHeader(header.getKey(), header.getValue());
		}
		return response.delayedBy(scripted.delay()).withFault(scripted.fault(), scripted.dripInterval());
	}

	/**
	 * The answer to one batch line's body, as Groq's Batch API gives it: validated like a
	 * chat request, {@code "service_tier": "batch"} in the completion (captured), and a 400
	 * for {@code "stream": true}, which a batch cannot stream (wording: the emulator's).
	 */
	EmulatedResponse batchLine(RecordedRequest request, String requestId) {
		Exchange exchange = new Exchange(request, requestId);
		WireFormat.ObjectBody parsed = WireFormat.ObjectBody.of(request);
		if (parsed.refusal() != null) {
			return parsed.refusal();
		}
		JsonNode body = Objects.requireNonNull(parsed.json());
		if (body.path("stream").asBoolean(false)) {
			return WireFormat.invalidRequest("`stream` is not supported in batch requests");
		}
		EmulatedResponse refusal = this.validator.refusal(body, null);
		if (refusal != null) {
			return refusal;
		}
		Completion completion = this.planner.plan(request, body, null);
		return EmulatedResponse.json(200, WireFormat.JSON.writeValueAsString(WireFormat.completion(completion,
				body.get("model").asString(), exchange.requestId(), seed(body, requestId), "batch")));
	}

	/**
	 * Play a streamed answer.
	 * @param out the chunked response body
	 * @param exchange the exchange holding the stream
	 * @return how the stream ended
	 */
	StreamOutcome stream(OutputStream out, Exchange exchange) {
		Exchange.StreamPlan plan = Objects.requireNonNull(exchange.stream(), "no stream planned");
		EmulatedStream script = (plan.script() != null) ? plan.script() : EmulatedStream.usualReply();
		return new StreamedCompletion(plan, exchange.requestId(), script).play(out);
	}

	/** Groq echoes the tier that served: {@code on_demand} when none was sent; which tier {@code auto} gets is unconfirmed. */
	private static String servedTier(JsonNode body) {
		String requested = body.hasNonNull("service_tier") ? body.get("service_tier").asString() : null;
		return (requested == null || requested.equals("auto")) ? "on_demand" : requested;
	}

	/** The request's seed, or a stable one derived from the request id. */
	private static long seed(JsonNode body, String requestId) {
		return body.hasNonNull("seed") ? body.get("seed").asLong() : (requestId.hashCode() & 0x7FFFFFFFL);
	}

}
