package io.github.groqspring.stream;

import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.http.ResponseMetadata;

/**
 * A streamed chat completion, open on its connection: iterate its chunks as they arrive
 * ({@link #iterator()}, {@link #chunks()}), pass them to a handler ({@link #consume}), or
 * collect them into the blocking call's response ({@link #toResponse()}). Always close it,
 * ideally with try-with-resources: closing it before the end drops the connection at once;
 * after {@code [DONE]} it is released on its own.
 *
 * <pre>{@code
 * try (ChatStream stream = groq.stream(request)) {
 *     for (ChatCompletionChunk chunk : stream) {
 *         if (chunk.content() != null) {
 *             System.out.print(chunk.content());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Read it from one thread; {@link #close()} may be called from another to cancel, and
 * iteration then ends without an exception. Failures are {@link GroqStreamException}s
 * carrying what arrived before them; they close the stream. {@code GroqTemplate.stream}
 * opens one; an interface so that code using streams can be tested with a stub.
 */
public interface ChatStream extends Iterable<ChatCompletionChunk>, AutoCloseable {

	/**
	 * The chunks, each handed out as soon as it has arrived. Only one iterator per stream.
	 * @return an iterator whose {@code next()} blocks until the next chunk
	 * @throws IllegalStateException when called a second time
	 */
	@Override
	Iterator<ChatCompletionChunk> iterator();

	/**
	 * The chunks as a sequential {@link Stream}; closing it closes this stream.
	 * @return the chunks
	 */
	Stream<ChatCompletionChunk> chunks();

	/**
	 * Pass every remaining chunk to a handler as it arrives, then close the stream.
	 * @param handler the handler
	 * @return the whole answer, as the blocking call would have returned it
	 * @throws CancellationException when {@link #close()} was called from another thread
	 */
	ChatResponse consume(ChatStreamHandler handler);

	/**
	 * Read the rest of the stream and close it.
	 * @return the whole answer, as the blocking call would have returned it
	 */
	default ChatResponse toResponse() {
		return consume((chunk) -> {
		});
	}

	/**
	 * What has arrived so far, accumulated, without reading further.
	 * @return the response so far; its finish reason is {@code null} until the final chunk
	 */
	ChatResponse accumulated();

	/**
	 * The streaming response's status, ids and rate limits, with the attempts of the whole
	 * call (those that failed before the first chunk included) and whether it fell back
	 * from flex, as for a blocking call.
	 * @return the metadata
	 */
	ResponseMetadata metadata();

	/**
	 * Whether Groq's {@code data: [DONE]} has arrived.
	 * @return {@code true} once the stream has ended cleanly
	 */
	boolean isComplete();

	/**
	 * Close the stream: after {@code [DONE]} the connection goes back to the pool, before
	 * it the connection is dropped at once (Groq stops generating) and the call counts as
	 * cancelled, not failed. Idempotent, and safe to call from another thread.
	 */
	@Override
	void close();

}
