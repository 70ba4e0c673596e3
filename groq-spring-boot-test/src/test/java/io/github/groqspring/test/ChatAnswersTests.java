package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emulated model answers, and the ids on every answer. */
@ExtendWith(GroqEmulatorExtension.class)
class ChatAnswersTests {

	static GroqEmulator emulator;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String WEATHER = """
			"tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object",
			 "properties":{"city":{"type":"string","minLength":1},"days":{"type":"integer","minimum":1},
			   "unit":{"enum":["C","F"]}},"required":["city","days","unit"]}}},
			 {"type":"function","function":{"name":"time","parameters":{"type":"object","properties":{}}}}]""";

	@Test
	void requiredToolChoiceCallsTheFirstFunctionWithArgumentsValidAgainstItsParameters() throws Exception {
		JsonNode completion = chat("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"Weather?\"}]," + WEATHER + ",\"tool_choice\":\"required\"}");
		JsonNode message = completion.at("/choices/0/message");
		assertThat(message.has("content")).isFalse();
		JsonNode call = message.at("/tool_calls/0");
		assertThat(call.get("id").asString()).matches("call_[0-9a-hjkmnp-tv-z]{16}");
		assertThat(call.get("type").asString()).isEqualTo("function");
		assertThat(call.at("/function/name").asString()).isEqualTo("weather");
		assertThat(call.at("/function/arguments").asString()).isEqualTo("{\"city\":\"a\",\"days\":1,\"unit\":\"C\"}");
		assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
	}

	@Test
	void aNamedToolChoiceCallsThatFunction() throws Exception {
		JsonNode completion = chat("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"Now?\"}]," + WEATHER + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"time\"}}}");
		assertThat(completion.at("/choices/0/message/tool_calls/0/function/name").asString()).isEqualTo("time");
		assertThat(completion.at("/choices/0/message/tool_calls/0/function/arguments").asString()).isEqualTo("{}");
	}

	@Test
	void autoAndNoneToolChoicesAnswerInText() throws Exception {
		for (String choice : new String[] { "\"auto\"", "\"none\"" }) {
			JsonNode completion = chat("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\","
					+ "\"content\":\"Hi\"}]," + WEATHER + ",\"tool_choice\":" + choice + "}");
			assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo("Emulated reply to: Hi");
			assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		}
	}

	@Test
	void jsonObjectModeAnswersWithAJsonObject() throws Exception {
		JsonNode completion = chat("""
				{"model":"llama-3.3-70b-versatile","response_format":{"type":"json_object"},
				 "messages":[{"role":"user","content":"Reply in JSON"}]}""");
		assertThat(WireFormat.JSON.readTree(completion.at("/choices/0/message/content").asString()).toString())
			.isEqualTo("{\"reply\":\"Emulated reply to: Reply in JSON\"}");
	}

	@Test
	void jsonSchemaModeAnswersWithAMinimalInstanceOfTheSchema() throws Exception {
		JsonNode completion = chat("""
				{"model":"openai/gpt-oss-120b","messages":[{"role":"user","content":"ACME bought 2 anvils"}],
				 "response_format":{"type":"json_schema","json_schema":{"name":"invoice","strict":true,"schema":{
				   "type":"object","additionalProperties":false,"required":["customer","lines","total","paid","due"],
				   "properties":{"customer":{"type":"string"},"total":{"type":"number","minimum":0.5},
				     "paid":{"type":"boolean"},"due":{"type":["string","null"],"format":"date"},
				     "lines":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/line"}}},
				   "$defs":{"line":{"type":"object","required":["item","quantity"],
				     "properties":{"item":{"type":"string"},"quantity":{"type":"integer","exclusiveMinimum":0}}}}}}}}""");
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo(
				"{\"customer\":\"\",\"lines\":[{\"item\":\"\",\"quantity\":1}],\"total\":0.5,\"paid\":false,"
						+ "\"due\":\"2026-01-01\"}");
	}

	@Test
	void contentPartsAreThePromptStubsMatchOn() throws Exception {
		emulator.onChat().promptMatches("^Describe\\nthis$").thenReply("A cat.");
		JsonNode completion = chat("""
				{"model":"meta-llama/llama-4-scout-17b-16e-instruct","messages":[{"role":"user","content":[
				 {"type":"text","text":"Describe"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}},
				 {"type":"text","text":"this"}]}]}""");
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo("A cat.");
		assertThat(emulator.lastRequest().lastUserMessage()).isEqualTo("Describe\nthis");
		assertThat(completion.at("/usage/prompt_tokens").asInt()).isEqualTo(6);
	}

	@Test
	void aSmallCompletionLimitCutsTheReplyWithFinishReasonLength() throws Exception {
		JsonNode completion = chat("""
				{"model":"llama-3.3-70b-versatile","max_completion_tokens":3,
				 "messages":[{"role":"user","content":"Tell me a long story"}]}""");
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo("Emulated reply to:");
		assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("length");
		assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(3);
		JsonNode whole = chat("""
				{"model":"llama-3.3-70b-versatile","max_tokens":9,
				 "messages":[{"role":"user","content":"Tell me a long story"}]}""");
		assertThat(whole.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
	}

	@Test
	void scriptedEdgeShapesComeOutAsScripted() throws Exception {
		emulator.enqueue(EmulatedResponse.lengthCut("Once upon"))
			.enqueue(EmulatedResponse.reply("Blocked.").withFinishReason("content_filter"));
		String body = "{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
		JsonNode cut = chat(body);
		assertThat(cut.at("/choices/0/message/content").asString()).isEqualTo("Once upon");
		assertThat(cut.at("/choices/0/finish_reason").asString()).isEqualTo("length");
		assertThat(chat(body).at("/choices/0/finish_reason").asString()).isEqualTo("content_filter");
	}

	@Test
	void replyWithAndStubsWinOverTheJsonAnswer() throws Exception {
		emulator.replyWith((request) -> "custom");
		assertThat(chat("""
				{"model":"llama-3.3-70b-versatile","response_format":{"type":"json_object"},
				 "messages":[{"role":"user","content":"x"}]}""").at("/choices/0/message/content").asString())
			.isEqualTo("custom");
	}

	@Test
	void everyAnswerHasItsOwnRequestIdAndChatCompletionsEchoItAsXGroqId() throws Exception {
		Set<String> ids = new HashSet<>();
		for (String path : new String[] { "/openai/v1/models", "/openai/v1/models/nope", "/openai/v1/nothing",
				"/openai/v1/files" }) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			ids.add(response.headers().firstValue("x-request-id").orElseThrow());
		}
		ids.add(post("{}").headers().firstValue("x-request-id").orElseThrow());
		assertThat(ids).hasSize(5).allSatisfy((id) -> assertThat(id).matches("req_01[0-9a-hjkmnp-tv-z]{24}"));
	}

	@Test
	void twentyConcurrentChatsEachEchoTheirOwnRequestId() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String body = "{\"model\":\"llama-3.1-8b-instant\",\"stream\":" + (i % 2 == 0)
						+ ",\"messages\":[{\"role\":\"user\",\"content\":\"Q" + i + "\"}]}";
				calls.add(() -> post(body));
			}
			Set<String> seen = new HashSet<>();
			for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
				HttpResponse<String> response = future.get();
				String header = response.headers().firstValue("x-request-id").orElseThrow();
				String body = response.body().startsWith("data: ") ? response.body().substring(6, response.body().indexOf('\n'))
						: response.body();
				assertThat(WireFormat.JSON.readTree(body).at("/x_groq/id").asString()).isEqualTo(header);
				seen.add(header);
			}
			assertThat(seen).hasSize(20);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static JsonNode chat(String json) throws Exception {
		HttpResponse<String> response = post(json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode completion = WireFormat.JSON.readTree(response.body());
		assertThat(completion.at("/x_groq/id").asString())
			.isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
		return completion;
	}

	private static HttpResponse<String> post(String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
