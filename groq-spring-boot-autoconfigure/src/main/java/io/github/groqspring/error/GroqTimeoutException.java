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

}
