package io.github.groqspring.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqStreamException;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.http.StreamingResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

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
 * carrying what arrived before them; they close the stream.
 */
public final class ChatStream implements Iterable<ChatCompletionChunk>, AutoCloseable {

	private final StreamingResponse response;

	private final ResponseMetadata metadata;

	private final ChatChunkReader reader;

	private @Nullable ChatCompletionChunk next;

	private boolean iterating;

	private volatile boolean closed;

	private final Listener listener;

	private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

	private boolean handedOut;

	private ChatStream(StreamingResponse response, ResponseMetadata metadata, ChatChunkReader reader,
			Listener listener) {
		this.response = response;
		this.metadata = metadata;
		this.reader = reader;
		this.listener = listener;
	}

	/**
	 * Start reading an open streaming response: check that it is an event stream and wait
	 * for the first chunk, so that a failure before any chunk reaches the caller is raised
	 * here.
	 * @param response the open response
	 * @param jsonMapper the mapper for chunks
	 * @return the stream, holding its first chunk
	 * @throws GroqInvalidResponseException when Groq answered with JSON instead of events
	 * @throws GroqStreamException when the stream fails before its first chunk
	 */
	public static ChatStream open(StreamingResponse response, JsonMapper jsonMapper) {
		return open(response, response.metadata(), jsonMapper, Listener.NONE);
	}

	/**
	 * Start reading an open streaming response, telling a listener how the stream ends.
	 * @param response the open response
	 * @param jsonMapper the mapper for chunks
	 * @param listener told once: the whole response after {@code [DONE]}, the failure, or
	 * that the caller closed the stream early; a failure before this method returns is
	 * thrown to the caller, not told
	 * @return the stream, holding its first chunk
	 */
	public static ChatStream open(StreamingResponse response, JsonMapper jsonMapper, Listener listener) {
		return open(response, response.metadata(), jsonMapper, listener);
	}

	/**
	 * Start reading an open streaming response that reports the metadata of the whole call,
	 * e.g. its attempts and flex fallback, instead of the response's own.
	 * @param response the open response
	 * @param metadata what {@link #metadata()}, the accumulated response and exceptions
	 * report: the response's status, ids and rate limits with the call's attempts and
	 * fallback
	 * @param jsonMapper the mapper for chunks
	 * @param listener told once how the stream ended, as for
	 * {@link #open(StreamingResponse, JsonMapper, Listener)}
	 * @return the stream, holding its first chunk
	 */
	public static ChatStream open(StreamingResponse response, ResponseMetadata metadata, JsonMapper jsonMapper,
			Listener listener) {
		requireEventStream(response);
		ChatStream stream = new ChatStream(response, metadata,
				new ChatChunkReader(response.body(), jsonMapper, metadata, response.keyMask()), listener);
		stream.advance();
		stream.handedOut = true;
		return stream;
	}

	/**
	 * The chunks, each handed out as soon as it has arrived. Only one iterator per stream.
	 * @return an iterator whose {@code next()} blocks until the next chunk
	 * @throws IllegalStateException when called a second time
	 */
	@Override
	public Iterator<ChatCompletionChunk> iterator() {
		if (this.iterating) {
			throw new IllegalStateException("A ChatStream can be iterated only once");
		}
		this.iterating = true;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return advance();
			}

			@Override
			public ChatCompletionChunk next() {
				if (!advance() || ChatStream.this.next == null) {
					throw new NoSuchElementException("The stream has ended");
				}
				ChatCompletionChunk chunk = ChatStream.this.next;
				ChatStream.this.next = null;
				return chunk;
			}

		};
	}

	/**
	 * The chunks as a sequential {@link Stream}; closing it closes this stream.
	 * @return the chunks
	 */
	public Stream<ChatCompletionChunk> chunks() {
		Spliterator<ChatCompletionChunk> chunks = Spliterators.spliteratorUnknownSize(iterator(),
				Spliterator.ORDERED | Spliterator.NONNULL);
		return StreamSupport.stream(chunks, false).onClose(this::close);
	}

	/**
	 * Pass every remaining chunk to a handler as it arrives, then close the stream.
	 * @param handler the handler
	 * @return the whole answer, as the blocking call would have returned it
	 * @throws CancellationException when {@link #close()} was called from another thread
	 */
	public ChatResponse consume(ChatStreamHandler handler) {
		try (this) {
			while (advance() && this.next != null) {
				ChatCompletionChunk chunk = this.next;
				this.next = null;
				handler.onChunk(chunk);
			}
			return toResponseIfComplete();
		}
	}

	/**
	 * Read the rest of the stream and close it.
	 * @return the whole answer, as the blocking call would have returned it
	 */
	public ChatResponse toResponse() {
		return consume((chunk) -> {
		});
	}

	/**
	 * What has arrived so far, accumulated, without reading further.
	 * @return the response so far; its finish reason is {@code null} until the final chunk
	 */
	public ChatResponse accumulated() {
		return this.reader.partialResponse();
	}

	/**
	 * The streaming response's status, ids and rate limits, with the attempts of the whole
	 * call (those that failed before the first chunk included) and whether it fell back
	 * from flex, as for a blocking call.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * Whether Groq's {@code data: [DONE]} has arrived.
	 * @return {@code true} once the stream has ended cleanly
	 */
	public boolean isComplete() {
		return this.reader.isDone();
	}

	/**
	 * Close the stream: after {@code [DONE]} the connection goes back to the pool, before
	 * it the connection is dropped at once (Groq stops generating) and the call counts as
	 * cancelled, not failed. Idempotent, and safe to call from another thread.
	 */
	@Override
	public void close() {
		this.closed = true;
		if (this.reader.isDone()) {
			this.response.close();
		}
		else {
			this.response.abort();
			if (this.handedOut && this.ended.compareAndSet(false, true)) {
				this.listener.cancelled(this.metadata);
			}
		}
	}

	private boolean advance() {
		if (this.next != null) {
			return true;
		}
		if (this.closed || this.reader.isDone()) {
			return false;
		}
		try {
			this.next = this.reader.next();
		}
		catch (RuntimeException ex) {
			boolean cancelled = this.closed;
			this.response.abort();
			if (cancelled && ex instanceof GroqStreamException) {
				return false;
			}
			if (this.handedOut && ex instanceof GroqException groq) {
				groq.setAttempts(this.metadata.attempts());
			}
			failed(ex);
			throw ex;
		}
		if (this.next == null) {
			close();
			if (this.ended.compareAndSet(false, true)) {
				this.listener.completed(this.reader.partialResponse());
			}
			return false;
		}
		return true;
	}

	/**
	 * Tell the listener once; a failure before the stream was handed out is the opener's to
	 * report (it may retry).
	 */
	private void failed(Throwable failure) {
		if (this.handedOut && this.ended.compareAndSet(false, true)) {
			this.listener.failed(failure);
		}
	}

	private ChatResponse toResponseIfComplete() {
		if (!this.reader.isDone()) {
			throw new CancellationException("The stream was closed before it ended; accumulated() has what arrived");
		}
		return this.reader.partialResponse();
	}

	private static void requireEventStream(StreamingResponse response) {
		MediaType type = response.contentType();
		if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return;
		}
		String start;
		try {
			start = new String(response.body().readNBytes(200), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			start = "(unreadable: " + ex + ")";
		}
		ResponseMetadata metadata = response.metadata();
		throw new GroqInvalidResponseException("Groq answered " + metadata.status() + " with " + type
				+ " instead of text/event-stream to a streaming request; body starts: " + response.keyMask().mask(start),
				metadata.status(),
				metadata.requestId(), metadata.rateLimits(), null);
	}

	/** Told how a stream ended, e.g. to end its observation; at most one call counts. */
	public interface Listener {

		/** A listener that does nothing. */
		Listener NONE = new Listener() {

			@Override
			public void completed(ChatResponse response) {
			}

			@Override
			public void failed(Throwable failure) {
			}

		};

		/**
		 * The stream ended with {@code [DONE]}.
		 * @param response the whole response, as the accumulator built it
		 */
		void completed(ChatResponse response);

		/**
		 * The stream failed.
		 * @param failure what happened
		 */
		void failed(Throwable failure);

		/**
		 * The caller closed the stream before {@code [DONE]}: the call was cancelled, it did
		 * not fail. May be called from another thread than the one reading the stream. By
		 * default reported as {@link #failed} with a {@link CancellationException}.
		 * @param metadata the stream's metadata
		 */
		default void cancelled(ResponseMetadata metadata) {
			failed(new CancellationException("The stream was closed before it ended"));
		}

	}

}
