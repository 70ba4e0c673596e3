package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * No usable response arrived: the connection was refused, reset or broke mid-response.
 * Usually transient.
 */
public class GroqTransportException extends GroqException {

	/**
	 * Create the exception.
	 * @param message what failed, with the method and path
	 * @param cause the I/O failure
	 */
	public GroqTransportException(String message, @Nullable Throwable cause) {
		super(message, 0, null, RateLimits.NONE, cause);
	}

}
