package io.github.groqspring.stream;

import java.util.function.Consumer;

/**
 * Receives a stream's chunks as they arrive, in the callback form of
 * {@code GroqTemplate.stream(request, handler)}. Runs on the caller's thread; an exception
 * it throws stops the stream and closes the connection.
 */
@FunctionalInterface
public interface ChatStreamHandler {

	/**
	 * Handle the next chunk.
	 * @param chunk the chunk, in stream order
	 */
	void onChunk(ChatCompletionChunk chunk);

	/**
	 * A handler that passes on each piece of content text, e.g. {@code System.out::print}.
	 * @param consumer receives every non-empty content delta
	 * @return the handler
	 */
	static ChatStreamHandler onContent(Consumer<String> consumer) {
		return (chunk) -> {
			String content = chunk.content();
			if (content != null && !content.isEmpty()) {
				consumer.accept(content);
			}
		};
	}

}
