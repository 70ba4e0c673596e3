package io.github.groqspring.tier;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The service tier chosen for the code running on this thread, set by {@link GroqTier} or
 * programmatically, and read by {@code GroqTemplate} for requests without their own tier.
 *
 * <pre>{@code
 * String answer = GroqTierContext.callWith(ServiceTier.FLEX, () -> groq.complete("..."));
 * }</pre>
 *
 * <p>With Micrometer's context-propagation library present, the tier crosses threads with
 * {@code ContextPropagatingTaskDecorator} and Reactor's automatic context propagation.
 */
public final class GroqTierContext {

	private static final ThreadLocal<@Nullable ServiceTier> CURRENT = new ThreadLocal<>();

	private GroqTierContext() {
	}

	/**
	 * The tier chosen for this thread.
	 * @return the tier, or {@code null} when none was chosen
	 */
	public static @Nullable ServiceTier current() {
		return CURRENT.get();
	}

	/**
	 * Run code under a tier, restoring the previous one afterwards, even on exceptions.
	 * @param tier the tier
	 * @param task the code
	 */
	public static void runWith(ServiceTier tier, Runnable task) {
		try (Scope scope = open(tier)) {
			task.run();
		}
	}

	/**
	 * Call code under a tier, restoring the previous one afterwards, even on exceptions.
	 * @param <T> the result type
	 * @param tier the tier
	 * @param task the code
	 * @return what the code returned
	 */
	public static <T> T callWith(ServiceTier tier, Supplier<T> task) {
		try (Scope scope = open(tier)) {
			return task.get();
		}
	}

	/**
	 * Set the tier until the returned scope is closed, which restores the previous one.
	 * @param tier the tier, {@code null} to clear it for the scope
	 * @return the scope, for try-with-resources
	 */
	public static Scope open(@Nullable ServiceTier tier) {
		ServiceTier previous = CURRENT.get();
		set(tier);
		return () -> set(previous);
	}

	static void set(@Nullable ServiceTier tier) {
		if (tier != null) {
			CURRENT.set(tier);
		}
		else {
			CURRENT.remove();
		}
	}

	/** Restores the previous tier when closed. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
