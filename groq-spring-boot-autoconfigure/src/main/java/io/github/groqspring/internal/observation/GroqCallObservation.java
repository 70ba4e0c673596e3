package io.github.groqspring.internal.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.GroqHttpClient.HttpResult;
import io.github.groqspring.observation.GroqCallOutcome;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * One started observation of a Groq call: records the call's retries and fallbacks as they
 * happen (it is the call's {@link GroqCallListener}), and is ended exactly once by
 * {@link #succeeded}, {@link #failed} or {@link #cancelled}; later ends are ignored, so a
 * stream may end it from its completion and again from {@code close()}.
 */
public final class GroqCallObservation implements GroqCallListener {

	private final Observation observation;

	private final GroqObservationContext context;

	private final @Nullable GroqContentLogger contentLogger;

	private final AtomicBoolean ended = new AtomicBoolean();

	GroqCallObservation(Observation observation, GroqObservationContext context,
			@Nullable GroqContentLogger contentLogger) {
		this.observation = observation;
		this.context = context;
		this.contentLogger = contentLogger;
	}

	/**
	 * The call's context.
	 * @return the context
	 */
	public GroqObservationContext context() {
		return this.context;
	}

	/**
	 * Make this call's observation current on this thread, so that it becomes the parent of
	 * the HTTP observations.
	 * @return the scope to close on the same thread
	 */
	public Observation.Scope openScope() {
		return this.observation.openScope();
	}

	@Override
	public void beforeRetry(GroqException failure, int attempt, Duration wait) {
		this.context.recordRetry(failure.getStatusCode());
	}

	@Override
	public void beforeFallback(ServiceTier to, GroqException failure) {
		this.context.recordFallback(to, failure.getStatusCode());
	}

	@Override
	public void audioProcessed(Duration duration) {
		this.context.setAudioDuration(duration);
	}

	/**
	 * End the call with an answer.
	 * @param result the answer: a {@link ChatResponse}, {@link ChatCompletion} or
	 * {@link HttpResult} is recorded; anything else only ends the call
	 */
	public void succeeded(@Nullable Object result) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		if (result instanceof ChatResponse response) {
			this.context.setResponseMetadata(response.metadata());
			this.context.setCompletion(response.completion());
		}
		else if (result instanceof ChatCompletion completion) {
			this.context.setCompletion(completion);
		}
		else if (result instanceof HttpResult<?> httpResult) {
			this.context.setResponseMetadata(httpResult.metadata());
		}
		this.context.markCompleted();
		if (this.contentLogger != null) {
			this.contentLogger.logCompletion(this.context);
		}
		this.observation.stop();
	}

	/**
	 * End the call with an error.
	 * @param error what went wrong, e.g. a {@code GroqException} or a truncated stream
	 */
	public void failed(Throwable error) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.observation.error(error);
		this.observation.stop();
	}

	/**
	 * End the call as cancelled by the caller, e.g. a stream closed before its end: outcome
	 * {@link GroqCallOutcome#CANCELLED}, without an error.
	 * @param metadata the metadata of the response that had started to arrive, or
	 * {@code null} when none had
	 */
	public void cancelled(@Nullable ResponseMetadata metadata) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		if (metadata != null) {
			this.context.setResponseMetadata(metadata);
		}
		this.context.markCancelled();
		this.observation.stop();
	}

}
