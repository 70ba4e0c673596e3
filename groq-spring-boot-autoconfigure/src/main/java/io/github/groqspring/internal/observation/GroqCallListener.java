package io.github.groqspring.internal.observation;

import java.time.Duration;

import io.github.groqspring.error.GroqException;
import io.github.groqspring.internal.http.RetryListener;
import io.github.groqspring.tier.ServiceTier;

/**
 * What a running call tells its observation while it runs: each retry (from the HTTP
 * layer, as a {@link RetryListener}), each move to another tier (from the template), and
 * for audio how much audio it processed.
 */
public interface GroqCallListener extends RetryListener {

	/** A listener that does nothing, for calls that nothing observes. */
	GroqCallListener NONE = new GroqCallListener() {

		@Override
		public void beforeRetry(GroqException failure, int attempt, Duration wait) {
		}

		@Override
		public void beforeFallback(ServiceTier to, GroqException failure) {
		}

	};

	/**
	 * The call is about to be sent again on another tier.
	 * @param to the tier tried next
	 * @param failure the answer that caused the move, e.g. a 498 on flex
	 */
	void beforeFallback(ServiceTier to, GroqException failure);

	/**
	 * The call processed or produced this much audio (a transcription's file, the speech that
	 * came back); a listener that observes nothing ignores it.
	 * @param duration the audio's length
	 */
	default void audioProcessed(Duration duration) {
	}

}
