package io.github.groqspring;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.groqspring.audio.AudioLimits;
import io.github.groqspring.audio.GroqAudioTemplate;
import io.github.groqspring.batch.GroqBatchTemplate;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.StreamOptions;
import io.github.groqspring.chat.StructuredOutput;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.http.CallBudget;
import io.github.groqspring.internal.http.GroqHttpClient;
import io.github.groqspring.internal.http.GroqHttpClient.HttpResult;
import io.github.groqspring.internal.observation.GroqCallListener;
import io.github.groqspring.internal.observation.GroqCallObservation;
import io.github.groqspring.internal.observation.GroqObserver;
import io.github.groqspring.internal.ratelimit.PacedCall;
import io.github.groqspring.internal.ratelimit.RateLimitPacer;
import io.github.groqspring.internal.stream.ChatStreamListener;
import io.github.groqspring.internal.stream.ChatStreamOpener;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.models.GroqModelList;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqOperationType;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.tier.GroqTier;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * The entry point to Groq: chat completions and models, with service tiers resolved for
 * every call, transient failures retried within each call's budget, and an optional
 * fallback when flex has no capacity. Thread-safe; build one with {@link #builder()} or
 * inject the auto-configured bean, and derive one with another key, base URL, tier or
 * timeouts with {@link #mutate()}.
 *
 * <p>The tier sent is, highest first: the request's own tier; the tier of the innermost
 * running {@link GroqTier @GroqTier} method, else of its class (or one set with
 * {@link GroqTierContext}); {@code groq.default-service-tier}; else none (Groq then serves
 * {@code on_demand}).
 */
public class GroqTemplate implements GroqOperations, AutoCloseable {

	static final String CHAT_COMPLETIONS = "/openai/v1/chat/completions";

	static final String MODELS = "/openai/v1/models";

	private final GroqHttpClient httpClient;

	private final String baseUrl;

	private final @Nullable String defaultModel;

	private final @Nullable ServiceTier defaultServiceTier;

	private final CallPolicy policy;

	private final @Nullable RateLimitPacer pacer;

	private final @Nullable Duration streamIdleTimeout;

	private final GroqObserver observer;

	/** Whether closing this template closes its HTTP client: false for a {@link #withoutObservations()} view. */
	private final boolean ownsHttpClient;

	/** The settings this template was built with, never changed: what {@link #mutate()} starts from. */
	private final GroqTemplateBuilder settings;

	private final Supplier<GroqBatchTemplate> batches = SingletonSupplier.of(this::createBatchTemplate);

	private final AudioLimits audioLimits;

	private final Supplier<GroqAudioTemplate> audio = SingletonSupplier.of(() -> audio(RequestOptions.DEFAULTS));

	GroqTemplate(GroqHttpClient httpClient, String baseUrl, @Nullable String defaultModel,
			@Nullable ServiceTier defaultServiceTier, CallPolicy policy, @Nullable Duration streamIdleTimeout,
			GroqObserver observer, GroqTemplateBuilder settings, AudioLimits audioLimits,
			@Nullable RateLimitPacer pacer) {
		this.audioLimits = audioLimits;
		this.httpClient = httpClient;
		this.baseUrl = baseUrl;
		this.defaultModel = defaultModel;
		this.defaultServiceTier = defaultServiceTier;
		this.policy = policy;
		this.pacer = pacer;
		this.streamIdleTimeout = streamIdleTimeout;
		this.observer = observer;
		this.ownsHttpClient = true;
		this.settings = settings;
	}

	private GroqTemplate(GroqTemplate source, GroqObserver observer) {
		this.httpClient = source.httpClient;
		this.baseUrl = source.baseUrl;
		this.defaultModel = source.defaultModel;
		this.defaultServiceTier = source.defaultServiceTier;
		this.policy = source.policy;
		this.pacer = source.pacer;
		this.streamIdleTimeout = source.streamIdleTimeout;
		this.observer = observer;
		this.audioLimits = source.audioLimits;
		this.ownsHttpClient = false;
		this.settings = source.settings.withoutObservations();
	}

	/**
	 * Start building a template.
	 * @return a builder
	 */
	public static GroqTemplateBuilder builder() {
		return new GroqTemplateBuilder();
	}

	@Override
	public ChatResponse chat(ChatRequest request) {
		return chat(request, RequestOptions.DEFAULTS);
	}

	@Override
	public ChatResponse chat(ChatRequest request, RequestOptions options) {
		ChatRequest resolved = resolve(request).withStream(null).withStreamOptions(null);
		CallBudget budget = budget(options);
		return this.observer.observe(
				() -> new GroqObservationContext(GroqOperationType.CHAT, resolved.model(), resolved.serviceTier(),
						false, resolved),
				(listener) -> withFlexFallback(resolved, options, budget, listener, this::send));
	}

	@Override
	public ChatStream stream(ChatRequest request) {
		return stream(request, RequestOptions.DEFAULTS);
	}

	@Override
	public ChatStream stream(ChatRequest request, RequestOptions options) {
		ChatRequest resolved = resolve(request).withStream(true);
		// Groq names the serving tier in a stream only on the include_usage chunk.
		ChatRequest sending = (resolved.streamOptions() != null) ? resolved
				: resolved.withStreamOptions(StreamOptions.INCLUDE_USAGE);
		CallBudget budget = budget(options);
		GroqCallObservation call = this.observer.start(new GroqObservationContext(GroqOperationType.CHAT,
				sending.model(), sending.serviceTier(), true, sending));
		try (Observation.Scope scope = call.openScope()) {
			return withFlexFallback(sending, options, budget, call,
					(sent, sentBudget, listener, fallbackFrom) -> openStream(sent, sentBudget, call, fallbackFrom));
		}
		catch (RuntimeException ex) {
			call.failed(ex);
			throw ex;
		}
	}

	private ChatStream openStream(ChatRequest request, CallBudget budget, GroqCallObservation call,
			@Nullable ServiceTier fallbackFrom) {
		PacedCall paced = (this.pacer != null) ? this.pacer.call(request) : null;
		ChatStreamListener listener = new ChatStreamListener() {

			@Override
			public void completed(ChatResponse response) {
				if (paced != null) {
					paced.answered(response.metadata().rateLimits(), response.usage());
				}
				call.succeeded(response);
			}

			@Override
			public void failed(Throwable failure) {
				if (paced != null) {
					paced.abandoned((failure instanceof GroqException groq) ? groq.getRateLimits() : RateLimits.NONE);
				}
				call.failed(failure);
			}

			@Override
			public void cancelled(ResponseMetadata metadata) {
				if (paced != null) {
					paced.abandoned(metadata.rateLimits());
				}
				call.cancelled(metadata);
			}

		};
		return this.httpClient.postForStream(CHAT_COMPLETIONS, request, request.serviceTier(), request.model(),
				this.streamIdleTimeout, (paced != null) ? budget.withGate(paced) : budget, call,
				new ChatStreamOpener(this.httpClient.jsonMapper(), fallbackFrom, listener));
	}

	@Override
	public List<GroqModel> listModels() {
		return this.observer
			.observe(() -> new GroqObservationContext(GroqOperationType.LIST_MODELS, null, null, false, null),
					(listener) -> this.httpClient.get(MODELS, GroqModelList.class, listener))
			.body()
			.data();
	}

	@Override
	public GroqModel getModel(String id) {
		return this.observer
			.observe(() -> new GroqObservationContext(GroqOperationType.GET_MODEL, id, null, false, null),
					(listener) -> this.httpClient.get(MODELS + "/{id}", GroqModel.class, listener, id))
			.body();
	}

	/**
	 * This template without observations of its own, for a caller that observes each call
	 * itself (Spring AI's {@code GroqChatModel} opens Spring AI's chat model observation
	 * around it, so that a call is observed once, not twice). It shares this template's
	 * connection pool, settings, retries, fallback and rate-limit pacing; closing it does not
	 * close them. Content logging ({@code groq.observations.log-content}) is off in it too.
	 * Unlike {@link #mutate()}, which builds a template with a pool of its own, the view is
	 * this template.
	 * @return the view
	 */
	public GroqTemplate withoutObservations() {
		return new GroqTemplate(this, GroqObserver.NOOP);
	}

	/**
	 * A builder seeded with this template's settings, to derive a template that differs in
	 * some of them: another API key or base URL (several Groq organisations or tenants in one
	 * application), another default model or tier, other timeouts, retries, TLS or proxy.
	 * The builder is this template's settings copied; changing it changes nothing here.
	 *
	 * <p>A template it builds shares with this one only what is safe to share: the
	 * observation registry and convention, Groq's {@code JsonMapper} (immutable), the
	 * {@code RestClient.Builder} and {@code ClientHttpRequestFactoryBuilder} both are made
	 * from (each build takes its own copy), and a request factory passed to
	 * {@link GroqTemplateBuilder#requestFactory requestFactory(...)} (its owner's, not
	 * closed by either). It has its own connection pool and TLS set-up, its own rate-limit
	 * gate and batch template; closing one template leaves the other open. For another view
	 * of this template's own pool, see {@link #withoutObservations()}; of a view,
	 * {@code mutate()} starts from the view's settings (no observations).
	 * <pre>{@code
	 * GroqTemplate tenantB = groq.mutate().apiKey(tenantBKey).defaultServiceTier(ServiceTier.FLEX).build();
	 * }</pre>
	 * @return a new builder; close what it builds
	 */
	public GroqTemplateBuilder mutate() {
		return new GroqTemplateBuilder(this.settings);
	}

	/**
	 * The tier a request without its own tier is sent with.
	 * @return {@code groq.default-service-tier}, or {@code null} for none
	 */
	public @Nullable ServiceTier getDefaultServiceTier() {
		return this.defaultServiceTier;
	}

	/**
	 * The model a request without its own model is sent to.
	 * @return {@code groq.default-model}, or {@code null}
	 */
	public @Nullable String getDefaultModel() {
		return this.defaultModel;
	}

	/**
	 * How long a stream may wait for bytes before it fails.
	 * @return {@code groq.stream.idle-timeout}, or {@code null} when only
	 * {@code groq.read-timeout} applies
	 */
	public @Nullable Duration getStreamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	/**
	 * The base URL calls go to.
	 * @return e.g. {@code https://api.groq.com}
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Fill in what the request leaves to the template: the model and the tier.
	 * @param request the caller's request
	 * @return the request as it goes on the wire
	 */
	ChatRequest resolve(ChatRequest request) {
		ChatRequest resolved = request;
		if (resolved.model() == null) {
			if (this.defaultModel == null) {
				throw new IllegalArgumentException(
						"No model: name one with ChatRequest.builder(model) or set groq.default-model");
			}
			resolved = resolved.withModel(this.defaultModel);
		}
		if (resolved.serviceTier() == null) {
			ServiceTier contextTier = GroqTierContext.current();
			ServiceTier tier = (contextTier != null) ? contextTier : this.defaultServiceTier;
			if (tier != null) {
				resolved = resolved.withServiceTier(tier);
			}
		}
		return resolved;
	}

	/**
	 * The budget of one call: the template's settings with the call's overrides.
	 * @param options the call's overrides
	 * @return the budget, its deadline starting now
	 */
	CallBudget budget(RequestOptions options) {
		RetrySettings retry = this.policy.retry();
		if (options.maxRetries() != null) {
			retry = new RetrySettings(options.maxRetries(), retry.initialBackoff(), retry.maxBackoff(),
					retry.maxRetryAfter());
		}
		Duration readTimeout = (options.readTimeout() != null) ? options.readTimeout() : this.policy.readTimeout();
		Duration callTimeout = (options.callTimeout() != null) ? options.callTimeout() : this.policy.callTimeout();
		return CallBudget.start(retry, readTimeout, callTimeout);
	}

	private ChatResponse send(ChatRequest request, CallBudget budget, GroqCallListener listener,
			@Nullable ServiceTier fallbackFrom) {
		PacedCall paced = (this.pacer != null) ? this.pacer.call(request) : null;
		HttpResult<ChatCompletion> result = this.httpClient.post(CHAT_COMPLETIONS, request, ChatCompletion.class,
				request.serviceTier(), request.model(), (paced != null) ? budget.withGate(paced) : budget, listener);
		if (paced != null) {
			paced.answered(result.metadata().rateLimits(), result.body().usage());
		}
		return new ChatResponse(result.body(), callMetadata(result.metadata(), fallbackFrom));
	}

	/**
	 * Send a request; when it is a flex request that flex had no capacity for (after its
	 * retries) and a fallback tier applies, send it again on that tier, with retries of its
	 * own within the same call budget. Attempts count across both tiers: the fallback's
	 * budget starts counting after the attempts on flex, so that every response and
	 * exception carries the call's count from the start.
	 */
	private <T> T withFlexFallback(ChatRequest request, RequestOptions options, CallBudget budget,
			GroqCallListener listener, Send<T> send) {
		try {
			return send.send(request, budget, listener, null);
		}
		catch (FlexCapacityExceededException ex) {
			ServiceTier tier = flexFallbackTier(options);
			if (tier == null || request.serviceTier() != ServiceTier.FLEX) {
				throw ex;
			}
			listener.beforeFallback(tier, ex);
			return send.send(request.withServiceTier(tier), budget.afterAttempts(ex.getAttempts()), listener,
					ServiceTier.FLEX);
		}
	}

	/** A response's metadata as the call reports it: after a fallback, with the tier fallen back from. */
	private static ResponseMetadata callMetadata(ResponseMetadata metadata, @Nullable ServiceTier fallbackFrom) {
		return (fallbackFrom != null) ? metadata.withCall(metadata.attempts(), fallbackFrom) : metadata;
	}

	private @Nullable ServiceTier flexFallbackTier(RequestOptions options) {
		if (options.flexFallbackDisabled()) {
			return null;
		}
		return (options.flexFallbackTier() != null) ? options.flexFallbackTier() : this.policy.flexFallbackTier();
	}

	/**
	 * Groq's Batch API: submit, follow and collect batches of chat requests at half the
	 * price. Shares this template's HTTP client and default model but never a tier: batch
	 * lines carry no {@code service_tier}, whatever the request context or
	 * {@code groq.default-service-tier} say.
	 * @return the batch operations, the same instance on every call
	 */
	@Override
	public GroqBatchTemplate batches() {
		return this.batches.get();
	}

	private GroqBatchTemplate createBatchTemplate() {
		return new GroqBatchTemplate(this.httpClient, this.defaultModel, this.observer);
	}

	/**
	 * Groq's audio endpoints: transcriptions, translations and speech, within this
	 * template's timeouts, retries and observations, never with a tier (Groq's audio
	 * endpoints take none).
	 * @return the audio operations, the same instance on every call
	 */
	@Override
	public GroqAudioTemplate audio() {
		return this.audio.get();
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalArgumentException when the options set a flex fallback, which has no
	 * meaning without a tier
	 */
	@Override
	public GroqAudioTemplate audio(RequestOptions options) {
		if (options.flexFallbackTier() != null) {
			throw new IllegalArgumentException("Audio calls carry no service tier (Groq's audio endpoints take none), "
					+ "so a flex fallback tier has no meaning for them: leave flexFallbackTier unset");
		}
		return new GroqAudioTemplate(this.httpClient, this.observer, () -> budget(options), this.audioLimits);
	}

	@Override
	public void close() throws Exception {
		if (this.ownsHttpClient) {
			this.httpClient.close();
		}
	}

	@Override
	public String toString() {
		return "GroqTemplate[baseUrl=" + this.baseUrl + ", defaultModel=" + this.defaultModel
				+ ", defaultServiceTier=" + this.defaultServiceTier + "]";
	}

	/**
	 * {@inheritDoc}
	 * <p>The answer is read with this template's {@code JsonMapper}.
	 */
	@Override
	public <T> T chat(ChatRequest.Builder request, Class<T> type) {
		StructuredOutput<T> output = StructuredOutput.of(type, this.httpClient.jsonMapper());
		return output.read(chat(output.applyTo(request.build())));
	}

	/**
	 * Sends a request within a budget, on flex or, after a fallback, on another tier.
	 *
	 * @param <T> the response, or the stream
	 */
	@FunctionalInterface
	private interface Send<T> {

		T send(ChatRequest request, CallBudget budget, GroqCallListener listener, @Nullable ServiceTier fallbackFrom);

	}

	/**
	 * The template's call settings.
	 *
	 * @param retry the retry settings
	 * @param readTimeout one attempt's budget
	 * @param callTimeout a whole call's budget
	 * @param flexFallbackTier the tier to send on after flex capacity errors, or {@code null}
	 */
	record CallPolicy(RetrySettings retry, Duration readTimeout, Duration callTimeout,
			@Nullable ServiceTier flexFallbackTier) {
	}

}
