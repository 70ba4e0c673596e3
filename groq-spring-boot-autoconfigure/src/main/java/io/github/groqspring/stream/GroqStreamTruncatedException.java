package io.github.groqspring.stream;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqError;
import org.jspecify.annotations.Nullable;

/**
 * A streamed chat completion ended before Groq's {@code data: [DONE]}: the connection
 * closed or broke, so the answer is incomplete. Never passed off as a complete answer;
 * {@link #getPartialResponse()} holds what arrived.
 */
public class GroqStreamTruncatedException extends GroqStreamException {

	/**
	 * Create the exception.
	 * @param message what happened, with the request id
	 * @param partialResponse what was received before the stream ended
	 * @param chunksReceived how many chunks arrived
	 * @param cause the I/O failure, {@code null} when the stream simply ended
	 */
	public GroqStreamTruncatedException(String message, ChatResponse partialResponse, int chunksReceived,
			@Nullable Throwable cause) {
		super(message, GroqError.NONE, partialResponse, chunksReceived, cause);
	}

}
