package io.github.groqspring.benchmarks.clients;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;

import io.github.groqspring.benchmarks.server.Payload;

/**
 * LangChain4j's {@code OpenAiChatModel} on its default JDK {@code HttpClient}, pointed at the
 * server.
 */
final class LangChain4jClient implements BenchClient {

	private final OpenAiChatModel model;

	LangChain4jClient(String baseUrl) {
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

}
