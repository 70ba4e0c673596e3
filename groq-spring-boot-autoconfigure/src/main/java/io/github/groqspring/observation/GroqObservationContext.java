package io.github.groqspring.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What one Groq call asked for and what came back, as its observation records it: state
 * only. The template records into it while the call runs: each retry and tier fallback,
 * the answer, and how the call ended.
 *
 * <p>The prompt and the completion are kept here for content logging
 * ({@code groq.observations.log-content}); the default convention never turns them into
 * key values.
 */
public class GroqObservationContext extends Observation.Context {

	private final GroqOperationType operationType;

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

	private volatile @Nullable Duration audioDuration;

	/**
	 * Create a context.
	 * @param operationType the operation, e.g. {@link GroqOperationType#CHAT}
	 * @param requestModel the model asked for, {@code null} when the operation names none
	 * @param requestedTier the tier sent, {@code null} when none was
	 * @param stream whether the answer is streamed
	 * @param request the chat request as sent, for content logging; {@code null} for other
	 * operations
	 */
	public GroqObservationContext(GroqOperationType operationType, @Nullable String requestModel,
			@Nullable ServiceTier requestedTier, boolean stream, @Nullable ChatRequest request) {
		this.operationType = operationType;
		this.requestModel = requestModel;
		this.requestedTier = requestedTier;
		this.stream = stream;
		this.request = request;
	}

	/**
	 * Create the context of an operation about no model and no tier: files and batches.
	 * @param operationType the operation, e.g. {@link GroqOperationType#LIST_FILES}
	 */
	public GroqObservationContext(GroqOperationType operationType) {
		this(operationType, null, null, false, null);
	}

	/**
	 * Record that an attempt failed and is sent again unchanged.
	 * @param statusCode the status of the failed attempt, 0 when no response arrived
	 */
	public void recordRetry(int statusCode) {
		this.retriedStatuses.add(statusCode);
	}

	/**
	 * Record that the call moved to another tier, e.g. from {@code flex} to
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

	/**
	 * Record how much audio the call processed or produced: the length of a transcribed or
	 * translated file (Groq reports it only in {@code verbose_json}), or of the speech that
	 * came back.
	 * @param audioDuration the audio's length
	 */
	public void setAudioDuration(Duration audioDuration) {
		this.audioDuration = audioDuration;
	}

	/** Record that the call finished with an answer. */
	public void markCompleted() {
		this.completed = true;
	}

	/** Record that the caller ended the call before its end, e.g. closed a stream early. */
	public void markCancelled() {
		this.cancelled = true;
	}

	/**
	 * The operation.
	 * @return e.g. {@link GroqOperationType#CHAT}
	 */
	public GroqOperationType getOperationType() {
		return this.operationType;
	}

	/**
	 * The {@code gen_ai.operation.name}.
	 * @return e.g. {@code chat}
	 */
	public String getOperationName() {
		return this.operationType.value();
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
	 * How much audio the call processed or produced.
	 * @return the audio's length, or {@code null} when not known (not an audio call, or a
	 * transcription answered in {@code json} or {@code text}, which carry no duration)
	 */
	public @Nullable Duration getAudioDuration() {
		return this.audioDuration;
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
