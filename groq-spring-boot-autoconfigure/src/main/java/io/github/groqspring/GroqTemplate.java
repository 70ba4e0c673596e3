package io.github.groqspring;

import java.util.List;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.http.GroqHttpClient;
import io.github.groqspring.http.GroqHttpClient.HttpResult;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.models.GroqModelList;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqObserver;
import org.jspecify.annotations.Nullable;

/**
 * The entry point to Groq: chat completions and models, with service tiers resolved for
 * every call. Thread-safe; build one with {@link #builder()} or inject the auto-configured
 * bean.
 *
 * <p>The tier sent is, highest first: the request's own tier, then
 * {@code groq.default-service-tier}, else none (Groq then serves {@code on_demand}).
 */
public class GroqTemplate implements GroqOperations, AutoCloseable {

	static final String CHAT_COMPLETIONS = "/openai/v1/chat/completions";

	static final String MODELS = "/openai/v1/models";

	private final GroqHttpClient httpClient;

	private final String baseUrl;

	private final @Nullable String defaultModel;

	private final @Nullable ServiceTier defaultServiceTier;

	private final GroqObserver observer;

	GroqTemplate(GroqHttpClient httpClient, String baseUrl, @Nullable String defaultModel,
			@Nullable ServiceTier defaultServiceTier, GroqObserver observer) {
		this.httpClient = httpClient;
		this.baseUrl = baseUrl;
		this.defaultModel = defaultModel;
		this.defaultServiceTier = defaultServiceTier;
		this.observer = observer;
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
		ChatRequest resolved = resolve(request).withStream(null);
		return this.observer.observe(GroqObservationContext.chat(resolved), () -> send(resolved));
	}

	private ChatResponse send(ChatRequest resolved) {
		HttpResult<ChatCompletion> result = this.httpClient.post(CHAT_COMPLETIONS, resolved, ChatCompletion.class,
				resolved.serviceTier());
		return new ChatResponse(result.body(), result.metadata());
	}

	@Override
	public List<GroqModel> listModels() {
		return this.observer
			.observe(GroqObservationContext.operation(GroqObservationContext.LIST_MODELS, null),
					() -> this.httpClient.get(MODELS, GroqModelList.class))
			.body()
			.data();
	}

	@Override
	public GroqModel getModel(String id) {
		return this.observer
			.observe(GroqObservationContext.operation(GroqObservationContext.GET_MODEL, id),
					() -> this.httpClient.get(MODELS + "/{id}", GroqModel.class, id))
			.body();
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
		if (resolved.serviceTier() == null && this.defaultServiceTier != null) {
			resolved = resolved.withServiceTier(this.defaultServiceTier);
		}
		return resolved;
	}

	@Override
	public void close() throws Exception {
		this.httpClient.close();
	}

	@Override
	public String toString() {
		return "GroqTemplate[baseUrl=" + this.baseUrl + ", defaultModel=" + this.defaultModel
				+ ", defaultServiceTier=" + this.defaultServiceTier + "]";
	}

}
