package io.github.groqspring.tier;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context-propagation carry the {@link GroqTierContext} tier to other
 * threads (task decorators, Reactor). Registered through {@code META-INF/services}, so it is
 * loaded only when context-propagation is on the class path.
 */
public final class GroqTierThreadLocalAccessor implements ThreadLocalAccessor<ServiceTier> {

	/** The key the tier travels under. */
	public static final String KEY = "groq.service-tier";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable ServiceTier getValue() {
		return GroqTierContext.current();
	}

	@Override
	public void setValue(ServiceTier value) {
		GroqTierContext.set(value);
	}

	@Override
	public void setValue() {
		GroqTierContext.set(null);
	}

}
