package io.github.groqspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a Groq call's observation and derives its key values; implement it (or extend
 * {@link DefaultGroqObservationConvention}) and declare it as a bean to change them.
 */
public interface GroqObservationConvention extends ObservationConvention<GroqObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof GroqObservationContext;
	}

}
