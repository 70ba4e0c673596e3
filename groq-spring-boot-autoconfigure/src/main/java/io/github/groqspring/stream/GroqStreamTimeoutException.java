package io.github.groqspring.stream;

import io.github.groqspring.chat.ChatResponse;

/**
 * A streamed chat completion stalled: no bytes arrived for {@code groq.stream.idle-timeout}
 * (or {@code groq.read-timeout}), so the connection was dropped.
 */
public class GroqStreamTimeoutException extends GroqStreamTruncatedException {

	/**
	 * Create the exception.
	 * @param message which limit was hit, with the request id
	 * @param partialResponse what was received before the stall
	 * @param chunksReceived how many chunks arrived
	 * @param cause the timeout
	 */
	public GroqStreamTimeoutException(String message, ChatResponse partialResponse, int chunksReceived,
			Throwable cause) {
		super(message, partialResponse, chunksReceived, cause);
	}

}
