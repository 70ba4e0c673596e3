package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(GroqEmulatorExtension.class)
class GroqEmulatorTests {

	static GroqEmulator emulator;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersWithGroqsCompletionShapeAndEchoesOnDemandWhenNoTierWasSent() throws Exception {
		HttpResponse<String> response = post("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hello there"}]}""");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).contains("application/json");
		assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).contains("2m59.56s");
		JsonNode body = WireFormat.JSON.readTree(response.body());
		assertThat(body.propertyNames()).containsExactly("id", "object", "created", "model", "choices", "usage",
				"usage_breakdown", "system_fingerprint", "x_groq", "service_tier");
		assertThat(body.get("id").asString()).matches("chatcmpl-[0-9a-f-]{36}");
		assertThat(body.get("object").asString()).isEqualTo("chat.completion");
		assertThat(body.at("/choices/0/message").toString())
			.isEqualTo("{\"role\":\"assistant\",\"content\":\"Emulated reply to: Hello there\"}");
		assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(body.get("service_tier").asString()).isEqualTo("on_demand");
		assertThat(body.at("/x_groq/id").asString()).matches("req_01[0-9a-hjkmnp-tv-z]{24}")
			.isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
		assertThat(emulator.lastRequest().serviceTier()).isNull();
	}

	@Test
	void echoesTheRequestedTierAndServesAutoAsOnDemand() throws Exception {
		assertThat(post(body("flex")).body()).contains("\"service_tier\":\"flex\"");
		assertThat(post(body("auto")).body()).contains("\"service_tier\":\"on_demand\"");
	}

	@Test
	void rejectsWhatGroqRejects() throws Exception {
		assertRefused(post("""
				{"model":"llama-3.3-70b-versatile","store":true,"messages":[{"role":"user","content":"x"}]}"""), 400,
				"property 'store' is unsupported, did you mean 'stop'?");
		assertRefused(post("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","name":"bob","content":"x"}]}"""), 400,
				"'messages.0' : for 'role:user' the following must be satisfied[('messages.0' : property 'name' is unsupported)]");
		assertRefused(post("""
				{"model":"llama-3.3-70b-versatile","n":2,"messages":[{"role":"user","content":"x"}]}"""), 400,
				"number must be at most 1");
		assertRefused(post(body("turbo")), 400, "'service_tier' : value must be one of");
		assertRefused(post("""
				{"model":"no-such-model","messages":[{"role":"user","content":"x"}]}"""), 404,
				"The model `no-such-model` does not exist");
	}

	@Test
	void refusesTiersTheOrgMayNotUse() throws Exception {
		emulator.allowTiers("on_demand");
		assertRefused(post(body("flex")), 400, "`service_tier` `flex` is not available for this org.");
	}

	@Test
	void requiresTheConfiguredKey() throws Exception {
		emulator.requireApiKey("gsk_right");
		assertRefused(post(body("flex")), 401, "Invalid API Key");
	}

	@Test
	void playsScriptedResponsesInOrderThenAnswersNormally() throws Exception {
		emulator.enqueue(EmulatedResponse.flexCapacityExceeded()).enqueue(EmulatedResponse.reply("scripted"));
		assertThat(post(body("flex")).statusCode()).isEqualTo(498);
		assertThat(post(body("flex")).body()).contains("\"content\":\"scripted\"");
		assertThat(post(body("flex")).body()).contains("Emulated reply to: x");
		assertThat(emulator.requests()).hasSize(3);
	}

	private static String body(String tier) {
		return "{\"model\":\"llama-3.3-70b-versatile\",\"service_tier\":\"" + tier
				+ "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
	}

	private static void assertRefused(HttpResponse<String> response, int status, String message) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).startsWith("{\"error\":{\"message\":\"").contains(message);
	}

	private HttpResponse<String> post(String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
