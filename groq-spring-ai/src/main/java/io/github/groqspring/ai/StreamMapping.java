package io.github.groqspring.ai;

import io.github.groqspring.reactive.ReactiveGroqOperations.ChunkMapper;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * One subscription's chunks as Spring AI responses: a response per piece of text or
 * reasoning, tool-call pieces held back until the last chunk brings the calls whole,
 * nothing for chunks that say nothing (the role chunk).
 */
final class StreamMapping implements ChunkMapper<ChatResponse> {

	private final boolean keepWhole;

	private @Nullable ChatResponseMetadata pieceMetadata;

	private volatile @Nullable ChatResponse whole;

	private boolean finished;

	/**
	 * @param keepWhole whether to keep the whole answer at the end, for an observation
	 */
	StreamMapping(boolean keepWhole) {
		this.keepWhole = keepWhole;
	}

	@Override
	public @Nullable ChatResponse map(ChatCompletionChunk chunk, ChatStream stream) {
		if (chunk.finishReason() != null || (this.finished && chunk.usage() != null)) {
			// Groq's usage chunk (choices: []) may follow the finish: it brings the usage and the
			// served tier, not the tool calls again, which Spring AI's aggregation would add twice.
			boolean trailer = this.finished;
			this.finished = true;
			io.github.groqspring.chat.ChatResponse accumulated = stream.accumulated();
			if (this.keepWhole) {
				this.whole = ChatResponseConverter.toChatResponse(accumulated);
			}
			return ChatResponseConverter.last(chunk, accumulated, !trailer);
		}
		if (!chunk.toolCalls().isEmpty()) {
			return null;
		}
		String content = chunk.content();
		if ((content == null || content.isEmpty()) && chunk.reasoning() == null) {
			return null;
		}
		ChatResponseMetadata metadata = this.pieceMetadata;
		if (metadata == null) {
			metadata = ChatResponseConverter.streamMetadata(stream.metadata(), chunk.id(), chunk.model());
			this.pieceMetadata = metadata;
		}
		return ChatResponseConverter.piece(chunk, metadata);
	}

	/**
	 * The whole answer, once the last chunk arrived.
	 * @return the answer as a blocking call would have returned it, or {@code null}
	 */
	@Nullable ChatResponse whole() {
		return this.whole;
	}

}
