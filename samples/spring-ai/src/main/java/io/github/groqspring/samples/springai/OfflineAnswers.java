package io.github.groqspring.samples.springai;

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
 * answer: a greeting, a call of the weather tool for the city the first turn named, then
 * a sentence once the tool's result is in. Does nothing when the sample calls Groq.
 */
@Configuration(proxyBeanMethods = false)
class OfflineAnswers {

	static final String GREETING = "Nice to meet you, Ada!";

	static final String WEATHER_SENTENCE = "It is 18 C and cloudy in Paris, Ada.";

	@Bean
	SmartInitializingSingleton scriptEmulatorWhenOffline(ObjectProvider<GroqEmulator> emulator) {
		return () -> emulator.ifAvailable(OfflineAnswers::script);
	}

	static void script(GroqEmulator emulator) {
		// The emulator checks the newest stub first: the tool-result answer goes last.
		emulator.onChat().promptMatches("I'm Ada").thenReply(GREETING);
		emulator.onChat()
			.promptMatches("(?i)weather")
			.thenRespond(EmulatedResponse.toolCall("call_weather_1", "currentWeather", "{\"city\":\"Paris\"}"));
		emulator.onChat().matching(OfflineAnswers::endsWithToolResult).thenReply(WEATHER_SENTENCE);
	}

	private static boolean endsWithToolResult(RecordedRequest request) {
		List<RecordedRequest.Message> messages = request.messages();
		return !messages.isEmpty() && messages.get(messages.size() - 1).role().equals("tool");
	}

}
