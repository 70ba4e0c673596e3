package io.github.groqspring.internal.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.ApiKeyMask;
import io.github.groqspring.internal.http.KeyMaskedException;
import io.github.groqspring.internal.http.StreamingResponse;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStreamAccumulator;
import io.github.groqspring.stream.GroqStreamException;
import io.github.groqspring.stream.GroqStreamTimeoutException;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Groq's chat completion stream into typed chunks, one per {@link #next()}, and
 * feeds each to a {@link ChatStreamAccumulator}. Ends cleanly only on {@code data: [DONE]};
 * raises Groq's in-stream errors ({@code data: {"error":...}}, {@code event: error},
 * {@code x_groq.error}) and a stream cut short as {@link GroqStreamException}s that carry
 * everything received so far, with any API key Groq's text holds masked. Not thread-safe.
 */
public final class ChatChunkReader {

	private static final byte[] DONE = { '[', 'D', 'O', 'N', 'E', ']' };

	private final ServerSentEventReader events;

	private final JsonMapper jsonMapper;

	private final ObjectReader chunkReader;

	private final ErrorCapture errors = new ErrorCapture();

	private final ResponseMetadata metadata;

	private final ChatStreamAccumulator accumulator = new ChatStreamAccumulator();

	private final ApiKeyMask keyMask;

	private int chunks;

	private boolean done;

	/**
	 * Create a reader that masks only keys shaped like Groq's ({@code gsk_...}), for tests
	 * and benchmarks: a template's streams mask its configured key too.
	 * @param body the response body, an event stream; the reader does not close it
	 * @param jsonMapper the mapper for chunks
	 * @param metadata the response's metadata, for exceptions and the accumulated response
	 */
	public ChatChunkReader(InputStream body, JsonMapper jsonMapper, ResponseMetadata metadata) {
		this(body, jsonMapper, metadata, ApiKeyMask.GROQ_KEYS);
	}

	/**
	 * Create a reader that masks the configured key in Groq's in-stream errors.
	 * @param body the response body, an event stream; the reader does not close it
	 * @param jsonMapper the mapper for chunks
	 * @param metadata the response's metadata, for exceptions and the accumulated response
	 * @param keyMask masks API keys in the messages and errors of the exceptions raised
	 */
	public ChatChunkReader(InputStream body, JsonMapper jsonMapper, ResponseMetadata metadata, ApiKeyMask keyMask) {
		this.keyMask = keyMask;
		this.events = new ServerSentEventReader(body);
		this.jsonMapper = jsonMapper;
		this.chunkReader = jsonMapper.readerFor(ChatCompletionChunk.class).withHandler(this.errors);
		this.metadata = metadata;
	}

	/**
	 * Read the next chunk, blocking until it has arrived.
	 * @return the chunk, or {@code null} once {@code data: [DONE]} has been read
	 * @throws GroqStreamException when Groq sends an error or a chunk that is not JSON
	 * @throws GroqStreamTruncatedException when the stream ends or breaks before
	 * {@code [DONE]}
	 * @throws GroqStreamTimeoutException when the stream stalls
	 */
	public @Nullable ChatCompletionChunk next() {
		while (!this.done) {
			if (!readEvent()) {
				throw new GroqStreamTruncatedException(failure("ended without data: [DONE]", "the answer is incomplete"),
						partialResponse(), this.chunks, null);
			}
			int length = this.events.dataLength();
			if (length == 0 && this.events.event() == null) {
				continue;
			}
			if (isDone(this.events.data(), length)) {
				this.done = true;
				return null;
			}
			if (!this.events.isComplete()) {
				throw new GroqStreamTruncatedException(failure("ended in the middle of an event",
						"the answer is incomplete"), partialResponse(), this.chunks, null);
			}
			if ("error".equals(this.events.event())) {
				throw groqError(StreamErrors.parse(this.jsonMapper, this.events.data(), length));
			}
			return chunk(this.events.data(), length);
		}
		return null;
	}

	/**
	 * Whether {@code data: [DONE]} has been read.
	 * @return {@code true} once the stream has ended cleanly
	 */
	public boolean isDone() {
		return this.done;
	}

	/**
	 * How many chunks have been read.
	 * @return the count
	 */
	public int chunkCount() {
		return this.chunks;
	}

	/**
	 * Everything read so far, as the blocking call's response.
	 * @return the accumulated response
	 */
	public ChatResponse partialResponse() {
		return this.accumulator.toResponse(this.metadata);
	}

	private boolean readEvent() {
		try {
			return this.events.next();
		}
		catch (IOException ex) {
			if (ex instanceof InterruptedIOException || ex.getClass().getSimpleName().contains("Timeout")) {
				String limit = (ex instanceof StreamingResponse.IdleTimeoutException) ? String.valueOf(ex.getMessage())
						: "no bytes within the read timeout (groq.read-timeout, or RequestOptions.readTimeout of this call; "
								+ ex + ")";
				throw new GroqStreamTimeoutException(failure("stalled", limit), partialResponse(), this.chunks, ex);
			}
			throw new GroqStreamTruncatedException(failure("broke", ex + "; the answer is incomplete"),
					partialResponse(), this.chunks, ex);
		}
	}

	private ChatCompletionChunk chunk(byte[] data, int length) {
		ChatCompletionChunk chunk;
		this.errors.reset();
		try {
			chunk = this.chunkReader.readValue(data, 0, length);
		}
		catch (JacksonException ex) {
			throw new GroqStreamException(failure("sent a chunk that is not valid JSON",
					ex.getOriginalMessage() + "; chunk starts: " + StreamErrors.snippet(data, length)), GroqError.NONE,
					partialResponse(), this.chunks, KeyMaskedException.of(ex, this.keyMask));
		}
		if (this.errors.chunkError != null) {
			throw groqError(StreamErrors.of(this.errors.chunkError));
		}
		this.accumulator.accept(chunk);
		this.chunks++;
		if (this.errors.xGroqError != null) {
			throw groqError(StreamErrors.of(this.errors.xGroqError));
		}
		return chunk;
	}

	/**
	 * Catches an {@code error} property, which no chunk record has, while Jackson reads the
	 * chunk: at the top level Groq reports a failure instead of a chunk, in {@code x_groq} a
	 * failure after this chunk's content. Chunks without one cost nothing extra (no scan of
	 * their bytes, no tree).
	 */
	private static final class ErrorCapture extends DeserializationProblemHandler {

		private @Nullable JsonNode chunkError;

		private @Nullable JsonNode xGroqError;

		void reset() {
			this.chunkError = null;
			this.xGroqError = null;
		}

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			if (!"error".equals(propertyName)) {
				return false;
			}
			Class<?> owner = (beanOrClass instanceof Class<?> type) ? type : beanOrClass.getClass();
			if (owner != ChatCompletionChunk.class && owner != ChatCompletionChunk.XGroq.class) {
				return false;
			}
			JsonNode error = context.readTree(parser);
			if (error != null && !error.isNull() && !error.isMissingNode()) {
				if (owner == ChatCompletionChunk.class) {
					this.chunkError = error;
				}
				else {
					this.xGroqError = error;
				}
			}
			return true;
		}

	}

	private GroqStreamException groqError(GroqError error) {
		StringBuilder detail = new StringBuilder();
		if (error.type() != null || error.code() != null) {
			detail.append("[type=").append(error.type()).append(", code=").append(error.code()).append("] ");
		}
		detail.append((error.message() != null) ? error.message() : "no message");
		return new GroqStreamException(failure("failed", detail.toString()), this.keyMask.mask(error),
				partialResponse(), this.chunks, null);
	}

	private String failure(String what, String detail) {
		String requestId = partialResponse().groqRequestId();
		return this.keyMask.mask("Groq's stream " + what + " after " + this.chunks
				+ ((this.chunks == 1) ? " chunk: " : " chunks: ") + detail
				+ ((requestId != null) ? " (request " + requestId + ")" : ""));
	}

	private static boolean isDone(byte[] data, int length) {
		int start = 0;
		int end = length;
		while (start < end && data[start] == ' ') {
			start++;
		}
		while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\n')) {
			end--;
		}
		if (end - start != DONE.length) {
			return false;
		}
		for (int i = 0; i < DONE.length; i++) {
			if (data[start + i] != DONE[i]) {
				return false;
			}
		}
		return true;
	}

}
