package io.github.groqspring.stream;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqException;
import org.jspecify.annotations.Nullable;

/**
 * A streamed chat completion failed after Groq had started answering: Groq sent an error
 * ({@code data: {"error":...}}, {@code event: error} or {@code x_groq.error}) or the stream
 * could not be read. Carries everything received before the failure. Not retried: chunks may
 * already have reached the caller.
 */
public class GroqStreamException extends GroqException {

	private final GroqError error;

	private final ChatResponse partialResponse;

	private final int chunksReceived;

	/**
	 * Create the exception.
	 * @param message what went wrong, with the request id
	 * @param error what Groq said, {@link GroqError#NONE} when Groq said nothing
	 * @param partialResponse what was received before the failure; its metadata gives the
	 * status, request id, rate limits and the call's attempts
	 * @param chunksReceived how many chunks arrived before the failure
	 * @param cause the I/O or parse failure, may be {@code null}
	 */
	public GroqStreamException(String message, GroqError error, ChatResponse partialResponse, int chunksReceived,
			@Nullable Throwable cause) {
		super(message, partialResponse.metadata().status(), partialResponse.metadata().requestId(),
				partialResponse.metadata().rateLimits(), partialResponse.metadata().attempts(), cause);
		this.error = error;
		this.partialResponse = partialResponse;
		this.chunksReceived = chunksReceived;
	}

	/**
	 * What Groq said about the failure.
	 * @return the error, {@link GroqError#NONE} when the stream failed without one
	 */
	public GroqError getError() {
		return this.error;
	}

	/**
	 * Everything received before the failure, accumulated as the blocking call's response:
	 * the content, reasoning and tool calls so far (a tool call's arguments may be cut
	 * short), {@code x_groq.id}, and a {@code null} finish reason unless Groq sent one.
	 * @return the partial response
	 */
	public ChatResponse getPartialResponse() {
		return this.partialResponse;
	}

	/**
	 * How many chunks arrived before the failure.
	 * @return the count, 0 when the stream failed before its first chunk
	 */
	public int getChunksReceived() {
		return this.chunksReceived;
	}

}
