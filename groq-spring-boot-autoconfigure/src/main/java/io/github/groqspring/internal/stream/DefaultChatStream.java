package io.github.groqspring.internal.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.StreamingResponse;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.stream.ChatStreamHandler;
import io.github.groqspring.stream.GroqStreamException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The {@link ChatStream} of an open streaming response: reads a chunk when the caller asks
 * for one, tells its {@link ChatStreamListener} once how it ended, and drops the connection
 * when closed before {@code [DONE]}.
 */
final class DefaultChatStream implements ChatStream {

	private final StreamingResponse response;

	private final ResponseMetadata metadata;

	private final ChatChunkReader reader;

	private @Nullable ChatCompletionChunk next;

	private boolean iterating;

	private volatile boolean closed;

	private final ChatStreamListener listener;

	private final AtomicBoolean ended = new AtomicBoolean();

	private boolean handedOut;

	private DefaultChatStream(StreamingResponse response, ResponseMetadata metadata, ChatChunkReader reader,
			ChatStreamListener listener) {
		this.response = response;
		this.metadata = metadata;
		this.reader = reader;
		this.listener = listener;
	}

	/**
	 * Start reading an open streaming response: check that it is an event stream and wait
	 * for the first chunk, so that a failure before any chunk reaches the caller is raised
	 * here (and may be retried).
	 * @param response the open response
	 * @param metadata what {@link #metadata()}, the accumulated response and exceptions
	 * report: the response's status, ids and rate limits with the call's attempts and
	 * fallback
	 * @param jsonMapper the mapper for chunks
	 * @param listener told once how the stream ended; a failure before this method returns
	 * is thrown to the caller, not told
	 * @return the stream, holding its first chunk
	 * @throws GroqInvalidResponseException when Groq answered with JSON instead of events
	 * @throws GroqStreamException when the stream fails before its first chunk
	 */
	static DefaultChatStream open(StreamingResponse response, ResponseMetadata metadata, JsonMapper jsonMapper,
			ChatStreamListener listener) {
		requireEventStream(response, metadata);
		DefaultChatStream stream = new DefaultChatStream(response, metadata,
				new ChatChunkReader(response.body(), jsonMapper, metadata, response.keyMask()), listener);
		stream.advance();
		stream.handedOut = true;
		return stream;
	}

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
				if (!advance() || DefaultChatStream.this.next == null) {
					throw new NoSuchElementException("The stream has ended");
				}
				ChatCompletionChunk chunk = DefaultChatStream.this.next;
				DefaultChatStream.this.next = null;
				return chunk;
			}

		};
	}

	@Override
	public Stream<ChatCompletionChunk> chunks() {
		Spliterator<ChatCompletionChunk> chunks = Spliterators.spliteratorUnknownSize(iterator(),
				Spliterator.ORDERED | Spliterator.NONNULL);
		return StreamSupport.stream(chunks, false).onClose(this::close);
	}

	@Override
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

	@Override
	public ChatResponse accumulated() {
		return this.reader.partialResponse();
	}

	@Override
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	@Override
	public boolean isComplete() {
		return this.reader.isDone();
	}

	@Override
	public void close() {
		this.closed = true;
		if (this.reader.isDone()) {
			this.response.close();
		}
		else {
			// Claimed before the abort: the reading thread's failure that the abort causes is not reported.
			boolean cancelled = this.handedOut && this.ended.compareAndSet(false, true);
			this.response.abort();
			if (cancelled) {
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
			if (cancelled) {
				// Closed from another thread: whatever the read failed with, the stream just ends.
				return false;
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

	private static void requireEventStream(StreamingResponse response, ResponseMetadata metadata) {
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
		throw new GroqInvalidResponseException("Groq answered " + metadata.status() + " with " + type
				+ " instead of text/event-stream to a streaming request; body starts: " + response.keyMask().mask(start),
				metadata.status(), metadata.requestId(), metadata.rateLimits(), metadata.attempts(), null);
	}

}
