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
		this(message, 1, cause);
	}

	/**
	 * Create the exception for a call that gives up after some attempts.
	 * @param message what failed, with the method and path
	 * @param attempts how many requests the call had sent with this one, at least 1
	 * @param cause the I/O failure
	 */
	public GroqTransportException(String message, int attempts, @Nullable Throwable cause) {
		super(message, 0, null, RateLimits.NONE, attempts, cause);
	}

}
