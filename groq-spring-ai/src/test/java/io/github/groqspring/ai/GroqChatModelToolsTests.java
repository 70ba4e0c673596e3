package io.github.groqspring.ai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import static org.assertj.core.api.Assertions.assertThat;

/** Tools, reasoning and structured output through {@code ChatClient} on {@link GroqChatModel}. */
class GroqChatModelToolsTests {

	static final String MODEL = "llama-3.3-70b-versatile";

	static final String REASONING_MODEL = "openai/gpt-oss-120b";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.defaultModel(MODEL)
		.retry(RetrySettings.NONE)
		.build();

	private final ChatClient chatClient = ChatClient.create(GroqChatModel.builder(this.groq)
		.defaultOptions(GroqChatOptions.builder().model(MODEL).build())
		.build());

	private final WeatherTools tools = new WeatherTools();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void aToolMethodIsOfferedCalledAndItsResultSentBack() throws Exception {
		this.emulator.enqueue(EmulatedResponse.toolCall("call_1", "weather", "{\"city\":\"Paris\"}"));
		String answer = this.chatClient.prompt().user("What is the weather in Paris?").tools(this.tools).call()
			.content();
		assertThat(answer).isEqualTo("Emulated reply to: What is the weather in Paris?");
		assertThat(this.tools.cities).containsExactly("Paris");
		List<RecordedRequest> requests = this.emulator.chatRequests();
		assertThat(requests).hasSize(2);
		JsonNode function = requests.get(0).json().get("tools").get(0);
		assertThat(function.get("type").asString()).isEqualTo("function");
		assertThat(function.get("function").get("name").asString()).isEqualTo("weather");
		assertThat(function.get("function").get("description").asString()).isEqualTo("The current weather in a city");
		assertThat(function.get("function").get("parameters").get("properties").get("city").get("type").asString())
			.isEqualTo("string");
		assertThat(function.get("function").get("parameters").get("required").get(0).asString()).isEqualTo("city");
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[
				{"role":"user","content":"What is the weather in Paris?"},
				{"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
				"function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				{"role":"tool","content":"18 C and cloudy in Paris","tool_call_id":"call_1"}]}""",
				withoutTools(requests.get(1)), JSONCompareMode.STRICT);
		assertThat(requests.get(1).json().get("tools")).isEqualTo(requests.get(0).json().get("tools"));
	}

	@Test
	void aReasoningModelsReasoningIsKeptInTheAnswerAndNeverSentBack() throws Exception {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", """
				{"id":"chatcmpl-r1","object":"chat.completion","created":1730241104,"model":"openai/gpt-oss-120b",
				"choices":[{"index":0,"message":{"role":"assistant",
				"reasoning":"The user wants the weather; call the tool.",
				"tool_calls":[{"id":"call_r1","type":"function",
				"function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},
				"logprobs":null,"finish_reason":"tool_calls"}],
				"usage":{"prompt_tokens":80,"completion_tokens":30,"total_tokens":110,
				"completion_tokens_details":{"reasoning_tokens":12}},
				"x_groq":{"id":"req_01r1"},"service_tier":"on_demand"}"""));
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", """
				{"id":"chatcmpl-r2","object":"chat.completion","created":1730241105,"model":"openai/gpt-oss-120b",
				"choices":[{"index":0,"message":{"role":"assistant","content":"It is 18 C in Oslo.",
				"reasoning":"The tool answered."},"logprobs":null,"finish_reason":"stop"}],
				"usage":{"prompt_tokens":120,"completion_tokens":10,"total_tokens":130},
				"x_groq":{"id":"req_01r2"},"service_tier":"on_demand"}"""));
		ChatResponse response = this.chatClient.prompt()
			.user("Weather in Oslo?")
			.options(GroqChatOptions.builder().model(REASONING_MODEL))
			.tools(this.tools)
			.call()
			.chatResponse();
		assertThat(response.getResult().getOutput().getText()).isEqualTo("It is 18 C in Oslo.");
		assertThat(response.getResult().getOutput().getMetadata())
			.containsEntry(GroqChatMetadata.REASONING_CONTENT, "The tool answered.");
		// The tool loop's second request replays the first answer without its reasoning (Spring AI issue 6968).
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b","messages":[
				{"role":"user","content":"Weather in Oslo?"},
				{"role":"assistant","tool_calls":[{"id":"call_r1","type":"function",
				"function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},
				{"role":"tool","content":"18 C and cloudy in Oslo","tool_call_id":"call_r1"}]}""",
				withoutTools(this.emulator.chatRequests().get(1)), JSONCompareMode.STRICT);
		assertThat(this.emulator.chatRequests().get(1).bodyText()).doesNotContain("reasoning")
			.doesNotContain("The user wants the weather");
	}

	@Test
	void entityAsksForTheRecordsJsonAndReadsTheAnswerIntoIt() {
		this.emulator.enqueue(EmulatedResponse.reply("{\"city\":\"Paris\",\"celsius\":21}"));
		Weather weather = this.chatClient.prompt().user("Weather in Paris as JSON").call().entity(Weather.class);
		assertThat(weather).isEqualTo(new Weather("Paris", 21));
		assertThat(this.emulator.lastRequest().lastUserMessage()).startsWith("Weather in Paris as JSON")
			.contains("Your response should be in JSON format.")
			.contains("\"celsius\"");
		assertThat(this.emulator.lastRequest().json().has("response_format")).isFalse();
	}

	@Test
	void entityWithProviderStructuredOutputSendsAStrictJsonSchema() {
		Weather weather = this.chatClient.prompt()
			.user("Weather in Paris")
			.options(GroqChatOptions.builder().model(REASONING_MODEL))
			.call()
			.entity(Weather.class, (spec) -> spec.useProviderStructuredOutput());
		assertThat(weather).isNotNull();
		JsonNode format = this.emulator.lastRequest().json().get("response_format");
		assertThat(format.get("type").asString()).isEqualTo("json_schema");
		assertThat(format.get("json_schema").get("name").asString()).isEqualTo("json_schema");
		assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
		assertThat(format.get("json_schema").get("schema").get("properties").has("celsius")).isTrue();
	}

	private static String withoutTools(RecordedRequest request) {
		ObjectNode body = (ObjectNode) request.json();
		body.remove("tools");
		return body.toString();
	}

	record Weather(String city, int celsius) {
	}

	static final class WeatherTools {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(description = "The current weather in a city")
		String weather(@ToolParam(description = "The city") String city) {
			this.cities.add(city);
			return "18 C and cloudy in " + city;
		}

	}

}
