package io.github.groqspring.error;

import org.jspecify.annotations.Nullable;

/**
 * Connecting or reading took longer than its timeout ({@code groq.connect-timeout},
 * {@code groq.read-timeout}).
 */
public class GroqTimeoutException extends GroqTransportException {

	/**
	 * Create the exception.
	 * @param message what timed out, with the method and path
	 * @param cause the timeout
	 */
	public GroqTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create the exception for a call that gives up after some attempts.
	 * @param message what timed out, with the method and path
	 * @param attempts how many requests the call had sent with this one, at least 1
	 * @param cause the timeout
	 */
	public GroqTimeoutException(String message, int attempts, @Nullable Throwable cause) {
		super(message, attempts, cause);
	}

}
