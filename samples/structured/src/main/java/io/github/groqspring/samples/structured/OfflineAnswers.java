package io.github.groqspring.samples.structured;

import java.util.List;

import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scripts the embedded emulator, when the sample runs offline, with what a model would
 * answer: the invoice as JSON, a call of the weather tool, then a sentence once the tool's
 * result is in. Does nothing when the sample calls Groq.
 */
@Configuration(proxyBeanMethods = false)
class OfflineAnswers {

	static final String INVOICE_JSON = """
			{"customer":"ACME Corp","items":[{"description":"anvil","quantity":2,"unitPrice":49.5},\
			{"description":"rocket skate","quantity":1,"unitPrice":120.0}],"total":219.0}""";

	static final String WEATHER_SENTENCE = "It is 18 C and cloudy in Paris right now.";

	@Bean
	SmartInitializingSingleton scriptEmulatorWhenOffline(ObjectProvider<GroqEmulator> emulator) {
		return () -> emulator.ifAvailable(OfflineAnswers::script);
	}

	static void script(GroqEmulator emulator) {
		// The emulator checks the newest stub first: the tool-result answer goes last.
		emulator.onChat().promptMatches("(?i)invoice").thenReply(INVOICE_JSON);
		emulator.onChat()
			.promptMatches("(?i)weather")
			.thenRespond(EmulatedResponse.toolCall("call_weather_1", "get_weather", "{\"city\":\"Paris\"}"));
		emulator.onChat().matching(OfflineAnswers::endsWithToolResult).thenReply(WEATHER_SENTENCE);
	}

	private static boolean endsWithToolResult(RecordedRequest request) {
		List<RecordedRequest.Message> messages = request.messages();
		return !messages.isEmpty() && messages.get(messages.size() - 1).role().equals("tool");
	}

}
