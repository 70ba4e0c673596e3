package io.github.groqspring.internal.observation;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import io.github.groqspring.observation.DefaultGroqObservationConvention;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqObservationConvention;
import io.github.groqspring.observation.GroqObservationDocumentation;

/**
 * Wraps each Groq call in one {@link GroqObservationDocumentation#CLIENT_OPERATION
 * observation}, so that everything inside the call (HTTP exchanges, retries, fallbacks)
 * belongs to it. {@code GroqTemplate} holds one; code that adds operations to it calls
 * {@link #observe} for a blocking call and {@link #start} for a stream:
 *
 * <pre>{@code
 * // blocking, e.g. a batch operation
 * return observer.observe(GroqObservationContext.operation("create_batch", null),
 *         () -> httpClient.postWithoutTier(BATCHES, body, Batch.class)).body();
 *
 * // streamed
 * GroqCallObservation call = observer.start(GroqObservationContext.chatStream(resolved));
 * try (GroqCallObservation.Scope scope = call.openScope()) {
 *     // open the SSE response; on the last chunk: call.context().setCompletion(accumulated);
 *     // on [DONE]: call.succeeded(null); on an error or early close: call.failed(ex)
 * }
 * catch (RuntimeException ex) {
 *     call.failed(ex);
 *     throw ex;
 * }
 * }</pre>
 *
 * <p>The layers below report into {@link GroqObservationContext#current()} while a scope is
 * open on their thread: {@code recordRetry(status)} before each retry,
 * {@code recordFallback(tier, status)} before moving to another tier.
 */
public final class GroqObserver {

	/** Observes nothing and logs nothing. */
	public static final GroqObserver NOOP = new GroqObserver(ObservationRegistry.NOOP, null, null);

	private static final GroqObservationConvention DEFAULT_CONVENTION = new DefaultGroqObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable GroqObservationConvention convention;

	private final @Nullable GroqContentLogger contentLogger;

	/**
	 * Create an observer.
	 * @param registry the registry observations go to
	 * @param convention the convention to use instead of the default, or {@code null}
	 * @param contentLogger what logs prompts and completions, or {@code null} to log none
	 */
	public GroqObserver(ObservationRegistry registry, @Nullable GroqObservationConvention convention,
			@Nullable GroqContentLogger contentLogger) {
		this.registry = registry;
		this.convention = convention;
		this.contentLogger = contentLogger;
	}

	/**
	 * Run a blocking call inside an observation: started before, stopped after, with the
	 * error when the call throws. A {@code ChatResponse}, {@code ChatCompletion} or
	 * {@code HttpResult} result is recorded in the context.
	 * @param <T> the result type
	 * @param context what the call asks for
	 * @param call the call
	 * @return the call's result
	 */
	public <T> T observe(GroqObservationContext context, Supplier<T> call) {
		return observe(() -> context, call);
	}

	/**
	 * Like {@link #observe(GroqObservationContext, Supplier)}, with the context created only
	 * when something observes or logs the call: a call that nothing observes creates none.
	 * @param <T> the result type
	 * @param context creates what the call asks for
	 * @param call the call
	 * @return the call's result
	 */
	public <T> T observe(Supplier<GroqObservationContext> context, Supplier<T> call) {
		if (this.contentLogger == null && this.registry.isNoop()) {
			return call.get();
		}
		GroqCallObservation observation = start(context.get());
		T result;
		try (GroqCallObservation.Scope scope = observation.openScope()) {
			result = call.get();
		}
		catch (RuntimeException | Error ex) {
			observation.failed(ex);
			throw ex;
		}
		observation.succeeded(result);
		return result;
	}

	/**
	 * Start the observation of a call that ends later, e.g. a stream: open its
	 * {@link GroqCallObservation#openScope() scope} around the work done for it on each
	 * thread, and end it with {@link GroqCallObservation#succeeded} or
	 * {@link GroqCallObservation#failed}.
	 * @param context what the call asks for
	 * @return the started observation
	 */
	public GroqCallObservation start(GroqObservationContext context) {
		Observation observation = GroqObservationDocumentation.CLIENT_OPERATION
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		if (this.contentLogger != null) {
			this.contentLogger.logRequest(context);
		}
		return new GroqCallObservation(observation, context, this.contentLogger);
	}

}
