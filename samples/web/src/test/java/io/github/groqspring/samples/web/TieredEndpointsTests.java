package io.github.groqspring.samples.web;

import io.github.groqspring.test.AutoConfigureGroqEmulator;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

// groq.emulator.enabled=false: application.properties says auto, which would start a second emulator
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "groq.emulator.enabled=false", "groq.retry.initial-backoff=10ms" })
@AutoConfigureGroqEmulator
class TieredEndpointsTests {

	@Autowired
	GroqEmulator groq;

	@Value("${local.server.port}")
	int port;

	@Test
	void summarizeIsSentOnAutoAndAnswersWithTheServedTier() {
		groq.onChat().promptMatches("(?i)tiers").thenReply("Groq has tiers.");

		JsonNode summary = post("/summarize", "{\"text\":\"Groq serves several tiers.\"}");

		assertThat(summary.get("summary").asString()).isEqualTo("Groq has tiers.");
		assertThat(summary.get("requestedTier").asString()).isEqualTo("auto");
		assertThat(summary.get("servedTier").asString()).isEqualTo("on_demand");   // what auto chose
		assertThat(summary.get("attempts").asInt()).isEqualTo(1);
		assertThat(groq.chatRequests()).hasSize(1);
		RecordedRequest sent = groq.lastRequest();
		assertThat(sent.serviceTier()).isEqualTo("auto");
		assertThat(sent.model()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(sent.lastUserMessage()).isEqualTo("Groq serves several tiers.");
		assertThat(sent.header("Authorization")).isNull();                         // no key in tests
	}

	@Test
	void digestRunsInTheBackgroundOnFlexAndSurvivesAFullFlexTier() {
		groq.onChat().promptMatches("incidents").thenReply("A busy day.");
		groq.onChat().tier("flex").times(1).thenRespond(EmulatedResponse.flexCapacityExceeded());  // newest stub first

		JsonNode digest = post("/digest", "{\"events\":[\"3 releases\",\"2 incidents\"]}");

		assertThat(digest.get("digest").asString()).isEqualTo("A busy day.");
		assertThat(digest.get("requestedTier").asString()).isEqualTo("flex");
		assertThat(digest.get("servedTier").asString()).isEqualTo("flex");
		assertThat(digest.get("attempts").asInt()).isEqualTo(2);                   // the 498 was retried
		assertThat(digest.get("fallbackFrom").isNull()).isTrue();
		assertThat(groq.chatRequests()).extracting(RecordedRequest::serviceTier).containsExactly("flex", "flex");
		RecordedRequest sent = groq.lastRequest();
		assertThat(sent.serviceTier()).isEqualTo("flex");
		assertThat(sent.model()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(sent.lastUserMessage()).isEqualTo("3 releases\n2 incidents");
	}

	@Test
	void digestWithoutEventsIsABadRequestAndCallsNobody() {
		int status = RestClient.create("http://localhost:" + port)
			.post()
			.uri("/digest")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"events\":[]}")
			.exchange((request, response) -> response.getStatusCode().value());

		assertThat(status).isEqualTo(400);
		assertThat(groq.chatRequests()).isEmpty();
	}

	private JsonNode post(String path, String body) {
		String response = RestClient.create("http://localhost:" + port)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
		return JsonMapper.builder().build().readTree(response);
	}

}
