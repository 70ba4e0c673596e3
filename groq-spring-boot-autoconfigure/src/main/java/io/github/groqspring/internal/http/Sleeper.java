package io.github.groqspring.internal.http;

import java.time.Duration;

import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.RateLimits;

/** Waits between attempts; an interrupt ends the call at once, keeping the interrupt flag. */
final class Sleeper {

	private Sleeper() {
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GroqException("Interrupted while waiting to retry a Groq call", 0, null, RateLimits.NONE, ex);
		}
	}

}
