package io.github.groqspring.reactive;

import java.util.Iterator;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.GroqTierThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * {@link ReactiveGroqOperations} on top of a {@link GroqOperations} (the
 * {@code GroqTemplate} bean): each subscription opens one {@link ChatStream} on a worker
 * thread of a {@link Scheduler} ({@link Schedulers#boundedElastic()} by default) and reads
 * one chunk from the connection per element requested, so a slow subscriber holds the
 * stream back instead of buffering it, and no read blocks the subscriber's thread.
 * Cancelling closes the stream from the cancelling thread, which drops the connection at
 * once. Thread-safe.
 */
public final class ReactiveGroqTemplate implements ReactiveGroqOperations {

	private final GroqOperations groq;

	private final Scheduler scheduler;

	/**
	 * Create a reactive template reading on {@link Schedulers#boundedElastic()}.
	 * @param groq the template to send through
	 */
	public ReactiveGroqTemplate(GroqOperations groq) {
		this(groq, Schedulers.boundedElastic());
	}

	/**
	 * Create a reactive template reading on a scheduler of the caller's choice.
	 * @param groq the template to send through
	 * @param scheduler where the blocking reads run: one worker per subscription
	 */
	public ReactiveGroqTemplate(GroqOperations groq, Scheduler scheduler) {
		this.groq = groq;
		this.scheduler = scheduler;
	}

	@Override
	public <T> Flux<T> stream(ChatRequest request, RequestOptions options, ChunkMapper<T> mapper) {
		@Nullable ServiceTier callerTier = (request.serviceTier() == null) ? GroqTierContext.current() : null;
		return Flux.deferContextual((context) -> {
			ChatRequest tiered = withTier(request, callerTier, context);
			OpenStream open = new OpenStream();
			return Flux.<T, OpenStream>generate(() -> open.open(this.groq.stream(tiered, options)),
					(state, sink) -> state.next(mapper, sink), OpenStream::close)
				.doOnCancel(open::close)
				.subscribeOn(this.scheduler);
		});
	}

	@Override
	public Mono<ChatResponse> chat(ChatRequest request, RequestOptions options) {
		@Nullable ServiceTier callerTier = (request.serviceTier() == null) ? GroqTierContext.current() : null;
		return Mono
			.deferContextual(
					(context) -> Mono.fromCallable(() -> this.groq.chat(withTier(request, callerTier, context), options)))
			.subscribeOn(this.scheduler);
	}

	/**
	 * The request with the tier it goes out with when it names none: the caller's thread's,
	 * else the subscriber context's; else as it is, for the template's default to apply.
	 */
	private static ChatRequest withTier(ChatRequest request, @Nullable ServiceTier callerTier, ContextView context) {
		if (request.serviceTier() != null) {
			return request;
		}
		if (callerTier != null) {
			return request.withServiceTier(callerTier);
		}
		Object contextTier = context.getOrDefault(GroqTierThreadLocalAccessor.KEY, null);
		return (contextTier instanceof ServiceTier tier) ? request.withServiceTier(tier) : request;
	}

	@Override
	public String toString() {
		return "ReactiveGroqTemplate[" + this.groq + "]";
	}

	/**
	 * One subscription's stream: opened on the worker, read there one chunk per request,
	 * closed by whichever comes first of its end, an error and a cancel (from any thread).
	 */
	private static final class OpenStream {

		private volatile @Nullable ChatStream stream;

		private volatile boolean closed;

		private @Nullable Iterator<ChatCompletionChunk> chunks;

		OpenStream open(ChatStream stream) {
			this.stream = stream;
			if (this.closed) {
				stream.close();
			}
			return this;
		}

		<T> OpenStream next(ChunkMapper<T> mapper, SynchronousSink<T> sink) {
			ChatStream stream = this.stream;
			if (stream == null || this.closed) {
				sink.complete();
				return this;
			}
			Iterator<ChatCompletionChunk> chunks = this.chunks;
			if (chunks == null) {
				chunks = stream.iterator();
				this.chunks = chunks;
			}
			while (chunks.hasNext()) {
				T element = mapper.map(chunks.next(), stream);
				if (element != null) {
					sink.next(element);
					return this;
				}
			}
			sink.complete();
			return this;
		}

		void close() {
			this.closed = true;
			ChatStream stream = this.stream;
			if (stream != null) {
				stream.close();
			}
		}

	}

}
