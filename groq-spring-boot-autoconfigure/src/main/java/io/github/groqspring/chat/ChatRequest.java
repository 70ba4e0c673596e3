package io.github.groqspring.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

/**
 * An immutable chat completion request, built with {@link #builder(String)}.
 *
 * <p>Only non-null fields are sent, and only fields Groq accepts exist here: Groq answers
 * 400 to {@code logprobs}, {@code logit_bias}, {@code n} and unknown properties. Anything
 * newer than this type goes through {@link Builder#extraBody(String, Object)}, the explicit
 * escape hatch.
 *
 * <p>The limits Groq documents are checked however a request is made (builder, copy or
 * constructor), so that nothing Groq would refuse is sent: up to 4 stop sequences, at most
 * 128 tools, no two function tools of one name (a tool call names its tool by name alone),
 * inline (base64) images adding up to at most 4 MB
 * ({@link ContentPart#MAX_BASE64_REQUEST_BYTES}), and not both {@code include_reasoning}
 * and {@code reasoning_format} (Groq: "cannot specify both"). Groq documents no size limit
 * for a text-only request; one too large for the model is answered 413
 * ({@code GroqRequestTooLargeException}, not retried).
 *
 * @param model the model id; {@code null} means {@code groq.default-model}
 * @param messages the conversation, at least one message
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling, 0 to 1
 * @param maxCompletionTokens the most tokens to generate
 * @param stop up to four stop sequences
 * @param seed for best-effort deterministic sampling
 * @param tools the tools the model may call, at most 128
 * @param toolChoice whether and which tool the model must call
 * @param parallelToolCalls whether the model may call several tools at once
 * @param responseFormat text, JSON object or JSON schema
 * @param reasoningEffort how hard a reasoning model thinks
 * @param reasoningFormat how reasoning comes back
 * @param includeReasoning whether reasoning comes back at all
 * @param serviceTier the tier for this request; {@code null} lets the template decide
 * @param user an end-user id for abuse monitoring
 * @param disableToolValidation Groq extra: skip checking tool calls against the tools sent
 * @param stream whether to stream the answer; set by the template, not by callers
 * @param extraBody further top-level fields, sent as given
 * @param documents Groq extra: documents the model may draw on and cite
 * @param citationOptions Groq extra: whether the answer cites the documents
 * @param searchSettings Groq extra: how a compound system's web search searches
 * @param compoundCustom Groq extra: a compound system's models and tools (compound systems
 * are decommissioned, see {@link CompoundCustom})
 * @param streamOptions sent on streams only; {@code GroqTemplate.stream} asks for
 * {@link StreamOptions#INCLUDE_USAGE} when this is {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(@Nullable String model, List<ChatMessage> messages, @Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens, @Nullable List<String> stop,
		@Nullable Long seed, @Nullable List<Tool> tools, @JsonProperty("tool_choice") @Nullable ToolChoice toolChoice,
		@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls,
		@JsonProperty("response_format") @Nullable ResponseFormat responseFormat,
		@JsonProperty("reasoning_effort") @Nullable ReasoningEffort reasoningEffort,
		@JsonProperty("reasoning_format") @Nullable ReasoningFormat reasoningFormat,
		@JsonProperty("include_reasoning") @Nullable Boolean includeReasoning,
		@JsonProperty("service_tier") @Nullable ServiceTier serviceTier, @Nullable String user,
		@JsonProperty("disable_tool_validation") @Nullable Boolean disableToolValidation, @Nullable Boolean stream,
		@JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extraBody,
		@Nullable List<Document> documents, @JsonProperty("citation_options") @Nullable CitationOptions citationOptions,
		@JsonProperty("search_settings") @Nullable SearchSettings searchSettings,
		@JsonProperty("compound_custom") @Nullable CompoundCustom compoundCustom,
		@JsonProperty("stream_options") @Nullable StreamOptions streamOptions) {

	/** The JSON names of the typed fields: {@link Builder#extraBody} refuses these. */
	static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "top_p",
			"max_completion_tokens", "max_tokens", "stop", "seed", "tools", "tool_choice", "parallel_tool_calls",
			"response_format", "reasoning_effort", "reasoning_format", "include_reasoning", "service_tier", "user",
			"disable_tool_validation", "stream", "stream_options", "documents", "citation_options", "search_settings",
			"compound_custom");

	/** Groq's documented maximum of tools on one request. */
	public static final int MAX_TOOLS = 128;

	/** Groq's documented maximum of stop sequences. */
	public static final int MAX_STOP_SEQUENCES = 4;

	/** Up to this many tools, names are checked pairwise; above, with a hash set. */
	private static final int PAIRWISE_TOOLS = 16;

	public ChatRequest {
		messages = List.copyOf(messages);
		stop = (stop != null) ? List.copyOf(stop) : null;
		tools = (tools != null) ? List.copyOf(tools) : null;
		if (stop != null) {
			checkStop(stop.size());
		}
		if (tools != null) {
			checkTools(tools);
		}
		documents = (documents != null) ? List.copyOf(documents) : null;
		extraBody = extraBody.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraBody));
		checkInlineImages(messages);
		if (includeReasoning != null && reasoningFormat != null) {
			throw new IllegalArgumentException("Set includeReasoning or reasoningFormat, not both: Groq answers 400 "
					+ "\"cannot specify both `include_reasoning` and `reasoning_format`\"");
		}
	}

	/**
	 * A request without documents, citations, search settings, compound settings or stream
	 * options: the components this record had before those.
	 * @param model the model id
	 * @param messages the conversation
	 * @param temperature sampling temperature
	 * @param topP nucleus sampling
	 * @param maxCompletionTokens the most tokens to generate
	 * @param stop stop sequences
	 * @param seed the seed
	 * @param tools the tools
	 * @param toolChoice the tool choice
	 * @param parallelToolCalls whether tools may be called in parallel
	 * @param responseFormat the response format
	 * @param reasoningEffort the reasoning effort
	 * @param reasoningFormat the reasoning format
	 * @param includeReasoning whether reasoning comes back
	 * @param serviceTier the tier
	 * @param user the end user's id
	 * @param disableToolValidation whether Groq skips validating tool calls
	 * @param stream whether to stream
	 * @param extraBody further top-level fields
	 */
	public ChatRequest(@Nullable String model, List<ChatMessage> messages, @Nullable Double temperature,
			@Nullable Double topP, @Nullable Integer maxCompletionTokens, @Nullable List<String> stop,
			@Nullable Long seed, @Nullable List<Tool> tools, @Nullable ToolChoice toolChoice,
			@Nullable Boolean parallelToolCalls, @Nullable ResponseFormat responseFormat,
			@Nullable ReasoningEffort reasoningEffort, @Nullable ReasoningFormat reasoningFormat,
			@Nullable Boolean includeReasoning, @Nullable ServiceTier serviceTier, @Nullable String user,
			@Nullable Boolean disableToolValidation, @Nullable Boolean stream, Map<String, Object> extraBody) {
		this(model, messages, temperature, topP, maxCompletionTokens, stop, seed, tools, toolChoice, parallelToolCalls,
				responseFormat, reasoningEffort, reasoningFormat, includeReasoning, serviceTier, user,
				disableToolValidation, stream, extraBody, null, null, null, null, null);
	}

	/** Base64 images cost their {@code data:} URL's length; Groq takes at most 4 MB of request with them. */
	private static void checkInlineImages(List<ChatMessage> messages) {
		long bytes = 0;
		for (ChatMessage message : messages) {
			bytes += message.inlineImageBytes();
		}
		if (bytes > ContentPart.MAX_BASE64_REQUEST_BYTES) {
			throw new IllegalArgumentException("The request's inline images take " + bytes + " bytes in base64: Groq "
					+ "accepts requests with base64 images up to 4 MB (" + ContentPart.MAX_BASE64_REQUEST_BYTES
					+ " bytes, else 413); send some by https URL (up to 20 MB each) or make them smaller");
		}
	}

	private static void checkStop(int count) {
		if (count == 0 || count > MAX_STOP_SEQUENCES) {
			throw new IllegalArgumentException("Groq accepts 1 to " + MAX_STOP_SEQUENCES + " stop sequences, got " + count);
		}
	}

	/**
	 * At most {@link #MAX_TOOLS}, and no function name twice: a pairwise scan, allocation-free,
	 * for the few tools a request usually has; a hash set above {@value #PAIRWISE_TOOLS},
	 * so that 128 tools cost 128 lookups per copy of the request, not 8,128 comparisons.
	 */
	private static void checkTools(List<Tool> tools) {
		if (tools.size() > MAX_TOOLS) {
			throw new IllegalArgumentException("Groq accepts at most " + MAX_TOOLS + " tools, got " + tools.size()
					+ ": send only the tools this request needs");
		}
		if (tools.size() > PAIRWISE_TOOLS) {
			checkToolNamesHashed(tools);
			return;
		}
		for (int i = 1; i < tools.size(); i++) {
			Tool.Function function = tools.get(i).function();
			if (function == null) {
				continue;
			}
			String name = function.name();
			for (int j = 0; j < i; j++) {
				Tool.Function other = tools.get(j).function();
				if (other != null && name.equals(other.name())) {
					throw new IllegalArgumentException("Two tools are named '" + name + "' (tools " + j + " and " + i
							+ "): Groq's tool calls name a tool by its name alone, so give each tool its own name");
				}
			}
		}
	}

	private static void checkToolNamesHashed(List<Tool> tools) {
		Map<String, Integer> seen = new HashMap<>(tools.size() * 2);
		for (int i = 0; i < tools.size(); i++) {
			Tool.Function function = tools.get(i).function();
			if (function == null) {
				continue;
			}
			Integer other = seen.putIfAbsent(function.name(), i);
			if (other != null) {
				throw new IllegalArgumentException("Two tools are named '" + function.name() + "' (tools " + other
						+ " and " + i + "): Groq's tool calls name a tool by its name alone, so give each tool its own name");
			}
		}
	}

	/**
	 * Start a request for a model.
	 * @param model the model id, e.g. {@code openai/gpt-oss-120b}
	 * @return a builder
	 */
	public static Builder builder(String model) {
		return new Builder().model(model);
	}

	/**
	 * Start a request for {@code groq.default-model}.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values, to derive a changed copy.
	 * @return a builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * This request with another model.
	 * @param model the model id
	 * @return a copy, or this request when it already names that model
	 */
	public ChatRequest withModel(String model) {
		if (model.equals(this.model)) {
			return this;
		}
		return new ChatRequest(model, this.messages, this.temperature, this.topP, this.maxCompletionTokens, this.stop,
				this.seed, this.tools, this.toolChoice, this.parallelToolCalls, this.responseFormat,
				this.reasoningEffort, this.reasoningFormat, this.includeReasoning, this.serviceTier, this.user,
				this.disableToolValidation, this.stream, this.extraBody, this.documents, this.citationOptions,
				this.searchSettings, this.compoundCustom, this.streamOptions);
	}

	/**
	 * This request with another service tier.
	 * @param serviceTier the tier, {@code null} to send none
	 * @return a copy, or this request when it already has that tier
	 */
	public ChatRequest withServiceTier(@Nullable ServiceTier serviceTier) {
		if (serviceTier == this.serviceTier) {
			return this;
		}
		return new ChatRequest(this.model, this.messages, this.temperature, this.topP, this.maxCompletionTokens,
				this.stop, this.seed, this.tools, this.toolChoice, this.parallelToolCalls, this.responseFormat,
				this.reasoningEffort, this.reasoningFormat, this.includeReasoning, serviceTier, this.user,
				this.disableToolValidation, this.stream, this.extraBody, this.documents, this.citationOptions,
				this.searchSettings, this.compoundCustom, this.streamOptions);
	}

	/**
	 * This request with streaming switched on or off.
	 * @param stream whether to stream
	 * @return a copy, or this request when it already says so
	 */
	public ChatRequest withStream(@Nullable Boolean stream) {
		if (Objects.equals(stream, this.stream)) {
			return this;
		}
		return new ChatRequest(this.model, this.messages, this.temperature, this.topP, this.maxCompletionTokens,
				this.stop, this.seed, this.tools, this.toolChoice, this.parallelToolCalls, this.responseFormat,
				this.reasoningEffort, this.reasoningFormat, this.includeReasoning, this.serviceTier, this.user,
				this.disableToolValidation, stream, this.extraBody, this.documents, this.citationOptions,
				this.searchSettings, this.compoundCustom, this.streamOptions);
	}

	/**
	 * This request with other stream options.
	 * @param streamOptions the options, {@code null} to send none
	 * @return a copy, or this request when it already has them
	 */
	public ChatRequest withStreamOptions(@Nullable StreamOptions streamOptions) {
		if (Objects.equals(streamOptions, this.streamOptions)) {
			return this;
		}
		return new ChatRequest(this.model, this.messages, this.temperature, this.topP, this.maxCompletionTokens,
				this.stop, this.seed, this.tools, this.toolChoice, this.parallelToolCalls, this.responseFormat,
				this.reasoningEffort, this.reasoningFormat, this.includeReasoning, this.serviceTier, this.user,
				this.disableToolValidation, this.stream, this.extraBody, this.documents, this.citationOptions,
				this.searchSettings, this.compoundCustom, streamOptions);
	}

	/** Builds a {@link ChatRequest}, checking each value as it is set. */
	public static final class Builder {

		private @Nullable String model;

		private final List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer maxCompletionTokens;

		private @Nullable List<String> stop;

		private @Nullable Long seed;

		private @Nullable List<Tool> tools;

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable ReasoningFormat reasoningFormat;

		private @Nullable Boolean includeReasoning;

		private @Nullable ServiceTier serviceTier;

		private @Nullable String user;

		private @Nullable Boolean disableToolValidation;

		private @Nullable Boolean stream;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private @Nullable List<Document> documents;

		private @Nullable CitationOptions citationOptions;

		private @Nullable SearchSettings searchSettings;

		private @Nullable CompoundCustom compoundCustom;

		private @Nullable StreamOptions streamOptions;

		private Builder() {
		}

		private Builder(ChatRequest request) {
			this.model = request.model;
			this.messages.addAll(request.messages);
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.maxCompletionTokens = request.maxCompletionTokens;
			this.stop = request.stop;
			this.seed = request.seed;
			this.tools = request.tools;
			this.toolChoice = request.toolChoice;
			this.parallelToolCalls = request.parallelToolCalls;
			this.responseFormat = request.responseFormat;
			this.reasoningEffort = request.reasoningEffort;
			this.reasoningFormat = request.reasoningFormat;
			this.includeReasoning = request.includeReasoning;
			this.serviceTier = request.serviceTier;
			this.user = request.user;
			this.disableToolValidation = request.disableToolValidation;
			this.stream = request.stream;
			this.extraBody.putAll(request.extraBody);
			this.documents = request.documents;
			this.citationOptions = request.citationOptions;
			this.searchSettings = request.searchSettings;
			this.compoundCustom = request.compoundCustom;
			this.streamOptions = request.streamOptions;
		}

		/**
		 * The model id; leave unset to use {@code groq.default-model}.
		 * @param model e.g. {@code llama-3.3-70b-versatile}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			if (model != null && model.isBlank()) {
				throw new IllegalArgumentException("model must not be blank");
			}
			this.model = model;
			return this;
		}

		/**
		 * Append a system message.
		 * @param content the instructions
		 * @return this builder
		 */
		public Builder system(String content) {
			return message(ChatMessage.system(content));
		}

		/**
		 * Append a user message.
		 * @param content the text
		 * @return this builder
		 */
		public Builder user(String content) {
			return message(ChatMessage.user(content));
		}

		/**
		 * Append a user message of several parts: text, images, documents.
		 * @param parts the parts, e.g. {@code ContentPart.text(...)}, {@code ContentPart.image(...)}
		 * @return this builder
		 */
		public Builder user(ContentPart... parts) {
			return message(ChatMessage.user(parts));
		}

		/**
		 * Append an assistant message.
		 * @param content the text
		 * @return this builder
		 */
		public Builder assistant(String content) {
			return message(ChatMessage.assistant(content));
		}

		/**
		 * Append any message, e.g. a tool result.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Append messages.
		 * @param messages the messages, in order
		 * @return this builder
		 */
		public Builder messages(List<ChatMessage> messages) {
			this.messages.addAll(messages);
			return this;
		}

		/**
		 * Sampling temperature; Groq turns 0 into 1e-8.
		 * @param temperature 0 to 2
		 * @return this builder
		 */
		public Builder temperature(double temperature) {
			requireRange("temperature", temperature, 0, 2);
			this.temperature = temperature;
			return this;
		}

		/**
		 * Nucleus sampling.
		 * @param topP 0 to 1
		 * @return this builder
		 */
		public Builder topP(double topP) {
			requireRange("topP", topP, 0, 1);
			this.topP = topP;
			return this;
		}

		/**
		 * The most tokens to generate.
		 * @param maxCompletionTokens at least 1
		 * @return this builder
		 */
		public Builder maxCompletionTokens(int maxCompletionTokens) {
			if (maxCompletionTokens < 1) {
				throw new IllegalArgumentException("maxCompletionTokens must be at least 1, was " + maxCompletionTokens);
			}
			this.maxCompletionTokens = maxCompletionTokens;
			return this;
		}

		/**
		 * Stop sequences.
		 * @param stop one to four sequences
		 * @return this builder
		 * @throws IllegalArgumentException for none or more than four
		 */
		public Builder stop(String... stop) {
			checkStop(stop.length);
			this.stop = List.of(stop);
			return this;
		}

		/**
		 * A seed for best-effort deterministic sampling.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * The tools the model may call: functions, and Groq's built-in tools
		 * ({@link Tool#browserSearch()}, {@link Tool#codeInterpreter()}).
		 * @param tools at most 128 tools, each function with its own name
		 * @return this builder
		 * @throws IllegalArgumentException for more than 128 tools or two functions of one name
		 */
		public Builder tools(List<Tool> tools) {
			checkTools(tools);
			this.tools = List.copyOf(tools);
			return this;
		}

		/**
		 * Whether and which tool the model must call.
		 * @param toolChoice e.g. {@link ToolChoice#REQUIRED}
		 * @return this builder
		 */
		public Builder toolChoice(ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Whether the model may call several tools in one turn.
		 * @param parallelToolCalls the flag
		 * @return this builder
		 */
		public Builder parallelToolCalls(boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * The answer's format.
		 * @param responseFormat e.g. {@link ResponseFormat#jsonSchema}
		 * @return this builder
		 */
		public Builder responseFormat(ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * How hard a reasoning model thinks.
		 * @param reasoningEffort the effort
		 * @return this builder
		 */
		public Builder reasoningEffort(ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * How reasoning comes back.
		 * @param reasoningFormat the format
		 * @return this builder
		 */
		public Builder reasoningFormat(ReasoningFormat reasoningFormat) {
			this.reasoningFormat = reasoningFormat;
			return this;
		}

		/**
		 * Whether reasoning comes back at all.
		 * @param includeReasoning the flag
		 * @return this builder
		 */
		public Builder includeReasoning(boolean includeReasoning) {
			this.includeReasoning = includeReasoning;
			return this;
		}

		/**
		 * The tier for this request, overriding every other source.
		 * @param serviceTier the tier, {@code null} to let the template decide
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * The end user's id, sent as {@code user}, for Groq's abuse monitoring. (To add a
		 * user message, call {@link #user(String)}.)
		 * @param endUserId the id
		 * @return this builder
		 */
		public Builder endUserId(@Nullable String endUserId) {
			this.user = endUserId;
			return this;
		}

		/**
		 * Groq extra: skip validating tool calls against the tools sent.
		 * @param disableToolValidation the flag
		 * @return this builder
		 */
		public Builder disableToolValidation(boolean disableToolValidation) {
			this.disableToolValidation = disableToolValidation;
			return this;
		}

		/**
		 * Groq extra: documents the model may draw on and, with
		 * {@link #citationOptions(CitationOptions)}, cite in the answer's annotations.
		 * @param documents the documents
		 * @return this builder
		 */
		public Builder documents(List<Document> documents) {
			this.documents = List.copyOf(documents);
			return this;
		}

		/**
		 * Groq extra: whether the answer cites the documents (Groq's default: enabled).
		 * @param citationOptions the option
		 * @return this builder
		 */
		public Builder citationOptions(CitationOptions citationOptions) {
			this.citationOptions = citationOptions;
			return this;
		}

		/**
		 * Groq extra: how a compound system's web search searches.
		 * @param searchSettings the settings
		 * @return this builder
		 */
		public Builder searchSettings(SearchSettings searchSettings) {
			this.searchSettings = searchSettings;
			return this;
		}

		/**
		 * Groq extra: a compound system's models and built-in tools. Groq decommissioned its
		 * compound systems on 2026-09-21 (see {@link CompoundCustom}).
		 * @param compoundCustom the settings
		 * @return this builder
		 */
		public Builder compoundCustom(CompoundCustom compoundCustom) {
			this.compoundCustom = compoundCustom;
			return this;
		}

		/**
		 * Stream options, sent on streams only ({@code GroqTemplate.chat} leaves them out).
		 * Without them a stream asks for {@link StreamOptions#INCLUDE_USAGE}.
		 * @param streamOptions the options
		 * @return this builder
		 */
		public Builder streamOptions(StreamOptions streamOptions) {
			this.streamOptions = streamOptions;
			return this;
		}

		/**
		 * An extra top-level body field, sent as given: for Groq fields newer than this type.
		 * A name this type already covers is refused, so no typed value is ever overwritten
		 * silently.
		 * @param name the JSON field name
		 * @param value any value Jackson can write
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			if (TYPED_FIELDS.contains(name)) {
				throw new IllegalArgumentException(
						"'" + name + "' is a typed field of ChatRequest: set it with its builder method, not extraBody");
			}
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Build the request.
		 * @return the immutable request
		 * @throws IllegalStateException when there is no message
		 */
		public ChatRequest build() {
			if (this.messages.isEmpty()) {
				throw new IllegalStateException("A chat request needs at least one message");
			}
			return new ChatRequest(this.model, this.messages, this.temperature, this.topP, this.maxCompletionTokens,
					this.stop, this.seed, this.tools, this.toolChoice, this.parallelToolCalls, this.responseFormat,
					this.reasoningEffort, this.reasoningFormat, this.includeReasoning, this.serviceTier, this.user,
					this.disableToolValidation, this.stream, this.extraBody, this.documents, this.citationOptions,
					this.searchSettings, this.compoundCustom, this.streamOptions);
		}

		private static void requireRange(String name, double value, double min, double max) {
			if (!(value >= min && value <= max)) {
				throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
			}
		}

	}

}
