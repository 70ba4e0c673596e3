package io.github.groqspring;

import java.util.List;

import io.github.groqspring.batch.GroqBatchTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.StructuredOutput;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.stream.ChatStreamHandler;

/**
 * What an application can ask Groq, implemented by {@link GroqTemplate}; an interface so
 * that callers can be tested with a stub. Chat completions and streams have forms that take
 * {@link RequestOptions} (per-call timeouts, retries and flex fallback); model reads, the
 * Batch API, {@link #complete(String)} and structured output use the template's
 * {@code groq.*} settings.
 *
 * <p>A stub implements {@link #chat(ChatRequest)}, {@link #chat(ChatRequest, RequestOptions)},
 * {@link #stream(ChatRequest)}, {@link #listModels()} and {@link #getModel(String)}; every
 * other method has a default: the builder and handler forms delegate,
 * {@link #stream(ChatRequest, RequestOptions)} delegates to {@link #stream(ChatRequest)} when
 * the options change nothing, and {@link #batches()} says that the stub has no Batch API.
 * Override those to support them.
 */
public interface GroqOperations {

	/**
	 * Send a chat completion request and wait for the answer.
	 * @param request the request; its tier, if set, wins over every other source
	 * @return the completion with its metadata
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	ChatResponse chat(ChatRequest request);

	/**
	 * Send a chat completion request with per-call timeouts, retries or flex fallback.
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the completion with its metadata
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	ChatResponse chat(ChatRequest request, RequestOptions options);

	/**
	 * Build and send a chat completion request.
	 * @param request a builder, e.g. {@code ChatRequest.builder(model).user("...")}
	 * @return the completion with its metadata
	 */
	default ChatResponse chat(ChatRequest.Builder request) {
		return chat(request.build());
	}

	/**
	 * Build and send a chat completion request with per-call timeouts, retries or flex
	 * fallback.
	 * @param request a builder
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the completion with its metadata
	 */
	default ChatResponse chat(ChatRequest.Builder request, RequestOptions options) {
		return chat(request.build(), options);
	}

	/**
	 * Send a chat completion request and stream the answer: the returned stream holds the
	 * first chunk, and hands out each further chunk as it arrives. The request goes through
	 * the same tier resolution as {@link #chat(ChatRequest)}, and an error status before
	 * the stream starts raises the same exception. Unless the request sets its own
	 * {@code stream_options}, it asks for {@code include_usage}: the stream then ends with a
	 * chunk without choices that carries the usage and the served tier
	 * ({@link io.github.groqspring.stream.ChatCompletionChunk#usageOnly()}).
	 * @param request the request
	 * @return the open stream; close it (try-with-resources)
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 * before the first chunk
	 */
	ChatStream stream(ChatRequest request);

	/**
	 * Send a chat completion request with per-call timeouts, retries or flex fallback, and
	 * stream the answer. The options mean what they mean for
	 * {@link #chat(ChatRequest, RequestOptions)}, for the part before the first chunk (the
	 * only part that can be retried or fall back); after it, nothing is retried, and each
	 * wait for bytes is bounded by the read timeout (or by the call timeout, when less of it
	 * was left as the request went out) and by {@code groq.stream.idle-timeout}.
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the open stream; close it (try-with-resources)
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 * before the first chunk
	 * @throws UnsupportedOperationException by default, when the options change something:
	 * an implementation that honours them overrides this method ({@link GroqTemplate} does);
	 * with {@link RequestOptions#DEFAULTS} it is {@link #stream(ChatRequest)}
	 */
	default ChatStream stream(ChatRequest request, RequestOptions options) {
		if (RequestOptions.DEFAULTS.equals(options)) {
			return stream(request);
		}
		throw new UnsupportedOperationException(getClass().getName() + " does not implement "
				+ "GroqOperations.stream(ChatRequest, RequestOptions), so it cannot apply " + options
				+ ": override it, or call GroqTemplate");
	}

	/**
	 * Build a request and stream the answer.
	 * @param request a builder
	 * @return the open stream; close it (try-with-resources)
	 */
	default ChatStream stream(ChatRequest.Builder request) {
		return stream(request.build());
	}

	/**
	 * Build a request and stream the answer, with per-call options.
	 * @param request a builder
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the open stream; close it (try-with-resources)
	 */
	default ChatStream stream(ChatRequest.Builder request, RequestOptions options) {
		return stream(request.build(), options);
	}

	/**
	 * Stream the answer to a handler, chunk by chunk as it arrives, and return the whole
	 * answer. The connection is closed when this returns or throws.
	 * @param request the request
	 * @param handler receives each chunk, e.g.
	 * {@code ChatStreamHandler.onContent(System.out::print)}
	 * @return the whole answer, as {@link #chat(ChatRequest)} would have returned it
	 * @throws io.github.groqspring.stream.GroqStreamException when the stream fails after
	 * it started
	 */
	default ChatResponse stream(ChatRequest request, ChatStreamHandler handler) {
		return stream(request).consume(handler);
	}

	/**
	 * Build a request and stream the answer to a handler.
	 * @param request a builder
	 * @param handler receives each chunk
	 * @return the whole answer
	 */
	default ChatResponse stream(ChatRequest.Builder request, ChatStreamHandler handler) {
		return stream(request.build(), handler);
	}

	/**
	 * Stream the answer to a handler with per-call options, and return the whole answer.
	 * The connection is closed when this returns or throws.
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @param handler receives each chunk
	 * @return the whole answer
	 * @throws io.github.groqspring.stream.GroqStreamException when the stream fails after
	 * it started
	 */
	default ChatResponse stream(ChatRequest request, RequestOptions options, ChatStreamHandler handler) {
		return stream(request, options).consume(handler);
	}

	/**
	 * Build a request and stream the answer to a handler, with per-call options.
	 * @param request a builder
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @param handler receives each chunk
	 * @return the whole answer
	 */
	default ChatResponse stream(ChatRequest.Builder request, RequestOptions options, ChatStreamHandler handler) {
		return stream(request.build(), options, handler);
	}

	/**
	 * Send one user message to {@code groq.default-model} and return the answer's text.
	 * @param userMessage the message
	 * @return the answer's text
	 */
	default String complete(String userMessage) {
		String content = chat(ChatRequest.builder().user(userMessage)).content();
		return (content != null) ? content : "";
	}

	/**
	 * The models this key may use.
	 * @return the models
	 */
	List<GroqModel> listModels();

	/**
	 * One model.
	 * @param id the model's id, e.g. {@code openai/gpt-oss-120b}
	 * @return the model
	 * @throws io.github.groqspring.error.GroqNotFoundException when Groq does not serve it
	 */
	GroqModel getModel(String id);

	/**
	 * Groq's Batch API: submit, follow and collect batches of chat requests at half the
	 * price, with files to upload, read and delete. Batch lines never carry a tier.
	 * @return the batch operations; a stub may return a mock of {@link GroqBatchTemplate}
	 * or a template built on an emulator
	 * @throws UnsupportedOperationException by default: an implementation that offers the
	 * Batch API overrides this method ({@link GroqTemplate} does)
	 */
	default GroqBatchTemplate batches() {
		throw new UnsupportedOperationException(getClass().getName() + " does not implement GroqOperations.batches(): "
				+ "override it (returning, say, GroqTemplate.builder().baseUrl(...).build().batches() or a mock), or "
				+ "inject GroqTemplate");
	}

	/**
	 * Build and send a request for structured output and return the answer as a record:
	 * the request goes out with a strict {@code json_schema} response format generated
	 * from the record ({@link io.github.groqspring.chat.JsonSchemas}), and the answer is
	 * read strictly into it. Use {@link StructuredOutput} directly to keep the response.
	 * @param <T> the record type
	 * @param request a builder without a response format, e.g.
	 * {@code ChatRequest.builder(model).user("Extract the invoice: ...")}
	 * @param type the record, e.g. {@code Invoice.class}
	 * @return the record
	 * @throws IllegalArgumentException when the record has no strict JSON schema or the
	 * request sets a response format
	 * @throws io.github.groqspring.chat.GroqStructuredOutputException when the answer is
	 * not JSON for the record
	 */
	default <T> T chat(ChatRequest.Builder request, Class<T> type) {
		StructuredOutput<T> output = StructuredOutput.of(type);
		return output.read(chat(output.applyTo(request.build())));
	}

}
