package io.github.groqspring.internal.http;

import org.jspecify.annotations.Nullable;

/**
 * The time left for the attempt running on this thread, so that the HTTP client can bound
 * the wait for a response by the call's budget rather than by a fixed socket timeout.
 */
final class AttemptTimeout {

	private static final ThreadLocal<@Nullable Long> MILLIS = new ThreadLocal<>();

	private AttemptTimeout() {
	}

	/**
	 * The milliseconds the running attempt may still wait.
	 * @return the time left, or {@code null} outside an attempt
	 */
	static @Nullable Long currentMillis() {
		return MILLIS.get();
	}

	static void set(long millis) {
		MILLIS.set(Math.max(1, millis));
	}

	static void clear() {
		MILLIS.remove();
	}

}
