package io.github.groqspring.internal.stream;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.http.ResponseMetadata;

/** Told how a stream ended, e.g. to end its observation; at most one call counts. */
public interface ChatStreamListener {

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
	 * not fail. May be called from another thread than the one reading the stream.
	 * @param metadata the stream's metadata
	 */
	void cancelled(ResponseMetadata metadata);

}
