package io.github.groqspring.internal.observation;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.groqspring.observation.DefaultGroqObservationConvention;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqObservationConvention;
import io.github.groqspring.observation.GroqObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each Groq call in one {@link GroqObservationDocumentation#CLIENT_OPERATION
 * observation}, so that everything inside the call (HTTP exchanges, retries, fallbacks)
 * belongs to it. {@code GroqTemplate} holds one; code that adds operations to it calls
 * {@link #observe} for a blocking call and {@link #start} for a stream:
 *
 * <pre>{@code
 * // blocking, e.g. a batch operation: retries reported through the listener
 * return observer.observe(() -> new GroqObservationContext(GroqOperationType.GET_BATCH),
 *         (listener) -> httpClient.get(BATCHES + "/{id}", Batch.class, listener, id)).body();
 *
 * // streamed
 * GroqCallObservation call = observer.start(context);
 * try (Observation.Scope scope = call.openScope()) {
 *     // open the SSE response with call as the retry listener;
 *     // on [DONE]: call.succeeded(response); on an error: call.failed(ex); on an early close: call.cancelled(metadata)
 * }
 * catch (RuntimeException ex) {
 *     call.failed(ex);
 *     throw ex;
 * }
 * }</pre>
 *
 * <p>Nothing reaches the layers below through a thread-local: they are handed the call's
 * {@link GroqCallListener}.
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
	 * error when the call throws; the context is created only when something observes or
	 * logs the call, so a call that nothing observes creates none. A {@code ChatResponse},
	 * {@code ChatCompletion} or {@code HttpResult} result is recorded in the context.
	 * @param <T> the result type
	 * @param context creates what the call asks for
	 * @param call the call, given the listener to report its retries and fallbacks to
	 * ({@link GroqCallListener#NONE} when nothing observes)
	 * @return the call's result
	 */
	public <T> T observe(Supplier<GroqObservationContext> context, Function<? super GroqCallListener, T> call) {
		if (this.contentLogger == null && this.registry.isNoop()) {
			return call.apply(GroqCallListener.NONE);
		}
		GroqCallObservation observation = start(context.get());
		T result;
		try (Observation.Scope scope = observation.openScope()) {
			result = call.apply(observation);
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
	 * thread, hand it to the layers below as their listener, and end it with
	 * {@link GroqCallObservation#succeeded}, {@link GroqCallObservation#failed} or
	 * {@link GroqCallObservation#cancelled}.
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
