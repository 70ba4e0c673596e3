package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(GroqEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroqEmulatorExtensionTests {

	static GroqEmulator first;

	static GroqEmulator injectedStatic;

	GroqEmulator injected;

	@Test
	@Order(1)
	void injectsARunningEmulatorAndRecordsRequests(GroqEmulator groq) throws Exception {
		first = groq;
		groq.onChat().promptMatches("(?i)weather").thenReply("Sunny, 21 C");
		assertThat(post(groq, "What's the weather?")).contains("\"content\":\"Sunny, 21 C\"");
		assertThat(post(groq, "Hello")).contains("\"content\":\"Emulated reply to: Hello\"");
		assertThat(groq.chatRequests()).extracting(RecordedRequest::lastUserMessage)
			.containsExactly("What's the weather?", "Hello");
	}

	@Test
	@Order(2)
	void theSameEmulatorServesTheWholeClassAndForgetsEachTestsTraffic(GroqEmulator groq) throws Exception {
		assertThat(groq).isSameAs(first);
		assertThat(groq.requests()).isEmpty();
		assertThat(post(groq, "What's the weather?")).contains("Emulated reply to: What's the weather?");
	}

	@Test
	@Order(3)
	void fieldsOfTypeGroqEmulatorGetTheSameEmulator(GroqEmulator groq) {
		assertThat(this.injected).isSameAs(groq);
		assertThat(injectedStatic).isSameAs(groq);
	}

	@Test
	@Order(4)
	void stubsMatchByModelTierAndCountAndTheNewestWins(GroqEmulator groq) throws Exception {
		groq.onChat().tier("flex").thenRespond(EmulatedResponse.flexCapacityExceeded());
		groq.onChat().model("llama-3.1-8b-instant").times(1).thenReply("instant, once");
		assertThat(post(groq, "x")).contains("instant, once");
		assertThat(post(groq, "x")).contains("Emulated reply to: x");
		HttpResponse<String> flex = send(groq, "{\"model\":\"llama-3.1-8b-instant\",\"service_tier\":\"flex\","
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
		assertThat(flex.statusCode()).isEqualTo(498);
		assertThat(groq.lastRequest().messages()).containsExactly(new RecordedRequest.Message("user", "x"));
	}

	static String post(GroqEmulator groq, String prompt) throws Exception {
		return send(groq, "{\"model\":\"llama-3.1-8b-instant\",\"messages\":[{\"role\":\"user\",\"content\":\""
				+ prompt + "\"}]}").body();
	}

	static HttpResponse<String> send(GroqEmulator groq, String json) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(groq.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
