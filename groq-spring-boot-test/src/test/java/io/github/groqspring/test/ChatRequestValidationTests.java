package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request Groq refuses gets Groq's status and exact error body; each request Groq
 * accepts gets a 200.
 */
@ExtendWith(GroqEmulatorExtension.class)
class ChatRequestValidationTests {

	static GroqEmulator emulator;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String USER = "[{\"role\":\"user\",\"content\":\"Hi\"}]";

	static Stream<Arguments> refused() {
		return Stream.of(
				refusal("unknown property, with Groq's suggestion", "\"store\":true",
						"property 'store' is unsupported, did you mean 'stop'?"),
				refusal("unknown property, no near name", "\"think\":false", "property 'think' is unsupported"),
				refusal("metadata: not currently supported", "\"metadata\":{\"a\":\"b\"}",
						"property 'metadata' is unsupported"),
				refusal("logprobs set", "\"logprobs\":true", "`logprobs` is not supported with this model"),
				refusal("logprobs false is still set", "\"logprobs\":false", "`logprobs` is not supported with this model"),
				refusal("top_logprobs set", "\"top_logprobs\":2", "`top_logprobs` is not supported with this model"),
				refusal("logit_bias set", "\"logit_bias\":{\"1\":2}", "`logit_bias` is not supported with this model"),
				refusal("n above 1", "\"n\":2", "'n' : number must be at most 1"),
				refusal("n below 1", "\"n\":0", "'n' : number must be at least 1"),
				refusal("temperature above 2", "\"temperature\":3", "'temperature' : number must be at most 2"),
				refusal("temperature below 0", "\"temperature\":-0.5", "'temperature' : number must be at least 0"),
				refusal("temperature not a number", "\"temperature\":\"hot\"", "'temperature' : value must be a number"),
				refusal("top_p above 1", "\"top_p\":1.5", "'top_p' : number must be at most 1"),
				refusal("frequency penalty above 2", "\"frequency_penalty\":5",
						"'frequency_penalty' : number must be at most 2"),
				refusal("presence penalty below -2", "\"presence_penalty\":-5",
						"'presence_penalty' : number must be at least -2"),
				refusal("five stop sequences", "\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]",
						"'stop' : maximum number of items is 4"),
				refusal("max_tokens 0", "\"max_tokens\":0", "'max_tokens' : number must be at least 1"),
				refusal("max_completion_tokens above the model's limit", "\"max_completion_tokens\":32769",
						"`max_tokens` must be less than or equal to `32768`, the maximum value for `max_tokens` is less "
								+ "than the `context_window` for this model"),
				refusal("unknown response format", "\"response_format\":{\"type\":\"yaml\"}",
						"'response_format.type' : value must be one of [text json_object json_schema]"),
				refusal("json_schema on a model without structured outputs",
						"\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{}}}",
						"This model does not support response format `json_schema`. See supported models at "
								+ "https://console.groq.com/docs/structured-outputs#supported-models"),
				refusal("unknown tier", "\"service_tier\":\"turbo\"",
						"'service_tier' : value must be one of [auto on_demand flex performance]"),
				refusal("stream_options without stream", "\"stream_options\":{\"include_usage\":true}",
						"`stream_options` can only be set when `stream` is true"),
				refusal("unknown stream option", "\"stream\":true,\"stream_options\":{\"include_usages\":true}",
						"'stream_options' : property 'include_usages' is unsupported, did you mean 'include_usage'?"),
				refusal("unknown reasoning effort", "\"reasoning_effort\":\"extreme\"",
						"'reasoning_effort' : value must be one of [none default low medium high]"),
				refusal("include_reasoning with reasoning_format",
						"\"include_reasoning\":true,\"reasoning_format\":\"parsed\"",
						"`include_reasoning` and `reasoning_format` are mutually exclusive: set only one"),
				refusal("invalid tool name", tools("\"get weather\"", ""),
						"'tools.0.function.name' : does not match pattern '^[a-zA-Z0-9_-]{1,64}$'"),
				refusal("tool_choice naming an undeclared function",
						tools("\"weather\"", ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"time\"}}"),
						"`tool_choice` names the function `time`, which is not in `tools`"),
				refusal("tool_choice required without tools", "\"tool_choice\":\"required\"",
						"`tool_choice` is `required` but no tools were provided"),
				refusal("129 tools", "\"tools\":[" + "{\"type\":\"function\",\"function\":{\"name\":\"f\"}},".repeat(128)
						+ "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]", "'tools' : maximum number of items is 128"));
	}

	static Stream<Arguments> refusedMessages() {
		return Stream.of(
				message("unknown property on a user message", "[{\"role\":\"user\",\"content\":\"x\",\"timestamp\":1}]",
						"'messages.0' : for 'role:user' the following must be satisfied[('messages.0' : property "
								+ "'timestamp' is unsupported)]"),
				message("name on a message", "[{\"role\":\"user\",\"content\":\"x\",\"name\":\"bob\"}]",
						"'messages.0' : for 'role:user' the following must be satisfied[('messages.0' : property "
								+ "'name' is unsupported)]"),
				message("id on a system message", "[{\"role\":\"system\",\"content\":\"x\",\"id\":\"m1\"}]",
						"'messages.0' : for 'role:system' the following must be satisfied[('messages.0' : property "
								+ "'id' is unsupported)]"),
				message("reasoning_content on an assistant message",
						USER.substring(0, USER.length() - 1)
								+ ",{\"role\":\"assistant\",\"content\":\"y\",\"reasoning_content\":\"z\"}]",
						"'messages.1' : for 'role:assistant' the following must be satisfied[('messages.1' : property "
								+ "'reasoning_content' is unsupported)]"),
				message("reasoning on an assistant message for a non-reasoning model",
						"[{\"role\":\"assistant\",\"content\":\"y\",\"reasoning\":\"z\"}]",
						"`messages[0].reasoning`: reasoning is not supported with this model"),
				message("tool message without tool_call_id", "[{\"role\":\"tool\",\"content\":\"18 C\"}]",
						"'messages.0' : for 'role:tool' the following must be satisfied[('messages.0.tool_call_id' : "
								+ "property 'tool_call_id' is missing)]"),
				message("unknown role", "[{\"role\":\"robot\",\"content\":\"x\"}]",
						"'messages.0.role' : value must be one of [system developer user assistant tool function]"),
				message("unknown content part", "[{\"role\":\"user\",\"content\":[{\"type\":\"audio\",\"audio\":{}}]}]",
						"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.type' : "
								+ "value must be one of [text image_url document])]"),
				message("image part on a system message",
						"[{\"role\":\"system\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x\"}}]}]",
						"'messages.0' : for 'role:system' the following must be satisfied[('messages.0.content.0.type' : "
								+ "value must be one of [text])]"),
				message("null user content", "[{\"role\":\"user\",\"content\":null}]",
						"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content' : Value "
								+ "is not nullable)]"),
				message("assistant function_call null", "[{\"role\":\"assistant\",\"content\":\"x\",\"function_call\":null}]",
						"'messages.0' : for 'role:assistant' the following must be satisfied[('messages.0.function_call' "
								+ ": Value is not nullable)]"),
				message("no messages", "[]", "'messages' : minimum number of items is 1"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusesWithGroqsBody(String description, String fields, String message) throws Exception {
		assertRefused(post("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":" + USER + "," + fields + "}"),
				message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedMessages")
	void refusesMessagesPerRoleWithGroqsBody(String description, String messages, String message) throws Exception {
		assertRefused(post("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":" + messages + "}"), message);
	}

	@Test
	void acceptsWhatGroqAccepts() throws Exception {
		for (String fields : new String[] { "\"n\":null", "\"n\":1", "\"logprobs\":null", "\"top_logprobs\":null",
				"\"temperature\":0", "\"temperature\":2", "\"frequency_penalty\":-2", "\"stop\":[\"a\",\"b\",\"c\",\"d\"]",
				"\"stop\":\"\\n\"", "\"max_completion_tokens\":32768", "\"max_tokens\":1", "\"service_tier\":null",
				"\"stream\":true,\"stream_options\":{\"include_usage\":true}", "\"response_format\":{\"type\":\"json_object\"}",
				"\"reasoning_effort\":\"default\"", "\"seed\":42", "\"user\":\"u-1\"", "\"parallel_tool_calls\":false",
				tools("\"get_weather-v2\"", ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather-v2\"}}") }) {
			HttpResponse<String> response = post(
					"{\"model\":\"llama-3.3-70b-versatile\",\"messages\":" + USER + "," + fields + "}");
			assertThat(response.statusCode()).as(fields + " -> " + response.body()).isEqualTo(200);
		}
	}

	@Test
	void acceptsEveryRoleAndContentPartGroqDocuments() throws Exception {
		// A vision model that reasons: images need VISION, reasoning on an assistant message REASONING.
		HttpResponse<String> response = post("""
				{"model":"qwen/qwen3.8-27b","messages":[
				 {"role":"system","content":[{"type":"text","text":"Be brief."}]},
				 {"role":"developer","content":"Answer in English."},
				 {"role":"user","content":[{"type":"text","text":"What is here?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}}]},
				 {"role":"assistant","content":null,"reasoning":"Need the tool.","tool_calls":[{"id":"call_1","type":"function","function":{"name":"look","arguments":"{}"}}]},
				 {"role":"tool","tool_call_id":"call_1","content":"A cat."},
				 {"role":"assistant","content":"A cat."},
				 {"role":"user","content":"Thanks"}]}""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aModelLimitComesFromTheCatalogue() throws Exception {
		assertRefused(post("{\"model\":\"qwen/qwen3-32b\",\"max_completion_tokens\":40961,\"messages\":" + USER + "}"),
				"`max_tokens` must be less than or equal to `40960`, the maximum value for `max_tokens` is less than "
						+ "the `context_window` for this model");
		assertThat(post("{\"model\":\"qwen/qwen3-32b\",\"max_completion_tokens\":40960,\"messages\":" + USER + "}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesChatOnSpeechModelsAndUnknownModels() throws Exception {
		assertRefused(post("{\"model\":\"whisper-large-v3\",\"messages\":" + USER + "}"),
				"The model `whisper-large-v3` does not support chat completions");
		HttpResponse<String> missing = post("{\"model\":\"no-such-model\",\"messages\":" + USER + "}");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo("{\"error\":{\"message\":\"The model `no-such-model` does not exist or you "
				+ "do not have access to it.\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}");
	}

	@Test
	void refusesToolsOnModelsWithoutToolUse() throws Exception {
		HttpResponse<String> response = post("{\"model\":\"allam-2-7b\",\"messages\":" + USER + ","
				+ tools("\"weather\"", "") + "}");
		assertRefused(response, "model `allam-2-7b` does not support tool calling");
	}

	private static Arguments refusal(String description, String fields, String message) {
		return Arguments.of(description, fields, message);
	}

	private static Arguments message(String description, String messages, String message) {
		return Arguments.of(description, messages, message);
	}

	private static String tools(String name, String more) {
		return "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":" + name
				+ ",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]" + more;
	}

	/** Groq's 400 body exactly: {@code {"error":{"message":...,"type":"invalid_request_error"}}}. */
	private static void assertRefused(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(
				WireFormat.errorBody("invalid_request_error", null, message, null));
		assertThat(response.headers().firstValue("x-request-id").orElseThrow()).startsWith("req_01");
	}

	private static HttpResponse<String> post(String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
