package io.github.groqspring.benchmarks.clients;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import io.github.groqspring.benchmarks.server.Payload;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j's {@code OpenAiChatModel} on its default JDK {@code HttpClient}, pointed at the
 * server; streams through {@code OpenAiStreamingChatModel} with a handler, the caller waiting
 * on a latch. The streaming model is built on the first stream, so that the heap footprint
 * (blocking calls only) counts the blocking model alone.
 */
final class LangChain4jClient implements BenchClient {

	private final String baseUrl;

	private final OpenAiChatModel model;

	private @Nullable OpenAiStreamingChatModel streamingModel;

	LangChain4jClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.model = OpenAiChatModel.builder()
			.baseUrl(baseUrl + "/openai/v1")
			.apiKey(Client.API_KEY)
			.modelName(Payload.MODEL)
			.build();
	}

	@Override
	public Object chat() {
		return this.model.chat(SystemMessage.from(Payload.SYSTEM), UserMessage.from(Payload.USER)).aiMessage().text();
	}

	@Override
	public void stream(StreamTally tally) throws Exception {
		CountDownLatch ended = new CountDownLatch(1);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		streamingModel().chat(List.of(SystemMessage.from(Payload.SYSTEM), UserMessage.from(Payload.USER)),
				new StreamingChatResponseHandler() {

					@Override
					public void onPartialResponse(String text) {
						tally.chunk(text);
					}

					@Override
					public void onCompleteResponse(ChatResponse response) {
						ended.countDown();
					}

					@Override
					public void onError(Throwable error) {
						failure.set(error);
						ended.countDown();
					}

				});
		if (!ended.await(30, TimeUnit.SECONDS)) {
			throw new TimeoutException("The stream did not end within 30 s");
		}
		Throwable error = failure.get();
		if (error != null) {
			throw new IllegalStateException("The stream failed", error);
		}
	}

	private OpenAiStreamingChatModel streamingModel() {
		OpenAiStreamingChatModel streaming = this.streamingModel;
		if (streaming == null) {
			streaming = OpenAiStreamingChatModel.builder()
				.baseUrl(this.baseUrl + "/openai/v1")
				.apiKey(Client.API_KEY)
				.modelName(Payload.MODEL)
				.build();
			this.streamingModel = streaming;
		}
		return streaming;
	}

}
