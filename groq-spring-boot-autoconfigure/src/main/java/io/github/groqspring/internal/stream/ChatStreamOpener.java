package io.github.groqspring.internal.stream;

import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.GroqHttpClient.StreamStart;
import io.github.groqspring.internal.http.StreamingResponse;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the {@link ChatStream} of each attempt of a streamed call, reporting the call's
 * metadata (its attempts, and the tier it fell back from), and tells the retry loop that a
 * stream that ended or broke before its first chunk delivered nothing, so it may be retried
 * like a broken connection.
 */
public final class ChatStreamOpener implements StreamStart<ChatStream> {

	private final JsonMapper jsonMapper;

	private final @Nullable ServiceTier fallbackFrom;

	private final ChatStreamListener listener;

	/**
	 * Create an opener.
	 * @param jsonMapper the mapper for chunks
	 * @param fallbackFrom the tier the call fell back from, {@code null} without fallback
	 * @param listener told once how the stream ended
	 */
	public ChatStreamOpener(JsonMapper jsonMapper, @Nullable ServiceTier fallbackFrom, ChatStreamListener listener) {
		this.jsonMapper = jsonMapper;
		this.fallbackFrom = fallbackFrom;
		this.listener = listener;
	}

	@Override
	public ChatStream start(StreamingResponse response) {
		ResponseMetadata metadata = response.metadata();
		ResponseMetadata call = (this.fallbackFrom != null) ? metadata.withCall(metadata.attempts(), this.fallbackFrom)
				: metadata;
		return DefaultChatStream.open(response, call, this.jsonMapper, this.listener);
	}

	@Override
	public boolean isRetryable(GroqException failure) {
		return failure instanceof GroqStreamTruncatedException truncated && truncated.getChunksReceived() == 0;
	}

}
