package io.github.groqspring.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ResponseMessage;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.stream.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Turns Groq's answers into Spring AI's {@link ChatResponse}: one generation per choice,
 * tool calls as {@code AssistantMessage.ToolCall}s, reasoning in the message's metadata,
 * and the call's facts under {@link GroqChatMetadata} keys, with usage and rate limits.
 */
final class ChatResponseConverter {

	private ChatResponseConverter() {
	}

	/** A blocking call's answer. */
	static ChatResponse toChatResponse(io.github.groqspring.chat.ChatResponse response) {
		ChatCompletion completion = response.completion();
		List<Generation> generations = new ArrayList<>(completion.choices().size());
		for (ChatCompletion.Choice choice : completion.choices()) {
			ResponseMessage message = choice.message();
			generations.add(generation((message != null) ? message.content() : null,
					(message != null) ? message.reasoning() : null,
					(message != null && message.toolCalls() != null) ? message.toolCalls() : List.of(), choice.index(),
					choice.finishReason()));
		}
		return new ChatResponse(generations, metadata(response.metadata(), completion));
	}

	/** A piece of a stream: its text or reasoning, with the facts known since the stream opened. */
	static ChatResponse piece(ChatCompletionChunk chunk, ChatResponseMetadata streamMetadata) {
		Map<String, Object> properties = (chunk.reasoning() != null)
				? Map.of(GroqChatMetadata.REASONING_CONTENT, chunk.reasoning()) : Map.of();
		AssistantMessage message = AssistantMessage.builder().content(chunk.content()).properties(properties).build();
		return new ChatResponse(List.of(new Generation(message)), streamMetadata);
	}

	/**
	 * The last piece of a stream, the one with the finish reason: its own text, the tool
	 * calls assembled from every piece, the whole reasoning, and everything Groq told about
	 * the call. Groq's usage chunk after it gets the same, without the tool calls.
	 */
	static ChatResponse last(ChatCompletionChunk chunk, io.github.groqspring.chat.ChatResponse accumulated,
			boolean withToolCalls) {
		ResponseMessage message = accumulated.message();
		Generation generation = generation(chunk.content(), (message != null) ? message.reasoning() : null,
				withToolCalls ? accumulated.toolCalls() : List.of(), 0, chunk.finishReason());
		return new ChatResponse(List.of(generation), metadata(accumulated.metadata(), accumulated.completion()));
	}

	/** What a stream's pieces carry before its end: the request's facts, no usage. */
	static ChatResponseMetadata streamMetadata(ResponseMetadata metadata, @Nullable String id, @Nullable String model) {
		ChatResponseMetadata.Builder builder = ChatResponseMetadata.builder();
		if (id != null) {
			builder.id(id);
		}
		if (model != null) {
			builder.model(model);
		}
		return callFacts(builder, metadata, metadata.requestId()).build();
	}

	private static Generation generation(@Nullable String content, @Nullable String reasoning, List<ToolCall> calls,
			int index, @Nullable String finishReason) {
		Map<String, Object> properties = new HashMap<>(4);
		properties.put("index", index);
		if (finishReason != null) {
			properties.put("finishReason", finishReason);
		}
		if (reasoning != null) {
			properties.put(GroqChatMetadata.REASONING_CONTENT, reasoning);
		}
		List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			toolCalls.add(new AssistantMessage.ToolCall(call.id(), call.type(), call.function().name(),
					call.function().arguments()));
		}
		AssistantMessage message = AssistantMessage.builder()
			.content(content)
			.properties(properties)
			.toolCalls(toolCalls)
			.build();
		return new Generation(message, ChatGenerationMetadata.builder().finishReason(finishReason).build());
	}

	private static ChatResponseMetadata metadata(ResponseMetadata metadata, ChatCompletion completion) {
		ChatResponseMetadata.Builder builder = ChatResponseMetadata.builder();
		if (completion.id() != null) {
			builder.id(completion.id());
		}
		if (completion.model() != null) {
			builder.model(completion.model());
		}
		if (metadata.rateLimits() != RateLimits.NONE) {
			builder.rateLimit(new GroqRateLimit(metadata.rateLimits()));
		}
		ChatCompletion.XGroq xGroq = completion.xGroq();
		String requestId = (xGroq != null && xGroq.id() != null) ? xGroq.id() : metadata.requestId();
		callFacts(builder, metadata, requestId).keyValue(GroqChatMetadata.SERVED_TIER, completion.serviceTier());
		io.github.groqspring.chat.Usage usage = completion.usage();
		builder.usage(usage(usage));
		if (usage != null) {
			builder.keyValue(GroqChatMetadata.QUEUE_TIME, usage.queueDuration())
				.keyValue(GroqChatMetadata.PROMPT_TIME, usage.promptDuration())
				.keyValue(GroqChatMetadata.COMPLETION_TIME, usage.completionDuration())
				.keyValue(GroqChatMetadata.TOTAL_TIME, usage.totalDuration())
				.keyValue(GroqChatMetadata.CACHED_TOKENS, cachedTokens(usage))
				.keyValue(GroqChatMetadata.REASONING_TOKENS, (usage.completionTokensDetails() != null)
						? usage.completionTokensDetails().reasoningTokens() : null);
		}
		return builder.build();
	}

	private static ChatResponseMetadata.Builder callFacts(ChatResponseMetadata.Builder builder,
			ResponseMetadata metadata, @Nullable String requestId) {
		return builder.keyValue(GroqChatMetadata.REQUESTED_TIER, wire(metadata.requestedTier()))
			.keyValue(GroqChatMetadata.FALLBACK_FROM, wire(metadata.fallbackFrom()))
			.keyValue(GroqChatMetadata.ATTEMPTS, metadata.attempts())
			.keyValue(GroqChatMetadata.REQUEST_ID, requestId)
			.keyValue(GroqChatMetadata.REGION, metadata.region());
	}

	private static Usage usage(io.github.groqspring.chat.@Nullable Usage usage) {
		if (usage == null) {
			return new EmptyUsage();
		}
		return new DefaultUsage(Math.toIntExact(usage.promptTokens()), Math.toIntExact(usage.completionTokens()),
				Math.toIntExact(usage.totalTokens()), usage, cachedTokens(usage), null);
	}

	private static @Nullable Long cachedTokens(io.github.groqspring.chat.Usage usage) {
		return (usage.promptTokensDetails() != null) ? usage.promptTokensDetails().cachedTokens() : null;
	}

	private static @Nullable String wire(@Nullable ServiceTier tier) {
		return (tier != null) ? tier.wireValue() : null;
	}

}
