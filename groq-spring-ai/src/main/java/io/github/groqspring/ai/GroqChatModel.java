package io.github.groqspring.ai;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.reactive.ReactiveGroqOperations;
import io.github.groqspring.reactive.ReactiveGroqTemplate;
import io.github.groqspring.tier.GroqTierContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;

/**
 * Spring AI's {@link ChatModel} on Groq, on top of {@code GroqTemplate}: Groq's service
 * tiers, its retries, 498 fallback and deadlines, and the facts Groq reports about a call
 * (served and requested tier, fallback, attempts, rate limits, {@code x_groq.id}, timings,
 * cached and reasoning tokens: {@link GroqChatMetadata}). Use it through
 * {@code ChatClient} as any Spring AI model: tools run in Spring AI's
 * {@code ToolCallingAdvisor}, this model only offers them to Groq and returns the calls.
 *
 * <p>The tier sent is, highest first: {@link GroqChatOptions#getServiceTier()} of the
 * call; {@code @GroqTier} / {@code GroqTierContext} of the calling thread (for
 * {@link #stream}, of the thread that called it, else of the one that subscribes, else the
 * subscriber's Reactor context); {@code groq.default-service-tier}.
 *
 * <p>Each call is one Spring AI chat model observation ({@code gen_ai.client.operation},
 * with Groq's tiers, fallback and attempts added by
 * {@link GroqChatModelObservationConvention}) when an observation registry is given; the
 * template's own observation is then off for these calls, so that a call is observed once.
 * Without a registry the template observes as usual. Retries are the template's alone:
 * this model takes no Spring AI {@code RetryTemplate}.
 */
public final class GroqChatModel implements ChatModel {

	/** The provider name in observations ({@code gen_ai.system}) and {@code spring.ai.model.chat}. */
	public static final String PROVIDER = "groq";

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new GroqChatModelObservationConvention();

	private static final JsonMapper SCHEMA_MAPPER = JsonMapper.builder().build();

	private final GroqOperations groq;

	private final ReactiveGroqOperations reactive;

	private final GroqChatOptions defaultOptions;

	private final ChatRequestConverter requests;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ChatModelObservationConvention observationConvention;

	private GroqChatModel(Builder builder) {
		this.observationRegistry = builder.observationRegistry;
		this.groq = (!this.observationRegistry.isNoop() && builder.groq instanceof GroqTemplate template)
				? template.withoutObservations() : builder.groq;
		this.reactive = new ReactiveGroqTemplate(this.groq);
		this.defaultOptions = builder.defaultOptions;
		ToolCallingManager toolCallingManager = (builder.toolCallingManager != null) ? builder.toolCallingManager
				: ToolCallingManager.builder().observationRegistry(this.observationRegistry).build();
		this.requests = new ChatRequestConverter(toolCallingManager, SCHEMA_MAPPER);
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Start building a model.
	 * @param groq the template to call Groq through: the {@code GroqTemplate} bean
	 * @return a builder
	 */
	public static Builder builder(GroqOperations groq) {
		return new Builder(groq);
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		GroqChatOptions options = options(prompt.getOptions());
		ChatRequest request = this.requests.toRequest(prompt, options);
		RequestOptions requestOptions = requestOptions(options);
		if (this.observationRegistry.isNoop()) {
			return ChatResponseConverter.toChatResponse(this.groq.chat(request, requestOptions));
		}
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(withOptions(prompt, options))
			.provider(PROVIDER)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				ChatResponse response = ChatResponseConverter.toChatResponse(this.groq.chat(request, requestOptions));
				context.setResponse(response);
				return response;
			});
	}

	/**
	 * Stream the answer: each piece of text as Groq sends it, read from the connection only
	 * when requested and never on the subscriber's thread; tool calls come whole on the last
	 * element, with the finish reason, usage, rate limits and served tier. Cancelling drops
	 * the connection at once.
	 * @param prompt the prompt
	 * @return the pieces
	 */
	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		GroqChatOptions options = options(prompt.getOptions());
		ChatRequest request = this.requests.toRequest(prompt, options);
		@Nullable ServiceTier callerTier = GroqTierContext.current();
		ChatRequest tiered = (request.serviceTier() == null && callerTier != null)
				? request.withServiceTier(callerTier) : request;
		RequestOptions requestOptions = requestOptions(options);
		if (this.observationRegistry.isNoop()) {
			return Flux.defer(() -> this.reactive.stream(tiered, requestOptions, new StreamMapping(false)));
		}
		return Flux.deferContextual((contextView) -> {
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(withOptions(prompt, options))
				.provider(PROVIDER)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent);
			observation.start();
			StreamMapping mapping = new StreamMapping(true);
			AtomicBoolean stopped = new AtomicBoolean();
			// Stopped before the subscriber hears of the end, so that the observation is complete when it does.
			Runnable stop = () -> {
				if (stopped.compareAndSet(false, true)) {
					ChatResponse whole = mapping.whole();
					if (whole != null) {
						context.setResponse(whole);
					}
					observation.stop();
				}
			};
			return this.reactive.stream(tiered, requestOptions, mapping)
				.doOnError(observation::error)
				.doOnTerminate(stop)
				.doOnCancel(stop)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * The default options: those from {@code groq.*} (the model) and any set on the builder.
	 * {@code ChatClient} starts every call from them.
	 * @return the options
	 */
	@Override
	public GroqChatOptions getOptions() {
		return this.defaultOptions;
	}

	@Override
	public String toString() {
		return "GroqChatModel[" + this.defaultOptions + "]";
	}

	/**
	 * The call's options: as {@code ChatClient} merged them, the defaults when none, or
	 * another provider's portable options merged into the defaults.
	 */
	private GroqChatOptions options(@Nullable ChatOptions options) {
		if (options instanceof GroqChatOptions groqOptions) {
			return groqOptions;
		}
		if (options == null) {
			return this.defaultOptions;
		}
		return this.defaultOptions.mutate().combineWith(options.mutate()).build();
	}

	private static Prompt withOptions(Prompt prompt, GroqChatOptions options) {
		return (prompt.getOptions() == options) ? prompt : prompt.mutate().chatOptions(options).build();
	}

	private static RequestOptions requestOptions(GroqChatOptions options) {
		return (options.getRequestOptions() != null) ? options.getRequestOptions() : RequestOptions.DEFAULTS;
	}

	/** Builds a {@link GroqChatModel}. */
	public static final class Builder {

		private final GroqOperations groq;

		private GroqChatOptions defaultOptions = GroqChatOptions.builder().build();

		private @Nullable ToolCallingManager toolCallingManager;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ChatModelObservationConvention observationConvention;

		private Builder(GroqOperations groq) {
			this.groq = groq;
		}

		/**
		 * The options every call starts from.
		 * @param defaultOptions e.g. {@code GroqChatOptions.builder().model("openai/gpt-oss-120b").build()}
		 * @return this builder
		 */
		public Builder defaultOptions(GroqChatOptions defaultOptions) {
			this.defaultOptions = defaultOptions;
			return this;
		}

		/**
		 * What turns the options' tool callbacks into tool definitions (Spring AI's bean);
		 * by default one of Spring AI's own.
		 * @param toolCallingManager the manager
		 * @return this builder
		 */
		public Builder toolCallingManager(ToolCallingManager toolCallingManager) {
			this.toolCallingManager = toolCallingManager;
			return this;
		}

		/**
		 * Where each call's Spring AI observation goes; the template's own observation is
		 * then off for this model's calls. The default observes nothing here and leaves the
		 * template's observation on.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The convention to use instead of {@link GroqChatModelObservationConvention}.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the model.
		 * @return the model
		 */
		public GroqChatModel build() {
			return new GroqChatModel(this);
		}

	}

}
