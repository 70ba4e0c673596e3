package io.github.groqspring.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(GroqEmulatorExtension.class)
class ToolCallingLoopTests {

	static GroqEmulator emulator;

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(emulator.baseUrl())
		.apiKey("gsk_test_0123456789abcdef")
		.build();

	record WeatherQuery(String city) {
	}

	private static final Tool WEATHER = Tool.function("get_weather", "Current weather in a city",
			JsonSchemas.of(WeatherQuery.class));

	private final List<String> calls = new ArrayList<>();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	private String weather(String arguments) {
		this.calls.add(arguments);
		String city = StructuredOutput.of(WeatherQuery.class).read(arguments).city();
		return "{\"city\":\"" + city + "\",\"celsius\":21,\"sky\":\"sunny\"}";
	}

	@Test
	void toolCallIsRunAndItsResultSentBackWithTheAssistantMessageUntilTheModelAnswers() throws Exception {
		emulator.enqueue(EmulatedResponse.toolCall("call_abc", "get_weather", "{\"city\":\"Paris\"}"));
		emulator.enqueue(EmulatedResponse.reply("It is 21 C and sunny in Paris."));
		ChatResponse answer = new ToolCallingLoop(this.groq::chat, 3).tool(WEATHER, this::weather)
			.run(ChatRequest.builder("openai/gpt-oss-120b").user("Weather in Paris?"));
		assertThat(answer.content()).isEqualTo("It is 21 C and sunny in Paris.");
		assertThat(answer.finishReason()).isEqualTo("stop");
		assertThat(this.calls).containsExactly("{\"city\":\"Paris\"}");
		assertThat(emulator.chatRequests()).hasSize(2);
		String tools = """
				"tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather in a city",
				  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
				  "additionalProperties":false}}}]""";
		JSONAssert.assertEquals("{\"model\":\"openai/gpt-oss-120b\",\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"Weather in Paris?\"}]," + tools + "}", emulator.chatRequests().get(0).bodyText(),
				JSONCompareMode.STRICT);
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b","messages":[
				  {"role":"user","content":"Weather in Paris?"},
				  {"role":"assistant","tool_calls":[{"id":"call_abc","type":"function",
				     "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				  {"role":"tool","tool_call_id":"call_abc","content":"{\\"city\\":\\"Paris\\",\\"celsius\\":21,\\"sky\\":\\"sunny\\"}"}],
				""" + tools + "}", emulator.chatRequests().get(1).bodyText(), JSONCompareMode.STRICT);
	}

	@Test
	void parallelToolCallsEachGetTheirOwnToolMessageInOrder() {
		emulator.enqueue(EmulatedResponse.toolCalls(
				new EmulatedResponse.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
				new EmulatedResponse.ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}")));
		emulator.enqueue(EmulatedResponse.reply("Both sunny."));
		new ToolCallingLoop(this.groq::chat, 1).tool(WEATHER, this::weather)
			.run(ChatRequest.builder("openai/gpt-oss-120b").user("Paris and Rome?"));
		List<Map<String, Object>> messages = emulator.chatRequests().get(1).json().get("messages").valueStream()
			.map((message) -> Map.<String, Object>of("role", message.get("role").asString(), "id",
					message.path("tool_call_id").asString("")))
			.toList();
		assertThat(messages).containsExactly(Map.of("role", "user", "id", ""), Map.of("role", "assistant", "id", ""),
				Map.of("role", "tool", "id", "call_1"), Map.of("role", "tool", "id", "call_2"));
	}

	@Test
	void modelThatKeepsCallingToolsIsStoppedAfterMaxRounds() {
		emulator.onChat().thenRespond(EmulatedResponse.toolCall("call_loop", "get_weather", "{\"city\":\"Paris\"}"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 2).tool(WEATHER, this::weather)
				.run(ChatRequest.builder("openai/gpt-oss-120b").user("Weather?")))
			.withMessage("The model still called tools after 2 rounds (last: [get_weather]); raise maxRounds or "
					+ "check what the tools return");
		assertThat(emulator.chatRequests()).hasSize(3);
		assertThat(this.calls).hasSize(2);
	}

	@Test
	void callToAnUnregisteredToolFailsNamingTheRegisteredOnes() {
		emulator.enqueue(EmulatedResponse.toolCall("call_x", "get_time", "{}"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 2).tool(WEATHER, this::weather)
				.run(ChatRequest.builder("openai/gpt-oss-120b").user("Time?")))
			.withMessage("The model called tool 'get_time', which is not registered; registered: [get_weather]");
	}

	@Test
	void badSetupIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 0))
			.withMessage("maxRounds must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 1).tool(WEATHER, this::weather)
				.tool(WEATHER, this::weather))
			.withMessage("A tool named 'get_weather' is already registered");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 1).run(ChatRequest.builder("m").user("x")))
			.withMessage("No tools registered: add them with tool(Tool, Function) before run");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 1).tool(WEATHER, this::weather)
				.run(ChatRequest.builder("m").user("x").tools(List.of(WEATHER))))
			.withMessage("The request sets function tools itself; register them with tool(Tool, Function) instead");
	}

	@Test
	void aScriptedToolCallIsStreamedAsGroqStreamsOneAndAccumulated() {
		emulator.enqueue(EmulatedResponse.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
		ChatResponse response = this.groq.stream(ChatRequest.builder("openai/gpt-oss-120b").user("x"), (chunk) -> {
		});
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.toolCalls()).containsExactly(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"));
		assertThat(response.content()).isNull();
	}

}
