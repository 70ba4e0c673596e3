package io.github.groqspring.benchmarks.clients;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import io.github.groqspring.benchmarks.server.Payload;

/**
 * The official OpenAI Java SDK on its default OkHttp client, pointed at the server.
 */
final class OpenAiJavaClient implements BenchClient {

	private final OpenAIClient client;

	OpenAiJavaClient(String baseUrl) {
		this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl + "/openai/v1").apiKey(Client.API_KEY).build();
	}

	@Override
	public Object chat() {
		ChatCompletion completion = this.client.chat().completions().create(params());
		return completion.choices().get(0).message().content().orElseThrow();
	}

	@Override
	public void stream(StreamTally tally) {
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(params())) {
			stream.stream()
				.forEach((chunk) -> tally.chunk(
						chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().content().orElse(null)));
		}
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder()
			.model(Payload.MODEL)
			.addSystemMessage(Payload.SYSTEM)
			.addUserMessage(Payload.USER)
			.build();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
