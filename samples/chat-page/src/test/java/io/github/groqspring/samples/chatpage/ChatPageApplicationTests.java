package io.github.groqspring.samples.chatpage;

import java.time.Duration;
import java.util.List;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.StreamOutcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "groq.emulator.enabled=true")
@AutoConfigureWebTestClient(timeout = "PT30S")
class ChatPageApplicationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient web;

	@Autowired
	private GroqEmulator emulator;

	@Test
	void theStreamStartsWithTheTierSentThenOneTokenPerPieceThenTheServedTier() {
		List<ServerSentEvent<String>> events = events("/chat/stream?prompt=Why not&tier=flex").collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("start", "token", "token", "token", "token", "token", "done");
		assertThat(events).extracting(ServerSentEvent::data)
			.containsExactly("{\"requestedTier\":\"flex\",\"attempts\":1,\"text\":\"\"}", "\"Emulated\"", "\" reply\"",
					"\" to:\"", "\" Why\"", "\" not\"", "{\"servedTier\":\"flex\",\"finishReason\":\"stop\"}");
		assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("flex");
		assertThat(this.emulator.lastRequest().json().get("messages").get(1).get("content").asString())
			.isEqualTo("Why not");
	}

	@Test
	void withoutATierNoneIsSentAndGroqsDefaultServes() {
		List<ServerSentEvent<String>> events = events("/chat/stream?prompt=Hi").collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events.get(0).data()).isEqualTo("{\"requestedTier\":\"none (Groq's default)\",\"attempts\":1,\"text\":\"\"}");
		assertThat(events.get(events.size() - 1).data())
			.isEqualTo("{\"servedTier\":\"on_demand\",\"finishReason\":\"stop\"}");
		assertThat(this.emulator.lastRequest().json().has("service_tier")).isFalse();
	}

	@Test
	void aBrowserThatGoesAwayDropsGroqsConnection() {
		List<ServerSentEvent<String>> first = events("/chat/stream?prompt=one two three four five six seven")
			.take(3)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(first).hasSize(3);
		StreamOutcome outcome = this.emulator.awaitStreamOutcome(Duration.ofSeconds(10));
		assertThat(outcome.clientDisconnected()).isTrue();
		assertThat(outcome.doneSent()).isFalse();
	}

	@Test
	void anUnknownTierIsABadRequestNamingTheValidOnes() {
		this.web.get()
			.uri("/chat/stream?prompt=Hi&tier=fastest")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void thePageIsServed() {
		this.web.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).value((html) -> assertThat(html)
			.contains("<select id=\"tier\"").contains("new EventSource('/chat/stream?' + query)"));
	}

	private Flux<ServerSentEvent<String>> events(String uri) {
		return this.web.get()
			.uri(uri)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
	}

}
