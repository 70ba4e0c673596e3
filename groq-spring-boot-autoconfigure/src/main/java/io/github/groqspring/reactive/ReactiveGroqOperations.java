package io.github.groqspring.reactive;

import io.github.groqspring.RequestOptions;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an application can ask Groq from reactive code, implemented by
 * {@link ReactiveGroqTemplate}: the same calls, errors, retries and tier resolution as
 * {@code GroqOperations}, as a {@link Flux} of chunks or a {@link Mono} of the answer.
 * Nothing is sent until subscription; each subscription sends its own request.
 *
 * <p>The tier sent is, highest first: the request's own tier; the tier in effect
 * ({@code @GroqTier}, {@code GroqTierContext}) on the thread that called the method; the
 * tier under {@link io.github.groqspring.tier.GroqTierThreadLocalAccessor#KEY} in the
 * subscriber's Reactor context; {@code groq.default-service-tier}.
 */
public interface ReactiveGroqOperations {

	/**
	 * Stream the answer, chunk by chunk. Each chunk is read from the connection only when
	 * it is requested, on a worker thread (never on the subscriber's, e.g. a Netty event
	 * loop); cancelling drops the connection at once (Groq stops generating).
	 * @param request the request
	 * @return the chunks; an error before the first chunk is the exception
	 * {@code GroqOperations.stream} would throw, one after it a
	 * {@link io.github.groqspring.stream.GroqStreamException}
	 */
	default Flux<ChatCompletionChunk> stream(ChatRequest request) {
		return stream(request, RequestOptions.DEFAULTS);
	}

	/**
	 * Stream the answer with per-call timeouts, retries or flex fallback (for the part
	 * before the first chunk, as for {@code GroqOperations.stream(request, options)}).
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the chunks
	 */
	default Flux<ChatCompletionChunk> stream(ChatRequest request, RequestOptions options) {
		return stream(request, options, (chunk, stream) -> chunk);
	}

	/**
	 * Build a request and stream the answer.
	 * @param request a builder
	 * @return the chunks
	 */
	default Flux<ChatCompletionChunk> stream(ChatRequest.Builder request) {
		return stream(request.build());
	}

	/**
	 * Stream the answer, turning each chunk into what the caller emits, with the stream's
	 * metadata (rate limits, requested tier, attempts, fallback) and what has arrived so far
	 * at hand: for adapters such as Spring AI's {@code GroqChatModel}.
	 * @param <T> what is emitted
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @param mapper turns a chunk into an element, or into nothing
	 * @return the mapped elements
	 */
	<T> Flux<T> stream(ChatRequest request, RequestOptions options, ChunkMapper<T> mapper);

	/**
	 * Send a request and emit the whole answer; the blocking call runs on a worker thread.
	 * @param request the request
	 * @return the answer, or the exception {@code GroqOperations.chat} would throw
	 */
	default Mono<ChatResponse> chat(ChatRequest request) {
		return chat(request, RequestOptions.DEFAULTS);
	}

	/**
	 * Send a request with per-call options and emit the whole answer.
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the answer
	 */
	Mono<ChatResponse> chat(ChatRequest request, RequestOptions options);

	/**
	 * Turns each chunk of a stream into what a {@link Flux} emits.
	 *
	 * @param <T> what is emitted
	 */
	@FunctionalInterface
	interface ChunkMapper<T> {

		/**
		 * Map one chunk.
		 * @param chunk the chunk that arrived
		 * @param stream the stream it arrived on, to read its {@link ChatStream#metadata()}
		 * and {@link ChatStream#accumulated()}; the {@code Flux} iterates and closes it, the
		 * mapper must not
		 * @return the element to emit, or {@code null} to emit nothing for this chunk
		 */
		@Nullable T map(ChatCompletionChunk chunk, ChatStream stream);

	}

}
