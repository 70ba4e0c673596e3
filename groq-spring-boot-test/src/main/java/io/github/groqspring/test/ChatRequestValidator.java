package io.github.groqspring.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.groqspring.test.EmulatedModel.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a chat completion request the way Groq does and answers with Groq's 400 (or 404)
 * for what Groq refuses. Each rule names its source: a captured Groq answer
 * ("captured"), Groq's API reference as generated into the official SDKs groq-sdk 1.6.0 and
 * groq-python ("API reference"), or a Groq docs page. Where only the rule is documented
 * and not Groq's wording, the message follows the shape of Groq's captured validation
 * messages ({@code '<path>' : <problem>}) and the README says the wording is the emulator's.
 * The per-message rules are in {@link MessageValidator}.
 */
final class ChatRequestValidator {

	/**
	 * Body properties Groq's chat completions accept (API reference; {@code stream_options}:
	 * captured). Not here, so refused as unknown: {@code store} and {@code metadata}, which
	 * the API reference lists as "not currently supported" (store captured: "property 'store'
	 * is unsupported, did you mean 'stop'?").
	 */
	static final Set<String> KNOWN_FIELDS = new LinkedHashSet<>(List.of("messages", "model", "citation_options",
			"compound_custom", "disable_tool_validation", "documents", "exclude_domains", "frequency_penalty",
			"function_call", "functions", "include_domains", "include_reasoning", "logit_bias", "logprobs",
			"max_completion_tokens", "max_tokens", "n", "parallel_tool_calls", "presence_penalty", "reasoning_effort",
			"reasoning_format", "response_format", "search_settings", "seed", "service_tier", "stop", "stream",
			"stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user"));

	/** Non-null values of these are refused (captured: "`logprobs` is not supported with this model"). */
	static final List<String> NOT_SUPPORTED_WHEN_SET = List.of("logprobs", "top_logprobs", "logit_bias");

	static final Set<String> TIERS = new LinkedHashSet<>(List.of("auto", "on_demand", "flex", "performance"));

	private static final Set<String> REASONING_EFFORTS = new LinkedHashSet<>(
			List.of("none", "default", "low", "medium", "high"));

	private static final Set<String> REASONING_FORMATS = new LinkedHashSet<>(List.of("hidden", "raw", "parsed"));

	private static final Set<String> RESPONSE_FORMATS = new LinkedHashSet<>(
			List.of("text", "json_object", "json_schema"));

	/** Function and schema names (API reference: "a-z, A-Z, 0-9, or contain underscores and dashes, ... 64"). */
	static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	/** Up to 4 stop sequences (API reference, {@code stop}). */
	static final int MAX_STOP = 4;

	private final ServedModels models;

	ChatRequestValidator(ServedModels models) {
		this.models = models;
	}

	/**
	 * The refusal Groq would give, or {@code null} when Groq would answer.
	 * @param body the request body, a JSON object
	 * @param allowedTiers the tiers the organisation may use, {@code null} for all
	 */
	@Nullable EmulatedResponse refusal(JsonNode body, @Nullable Set<String> allowedTiers) {
		String problem = unknownProperty(body);
		if (problem == null) {
			problem = ranges(body);
		}
		if (problem != null) {
			return WireFormat.invalidRequest(problem);
		}
		if (!body.hasNonNull("model")) {
			return WireFormat.invalidRequest("property 'model' is missing");
		}
		if (!body.get("model").isString()) {
			return WireFormat.invalidRequest("'model' : value must be a string");
		}
		EmulatedModel model = this.models.get(body.get("model").asString());
		if (model == null) {
			return modelNotFound(body.get("model").asString());
		}
		if (this.models.decommissioned(model.id())) {
			return modelDecommissioned(model.id());
		}
		if (this.models.termsRequired(model.id())) {
			return termsRequired(model.id());
		}
		if (!model.can(Capability.CHAT)) {
			// Rule: whisper and TTS models serve the audio endpoints only (models page); wording: emulator's.
			return WireFormat.invalidRequest("The model `" + model.id() + "` does not support chat completions");
		}
		problem = Problems.firstOf(new MessageValidator(model).problem(body.get("messages")),
				ImageRules.tooMany(body.path("messages")), maxTokens(body, model), ToolValidator.problem(body, model),
				responseFormat(body, model), tier(body), stream(body), reasoning(body), ExtrasValidator.problem(body));
		if (problem != null) {
			return WireFormat.invalidRequest(problem);
		}
		String tier = body.hasNonNull("service_tier") ? body.get("service_tier").asString() : null;
		if (tier != null && allowedTiers != null && !allowedTiers.contains(tier)) {
			// Captured wording.
			return WireFormat.invalidRequest("`service_tier` `" + tier + "` is not available for this org. You can "
					+ "check your plan at https://console.groq.com/settings/billing");
		}
		return null;
	}

	/**
	 * Captured (crewAIInc/crewAI#1976, valentinfrlch/ha-llmvision#324): 400
	 * {@code model_decommissioned}, "The model `x` has been decommissioned and is no longer
	 * supported. Please refer to https://console.groq.com/docs/deprecations for a
	 * recommendation on which model to use instead."
	 */
	static EmulatedResponse modelDecommissioned(String model) {
		return EmulatedResponse.error(400, "invalid_request_error", "model_decommissioned", "The model `" + model
				+ "` has been decommissioned and is no longer supported. Please refer to "
				+ "https://console.groq.com/docs/deprecations for a recommendation on which model to use instead.");
	}

	/**
	 * Captured (for playai-tts, mistral-saba-24b): 400 {@code model_terms_required}, "The model
	 * `x` requires terms acceptance. Please have the org admin accept the terms at
	 * https://console.groq.com/playground?model=x".
	 */
	static EmulatedResponse termsRequired(String model) {
		return EmulatedResponse.error(400, "invalid_request_error", "model_terms_required", "The model `" + model
				+ "` requires terms acceptance. Please have the org admin accept the terms at "
				+ "https://console.groq.com/playground?model=" + model);
	}

	/** Captured: 404 "The model `x` does not exist or you do not have access to it.", code model_not_found. */
	static EmulatedResponse modelNotFound(String model) {
		return EmulatedResponse.error(404, "invalid_request_error", "model_not_found",
				"The model `" + model + "` does not exist or you do not have access to it.");
	}

	private static @Nullable String unknownProperty(JsonNode body) {
		for (String name : body.propertyNames()) {
			if (!KNOWN_FIELDS.contains(name)) {
				return Problems.unsupported(name, KNOWN_FIELDS);
			}
		}
		for (String name : NOT_SUPPORTED_WHEN_SET) {
			if (body.hasNonNull(name)) {
				return "`" + name + "` is not supported with this model";
			}
		}
		return null;
	}

	private static @Nullable String ranges(JsonNode body) {
		// API reference: temperature "between 0 and 2"; penalties "between -2.0 and 2.0"; top_p a probability mass.
		return Problems.firstOf(number(body, "temperature", 0, 2), number(body, "top_p", 0, 1),
				number(body, "frequency_penalty", -2, 2), number(body, "presence_penalty", -2, 2), n(body),
				integer(body, "seed"), stop(body), booleanField(body, "parallel_tool_calls"),
				booleanField(body, "include_reasoning"), booleanField(body, "disable_tool_validation"),
				stringField(body, "user"), Problems.oneOf(body, "citation_options", Set.of("enabled", "disabled")));
	}

	/** API reference: "only n=1 is supported. Other values will result in a 400 response"; null is accepted (captured). */
	private static @Nullable String n(JsonNode body) {
		JsonNode n = body.get("n");
		if (n == null || n.isNull()) {
			return null;
		}
		if (!n.isIntegralNumber()) {
			return "'n' : value must be an integer";
		}
		return (n.asLong() > 1) ? "'n' : number must be at most 1"
				: (n.asLong() < 1) ? "'n' : number must be at least 1" : null;
	}

	private static @Nullable String stop(JsonNode body) {
		JsonNode stop = body.get("stop");
		if (stop == null || stop.isNull() || stop.isString()) {
			return null;
		}
		if (!stop.isArray()) {
			return "'stop' : value must be a string or an array of strings";
		}
		if (stop.size() > MAX_STOP) {
			return "'stop' : maximum number of items is " + MAX_STOP;
		}
		for (int i = 0; i < stop.size(); i++) {
			if (!stop.get(i).isString()) {
				return "'stop." + i + "' : value must be a string";
			}
		}
		return null;
	}

	/**
	 * At least 1, at most the model's {@code max_completion_tokens}; captured over the limit:
	 * "`max_tokens` must be less than or equal to `40960`, ..." (for either spelling).
	 */
	private static @Nullable String maxTokens(JsonNode body, EmulatedModel model) {
		for (String name : List.of("max_completion_tokens", "max_tokens")) {
			JsonNode value = body.get(name);
			if (value == null || value.isNull()) {
				continue;
			}
			if (!value.isIntegralNumber()) {
				return "'" + name + "' : value must be an integer";
			}
			if (value.asLong() < 1) {
				return "'" + name + "' : number must be at least 1";
			}
			if (value.asLong() > model.maxCompletionTokens()) {
				return "`max_tokens` must be less than or equal to `" + model.maxCompletionTokens()
						+ "`, the maximum value for `max_tokens` is less than the `context_window` for this model";
			}
		}
		return null;
	}

	private static @Nullable String responseFormat(JsonNode body, EmulatedModel model) {
		JsonNode format = body.get("response_format");
		if (format == null || format.isNull()) {
			return null;
		}
		if (!format.isObject()) {
			return "'response_format' : value must be an object";
		}
		String type = format.path("type").asString("");
		if (!RESPONSE_FORMATS.contains(type)) {
			return "'response_format.type' : value must be one of " + Problems.list(RESPONSE_FORMATS);
		}
		if (!type.equals("json_schema")) {
			return null;
		}
		if (!model.can(Capability.JSON_SCHEMA)) {
			// Captured wording (llama-3.3-70b-versatile); supported models: structured-outputs docs.
			return "This model does not support response format `json_schema`. See supported models at "
					+ "https://console.groq.com/docs/structured-outputs#supported-models";
		}
		JsonNode schema = format.get("json_schema");
		if (schema == null || !schema.isObject()) {
			return "'response_format.json_schema' : property 'json_schema' is missing";
		}
		JsonNode name = schema.get("name");
		if (name == null || !name.isString()) {
			return "'response_format.json_schema.name' : property 'name' is missing";
		}
		if (!NAME.matcher(name.asString()).matches()) {
			return "'response_format.json_schema.name' : does not match pattern '^[a-zA-Z0-9_-]{1,64}$'";
		}
		JsonNode definition = schema.get("schema");
		if (definition != null && !definition.isNull() && !definition.isObject()) {
			return "'response_format.json_schema.schema' : value must be an object";
		}
		return null;
	}

	private static @Nullable String tier(JsonNode body) {
		return Problems.oneOf(body, "service_tier", TIERS);
	}

	/**
	 * {@code stream_options} only with {@code "stream": true}: the stricter reading, from
	 * the API reference of August 2024 ("Only set this when you set stream: true"); whether
	 * Groq refuses it without a stream is unconfirmed. Wording: the emulator's.
	 */
	private static @Nullable String stream(JsonNode body) {
		String problem = booleanField(body, "stream");
		if (problem != null) {
			return problem;
		}
		JsonNode options = body.get("stream_options");
		if (options == null || options.isNull()) {
			return null;
		}
		if (!options.isObject()) {
			return "'stream_options' : value must be an object";
		}
		for (String name : options.propertyNames()) {
			if (!name.equals("include_usage")) {
				return "'stream_options' : " + Problems.unsupported(name, Set.of("include_usage"));
			}
		}
		if (options.has("include_usage") && !options.get("include_usage").isBoolean()) {
			return "'stream_options.include_usage' : value must be a boolean";
		}
		if (!body.path("stream").asBoolean(false)) {
			return "`stream_options` can only be set when `stream` is true";
		}
		return null;
	}

	/** API reference: the enums, and include_reasoning "mutually exclusive with reasoning_format". */
	private static @Nullable String reasoning(JsonNode body) {
		String problem = Problems.firstOf(Problems.oneOf(body, "reasoning_effort", REASONING_EFFORTS),
				Problems.oneOf(body, "reasoning_format", REASONING_FORMATS));
		if (problem != null) {
			return problem;
		}
		if (body.hasNonNull("include_reasoning") && body.hasNonNull("reasoning_format")) {
			return "`include_reasoning` and `reasoning_format` are mutually exclusive: set only one";
		}
		return null;
	}

	private static @Nullable String number(JsonNode body, String name, double min, double max) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			return "'" + name + "' : value must be a number";
		}
		if (value.asDouble() > max) {
			return "'" + name + "' : number must be at most " + format(max);
		}
		if (value.asDouble() < min) {
			return "'" + name + "' : number must be at least " + format(min);
		}
		return null;
	}

	private static @Nullable String integer(JsonNode body, String name) {
		JsonNode value = body.get(name);
		return (value == null || value.isNull() || value.isIntegralNumber()) ? null
				: "'" + name + "' : value must be an integer";
	}

	private static @Nullable String booleanField(JsonNode body, String name) {
		JsonNode value = body.get(name);
		return (value == null || value.isNull() || value.isBoolean()) ? null
				: "'" + name + "' : value must be a boolean";
	}

	private static @Nullable String stringField(JsonNode body, String name) {
		JsonNode value = body.get(name);
		return (value == null || value.isNull() || value.isString()) ? null : "'" + name + "' : value must be a string";
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
