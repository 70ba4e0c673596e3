package io.github.groqspring.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.http.ResponseMetadata;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What one Groq call asked for and what came back, as its observation records it; the
 * layers below {@code GroqTemplate} report retries and tier fallbacks into it through
 * {@link #current()}.
 *
 * <p>The prompt and the completion are kept here for content logging
 * ({@code groq.observations.log-content}); the default convention never turns them into
 * key values.
 */
public class GroqObservationContext extends Observation.Context {

	/** The operation name of a chat completion, blocking or streamed. */
	public static final String CHAT = "chat";

	/** The operation name of {@code GET /openai/v1/models}. */
	public static final String LIST_MODELS = "list_models";

	/** The operation name of {@code GET /openai/v1/models/{id}}. */
	public static final String GET_MODEL = "get_model";

	/** The operation name of uploading a batch input file ({@code POST /openai/v1/files}). */
	public static final String UPLOAD_FILE = "upload_file";

	/** The operation name of {@code POST /openai/v1/batches}. */
	public static final String CREATE_BATCH = "create_batch";

	/** The operation name of {@code GET /openai/v1/batches/{id}}; each poll of an await is one. */
	public static final String GET_BATCH = "get_batch";

	/** The operation name of {@code GET /openai/v1/batches}, one per page. */
	public static final String LIST_BATCHES = "list_batches";

	/** The operation name of {@code POST /openai/v1/batches/{id}/cancel}. */
	public static final String CANCEL_BATCH = "cancel_batch";

	/** The operation name of opening {@code GET /openai/v1/files/{id}/content}. */
	public static final String DOWNLOAD_FILE = "download_file";

	/** The operation name of {@code GET /openai/v1/files}. */
	public static final String LIST_FILES = "list_files";

	/** The operation name of {@code GET /openai/v1/files/{id}}. */
	public static final String GET_FILE = "get_file";

	/** The operation name of {@code DELETE /openai/v1/files/{id}}. */
	public static final String DELETE_FILE = "delete_file";

	private static final ThreadLocal<@Nullable GroqObservationContext> current = new ThreadLocal<>();

	private final String operationName;

	private final @Nullable String requestModel;

	private final @Nullable ServiceTier requestedTier;

	private final boolean stream;

	private final @Nullable ChatRequest request;

	private final List<Integer> retriedStatuses = new CopyOnWriteArrayList<>();

	private final List<Integer> fallbackStatuses = new CopyOnWriteArrayList<>();

	private volatile @Nullable ServiceTier fallbackTier;

	private volatile @Nullable ChatCompletion completion;

	private volatile int statusCode;

	private volatile @Nullable String groqRequestId;

	private volatile boolean completed;

	private volatile boolean cancelled;

	/**
	 * Create a context.
	 * @param operationName the {@code gen_ai.operation.name}, e.g. {@link #CHAT}
	 * @param requestModel the model asked for, {@code null} when the operation names none
	 * @param requestedTier the tier sent, {@code null} when none was
	 * @param stream whether the answer is streamed
	 * @param request the chat request as sent, for content logging; {@code null} for other
	 * operations
	 */
	public GroqObservationContext(String operationName, @Nullable String requestModel,
			@Nullable ServiceTier requestedTier, boolean stream, @Nullable ChatRequest request) {
		this.operationName = operationName;
		this.requestModel = requestModel;
		this.requestedTier = requestedTier;
		this.stream = stream;
		this.request = request;
	}

	/**
	 * The context of a blocking chat completion.
	 * @param request the request after the template filled in model and tier
	 * @return the context
	 */
	public static GroqObservationContext chat(ChatRequest request) {
		return new GroqObservationContext(CHAT, request.model(), request.serviceTier(), false, request);
	}

	/**
	 * The context of a streamed chat completion.
	 * @param request the request after the template filled in model and tier
	 * @return the context
	 */
	public static GroqObservationContext chatStream(ChatRequest request) {
		return new GroqObservationContext(CHAT, request.model(), request.serviceTier(), true, request);
	}

	/**
	 * The context of any other operation: models, files, batches.
	 * @param operationName e.g. {@link #LIST_MODELS} or {@code create_batch}
	 * @param model the model the operation is about, or {@code null}
	 * @return the context
	 */
	public static GroqObservationContext operation(String operationName, @Nullable String model) {
		return new GroqObservationContext(operationName, model, null, false, null);
	}

	/**
	 * The context of the Groq call running on this thread, for the layers below
	 * {@code GroqTemplate} to report retries and fallbacks into.
	 * @return the context, or {@code null} when no observed call runs on this thread
	 */
	public static @Nullable GroqObservationContext current() {
		return current.get();
	}

	/**
	 * Make this the {@link #current()} context of this thread.
	 * @return what restores the previous one
	 */
	Runnable bind() {
		GroqObservationContext previous = current.get();
		current.set(this);
		return () -> {
			if (previous != null) {
				current.set(previous);
			}
			else {
				current.remove();
			}
		};
	}

	/**
	 * Report that an attempt failed and is sent again unchanged; called by the HTTP layer
	 * before each retry.
	 * @param statusCode the status of the failed attempt, 0 when no response arrived
	 */
	public void recordRetry(int statusCode) {
		this.retriedStatuses.add(statusCode);
	}

	/**
	 * Report that the call moved to another tier, e.g. from {@code flex} to
	 * {@code on_demand} after a 498.
	 * @param to the tier tried next
	 * @param statusCode the status of the answer that caused the move, 0 when no response
	 * arrived
	 */
	public void recordFallback(ServiceTier to, int statusCode) {
		this.fallbackStatuses.add(statusCode);
		this.fallbackTier = to;
	}

	/**
	 * Record a chat answer: its model, served tier, usage and ids, and its status.
	 * @param response the response
	 */
	public void setResponse(ChatResponse response) {
		setResponseMetadata(response.metadata());
		setCompletion(response.completion());
	}

	/**
	 * Record a chat completion body, e.g. one a stream accumulated.
	 * @param completion the completion
	 */
	public void setCompletion(ChatCompletion completion) {
		this.completion = completion;
		ChatCompletion.XGroq xGroq = completion.xGroq();
		if (xGroq != null && xGroq.id() != null) {
			this.groqRequestId = xGroq.id();
		}
	}

	/**
	 * Record the status and request id of a response.
	 * @param metadata the response's metadata
	 */
	public void setResponseMetadata(ResponseMetadata metadata) {
		this.statusCode = metadata.status();
		if (this.groqRequestId == null) {
			this.groqRequestId = metadata.requestId();
		}
	}

	void markCompleted() {
		this.completed = true;
	}

	void markCancelled() {
		this.cancelled = true;
	}

	/**
	 * The {@code gen_ai.operation.name}.
	 * @return e.g. {@code chat}
	 */
	public String getOperationName() {
		return this.operationName;
	}

	/**
	 * The model asked for.
	 * @return the model, or {@code null}
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * The tier sent first.
	 * @return the tier, or {@code null} when none was sent
	 */
	public @Nullable ServiceTier getRequestedTier() {
		return this.requestedTier;
	}

	/**
	 * Whether the answer is streamed.
	 * @return {@code true} for a stream
	 */
	public boolean isStream() {
		return this.stream;
	}

	/**
	 * The chat request as sent; kept for content logging only.
	 * @return the request, or {@code null} for operations other than chat
	 */
	public @Nullable ChatRequest getRequest() {
		return this.request;
	}

	/**
	 * The chat completion that came back.
	 * @return the completion, or {@code null} before it arrived or for other operations
	 */
	public @Nullable ChatCompletion getCompletion() {
		return this.completion;
	}

	/**
	 * The model that answered.
	 * @return the model, or {@code null} when not known
	 */
	public @Nullable String getResponseModel() {
		ChatCompletion body = this.completion;
		return (body != null) ? body.model() : null;
	}

	/**
	 * The tier that served the call, raw as Groq echoed it.
	 * @return e.g. {@code on_demand}, or {@code null} when not known
	 */
	public @Nullable String getServedTier() {
		ChatCompletion body = this.completion;
		return (body != null) ? body.serviceTier() : null;
	}

	/**
	 * Tokens and Groq's timings.
	 * @return the usage, or {@code null} when not reported
	 */
	public @Nullable Usage getUsage() {
		ChatCompletion body = this.completion;
		return (body != null) ? body.usage() : null;
	}

	/**
	 * Groq's request id of the answer ({@code x_groq.id}, else {@code x-request-id}).
	 * @return the id, or {@code null}
	 */
	public @Nullable String getGroqRequestId() {
		return this.groqRequestId;
	}

	/**
	 * The status of the answer that ended the call.
	 * @return the status, 0 when no answer arrived or the call failed
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * How often the call was sent again unchanged.
	 * @return the retries
	 */
	public int getRetries() {
		return this.retriedStatuses.size();
	}

	/**
	 * The statuses of the attempts that were sent again unchanged.
	 * @return the statuses in order, 0 for attempts without a response
	 */
	public List<Integer> getRetriedStatuses() {
		return List.copyOf(this.retriedStatuses);
	}

	/**
	 * The statuses of every attempt that failed before the last one: retried ones, then
	 * those that caused a fallback.
	 * @return the statuses, 0 for attempts without a response
	 */
	public List<Integer> getFailedAttempts() {
		List<Integer> statuses = new ArrayList<>(this.retriedStatuses);
		statuses.addAll(this.fallbackStatuses);
		return statuses;
	}

	/**
	 * The tier the call fell back to.
	 * @return the tier, or {@code null} when it did not fall back
	 */
	public @Nullable ServiceTier getFallbackTier() {
		return this.fallbackTier;
	}

	/**
	 * Whether the call finished with an answer.
	 * @return {@code true} once the call succeeded
	 */
	public boolean isCompleted() {
		return this.completed;
	}

	/**
	 * Whether the caller ended the call before its end, e.g. closed a stream before
	 * {@code data: [DONE]}.
	 * @return {@code true} once the call was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

}
