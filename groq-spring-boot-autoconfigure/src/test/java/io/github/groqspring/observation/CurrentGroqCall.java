package io.github.groqspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The context of the Groq call whose observation is open on this thread, found the way a
 * layer below the template (a retrying interceptor) would find it: through Micrometer's
 * current observation scopes, innermost first (a no-op HTTP observation may be current
 * inside it).
 */
final class CurrentGroqCall {

	private CurrentGroqCall() {
	}

	static @Nullable GroqObservationContext find(ObservationRegistry registry) {
		for (Observation.Scope scope = registry.getCurrentObservationScope(); scope != null; scope = scope
			.getPreviousObservationScope()) {
			if (scope.getCurrentObservation().getContext() instanceof GroqObservationContext groq) {
				return groq;
			}
		}
		return null;
	}

}
