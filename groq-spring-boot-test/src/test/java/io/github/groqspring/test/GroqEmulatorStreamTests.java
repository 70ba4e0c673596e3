package io.github.groqspring.test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class GroqEmulatorStreamTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersAStreamRequestWithGroqsCapturedEventShape() throws Exception {
		HttpResponse<String> response = post(body("flex", "Hello there"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
		assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
		String requestId = response.headers().firstValue("x-request-id").orElseThrow();
		assertThat(requestId).matches("req_01[0-9a-hjkmnp-tv-z]{24}");
		List<String> events = events(response.body());
		assertThat(events).hasSize(8).last().isEqualTo("data: [DONE]");
		JsonNode first = json(events.get(0));
		assertThat(first.get("id").asString()).matches("chatcmpl-[0-9a-f-]{36}");
		assertThat(events.subList(0, 7)).allSatisfy((event) -> {
			assertThat(json(event).get("id")).isEqualTo(first.get("id"));
			assertThat(json(event).get("created")).isEqualTo(first.get("created"));
			assertThat(json(event).has("service_tier")).isFalse();
		});
		assertThat(normalized(events.get(0))).isEqualTo(WireFormat.JSON.readTree("""
				{"id":"ID","object":"chat.completion.chunk","created":0,
				 "model":"llama-3.3-70b-versatile","system_fingerprint":"fp_emulated",
				 "choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],
				 "x_groq":{"id":"REQ"}}""".replace("REQ", requestId)));
		assertThat(events.subList(1, 6)).extracting((event) -> json(event).at("/choices/0/delta/content").asString())
			.containsExactly("Emulated", " reply", " to:", " Hello", " there");
		assertThat(events.subList(1, 6)).allSatisfy((event) -> assertThat(json(event).has("x_groq")).isFalse());
		assertThat(normalized(events.get(6))).isEqualTo(WireFormat.JSON.readTree("""
				{"id":"ID","object":"chat.completion.chunk","created":0,
				 "model":"llama-3.3-70b-versatile","system_fingerprint":"fp_emulated",
				 "choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],
				 "x_groq":{"id":"REQ",
				   "usage":{"queue_time":0.0418,"prompt_tokens":6,"prompt_time":0.00195,"completion_tokens":5,
				            "completion_time":0.245,"total_tokens":11,"total_time":0.24695}},
				 "usage":{"queue_time":0.0418,"prompt_tokens":6,"prompt_time":0.00195,"completion_tokens":5,
				          "completion_time":0.245,"total_tokens":11,"total_time":0.24695}}""".replace("REQ", requestId)));
		assertThat(this.emulator.awaitStreamOutcome(Duration.ofSeconds(5))).isEqualTo(new StreamOutcome(7, true, false));
	}

	@Test
	void includeUsageAddsALastChunkWithNoChoicesTheUsageAndTheServedTier() throws Exception {
		List<String> events = events(post("""
				{"model":"llama-3.3-70b-versatile","stream":true,"stream_options":{"include_usage":true},
				 "service_tier":"flex","messages":[{"role":"user","content":"Hi"}]}""").body());
		assertThat(events).hasSize(8).last().isEqualTo("data: [DONE]");
		assertThat(json(events.get(5)).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(json(events.get(5)).has("service_tier")).isFalse();
		assertThat(normalized(events.get(6))).isEqualTo(WireFormat.JSON.readTree("""
				{"id":"ID","object":"chat.completion.chunk","created":0,
				 "model":"llama-3.3-70b-versatile","system_fingerprint":"fp_emulated","choices":[],
				 "usage":{"queue_time":0.0418,"prompt_tokens":5,"prompt_time":0.00195,"completion_tokens":4,
				          "completion_time":0.245,"total_tokens":9,"total_time":0.24695},
				 "service_tier":"flex"}"""));
		assertThat(events.subList(0, 5)).allSatisfy((event) -> assertThat(json(event).has("usage")).isFalse());
	}

	@Test
	void aScriptedUsageChunkAndFinishReasonReachStreamsThatDidNotAskForThem() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("Cut sh").withFinishReason("length").withUsageChunk());
		List<String> events = events(post(body(null, "x")).body());
		assertThat(events).hasSize(6);
		assertThat(json(events.get(3)).at("/choices/0/finish_reason").asString()).isEqualTo("length");
		assertThat(json(events.get(4)).get("choices").isEmpty()).isTrue();
		assertThat(json(events.get(4)).at("/usage/completion_tokens").asInt()).isEqualTo(2);
		assertThat(json(events.get(4)).get("service_tier").asString()).isEqualTo("on_demand");
	}

	@Test
	void aForcedToolChoiceStreamsTheCallInOneDeltaAsGroqDoes() throws Exception {
		List<String> events = events(post("""
				{"model":"llama-3.3-70b-versatile","stream":true,"messages":[{"role":"user","content":"Weather?"}],
				 "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object",
				   "properties":{"city":{"type":"string"}},"required":["city"]}}}],"tool_choice":"required"}""").body());
		assertThat(events).hasSize(4);
		JsonNode call = json(events.get(1)).at("/choices/0/delta/tool_calls/0");
		assertThat(call.get("id").asString()).startsWith("call_");
		assertThat(call.get("type").asString()).isEqualTo("function");
		assertThat(call.get("index").asInt()).isZero();
		assertThat(call.at("/function/name").asString()).isEqualTo("weather");
		assertThat(call.at("/function/arguments").asString()).isEqualTo("{\"city\":\"\"}");
		assertThat(json(events.get(2)).at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
	}

	@Test
	void aSmallCompletionLimitCutsTheStreamWithFinishReasonLength() throws Exception {
		List<String> events = events(post("""
				{"model":"llama-3.3-70b-versatile","stream":true,"max_completion_tokens":2,
				 "messages":[{"role":"user","content":"Hello there"}]}""").body());
		assertThat(contents(String.join("\n\n", events))).containsExactly("", "Emulated", " reply", "");
		assertThat(json(events.get(3)).at("/choices/0/finish_reason").asString()).isEqualTo("length");
		assertThat(json(events.get(3)).at("/usage/completion_tokens").asInt()).isEqualTo(2);
	}

	@Test
	void aScriptedReplyIsStreamedAndAnEnqueuedErrorStillComesFirst() throws Exception {
		this.emulator.enqueue(EmulatedResponse.rateLimited(3)).enqueue(EmulatedResponse.reply("Scripted words"));
		HttpResponse<String> refused = post(body(null, "x"));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("retry-after")).contains("3");
		assertThat(contents(post(body(null, "x")).body())).containsExactly("", "Scripted", " words", "");
	}

	@Test
	void aScriptedStreamWaitsForAValidStreamingRequest() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("scripted"));
		post("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"blocking\"}]}");
		post("{\"model\":\"llama-3.3-70b-versatile\",\"stream\":true,\"temperature\":9,\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"refused\"}]}");
		assertThat(contents(post(body(null, "x")).body())).containsExactly("", "scripted", "");
	}

	@Test
	void aStreamRequestIsValidatedLikeAnyOther() throws Exception {
		HttpResponse<String> response = post("{\"model\":\"nope\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("The model `nope` does not exist");
	}

	@Test
	void streamsReasoningContentAndToolCallPieces() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.pieces("Let me check.")
			.withReasoning("Need", " weather.")
			.withToolCall("call_1", "weather", "{\"city\":", "\"Paris\"}"));
		List<String> events = events(post(body(null, "x")).body());
		assertThat(events).extracting(GroqEmulatorStreamTests::delta).containsExactly(
				"{\"role\":\"assistant\",\"content\":\"\"}", "{\"reasoning\":\"Need\"}", "{\"reasoning\":\" weather.\"}",
				"{\"content\":\"Let me check.\"}",
				"{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}",
				"{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}",
				"{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", "{}", "[DONE]");
		assertThat(json(events.get(7)).at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(json(events.get(7)).at("/usage/completion_tokens").asInt()).isEqualTo(5);
	}

	@Test
	void playsMidStreamFailures() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("a b c").failingAfter(2, "server_error", "oops", "Failed"));
		assertThat(events(post(body(null, "x")).body())).hasSize(3)
			.last()
			.isEqualTo("data: {\"error\":{\"message\":\"Failed\",\"type\":\"server_error\",\"code\":\"oops\"}}");
		this.emulator.enqueueStream(EmulatedStream.reply("a b c").failingWithErrorEventAfter(1, "server_error", null, "Failed"));
		assertThat(events(post(body(null, "x")).body())).hasSize(2)
			.last()
			.isEqualTo("event: error\ndata: {\"error\":{\"message\":\"Failed\",\"type\":\"server_error\"}}");
		this.emulator.enqueueStream(EmulatedStream.reply("a b c").stoppedByGroqAfter(3, "overloaded"));
		List<String> stopped = events(post(body(null, "x")).body());
		assertThat(stopped).hasSize(4);
		assertThat(json(stopped.get(3)).get("x_groq").toString())
			.isEqualTo("{\"id\":\"" + json(stopped.get(0)).at("/x_groq/id").asString() + "\",\"error\":\"overloaded\"}");
		this.emulator.enqueueStream(EmulatedStream.reply("a b c").truncatedAfter(5));
		assertThat(events(post(body(null, "x")).body())).hasSize(5).noneMatch((event) -> event.contains("[DONE]"));
		assertThat(this.emulator.awaitStreamOutcome(Duration.ofSeconds(5))).isEqualTo(new StreamOutcome(2, false, false));
		assertThat(this.emulator.awaitStreamOutcome(Duration.ofSeconds(5))).isEqualTo(new StreamOutcome(1, false, false));
		assertThat(this.emulator.awaitStreamOutcome(Duration.ofSeconds(5))).isEqualTo(new StreamOutcome(3, false, false));
		assertThat(this.emulator.awaitStreamOutcome(Duration.ofSeconds(5))).isEqualTo(new StreamOutcome(5, false, false));
	}

	@Test
	void sendsEachEventAsItIsProducedAndHoldsTheRestWhenAsked() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.emulator.enqueueStream(EmulatedStream.reply("one two").holdingAfter(1, release));
		HttpRequest request = request(body(null, "x"));
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			InputStream body = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				assertThat(lines.readLine()).contains("\"role\":\"assistant\"");
				assertThat(lines.readLine()).isEmpty();
				release.countDown();
				assertThat(lines.readLine()).contains("\"content\":\"one\"");
			}
		});
	}

	@Test
	void reportsAClientThatClosedTheConnection() throws Exception {
		this.emulator.enqueueStream(EmulatedStream.reply("a ".repeat(500)).withChunkDelay(Duration.ofMillis(10)));
		InputStream body = this.http.send(request(body(null, "x")), HttpResponse.BodyHandlers.ofInputStream()).body();
		body.readNBytes(10);
		body.close();
		StreamOutcome outcome = this.emulator.awaitStreamOutcome(Duration.ofSeconds(5));
		assertThat(outcome.clientDisconnected()).isTrue();
		assertThat(outcome.doneSent()).isFalse();
	}

	@Test
	void resetForgetsScriptedStreamsAndOutcomes() throws Exception {
		post(body(null, "x"));
		this.emulator.enqueueStream(EmulatedStream.reply("scripted"));
		this.emulator.reset();
		assertThatIllegalStateException().isThrownBy(() -> this.emulator.awaitStreamOutcome(Duration.ofMillis(50)))
			.withMessage("No stream ended within PT0.05S");
		assertThat(contents(post(body(null, "z")).body())).containsExactly("", "Emulated", " reply", " to:", " z", "");
	}

	@Test
	void refusesANegativeChunkCount() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatedStream.usualReply().truncatedAfter(-1))
			.withMessage("chunks must not be negative, was -1");
	}

	private static String body(String tier, String content) {
		return "{\"model\":\"llama-3.3-70b-versatile\",\"stream\":true," + ((tier != null) ? "\"service_tier\":\"" + tier + "\"," : "")
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
	}

	private static List<String> events(String body) {
		return Arrays.asList(body.split("\n\n"));
	}

	private static JsonNode json(String event) {
		return WireFormat.JSON.readTree(event.substring("data: ".length()));
	}

	/** The chunk with its id and created time replaced, to compare the rest exactly. */
	private static JsonNode normalized(String event) {
		tools.jackson.databind.node.ObjectNode chunk = (tools.jackson.databind.node.ObjectNode) json(event);
		chunk.put("id", "ID").put("created", 0);
		return chunk;
	}

	private static String delta(String event) {
		return event.equals("data: [DONE]") ? "[DONE]" : json(event).at("/choices/0/delta").toString();
	}

	private static List<String> contents(String body) {
		return events(body).stream()
			.filter((event) -> !event.equals("data: [DONE]"))
			.map((event) -> json(event).at("/choices/0/delta/content").asString(""))
			.toList();
	}

	private HttpRequest request(String json) {
		return HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpResponse<String> post(String json) throws Exception {
		return this.http.send(request(json), HttpResponse.BodyHandlers.ofString());
	}

}
