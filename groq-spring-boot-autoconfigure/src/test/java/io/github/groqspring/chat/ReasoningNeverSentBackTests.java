package io.github.groqspring.chat;

import java.util.List;

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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assistant message rebuilt from a reasoning response never carries reasoning: Groq
 * answers 400 to {@code reasoning_content} on any model and to {@code reasoning} on models
 * that do not reason (spring-projects/spring-ai#6968, vercel/ai#8056).
 */
class ReasoningNeverSentBackTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey("gsk_reasoning_test_0123456789")
		.retry(RetrySettings.NONE)
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void toChatMessageOfAReasoningResponseHasNoReasoningOnTheWire() {
		this.emulator.enqueue(EmulatedResponse.reply("Paris.").withReasoning("The user asks for a capital."));
		ChatResponse response = this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("Capital of France?"));
		assertThat(response.reasoning()).isEqualTo("The user asks for a capital.");
		this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile")
			.user("Capital of France?")
			.message(response.message().toChatMessage())
			.user("And of Italy?"));
		assertThat(this.emulator.lastRequest().bodyText()).isEqualTo("{\"model\":\"llama-3.3-70b-versatile\","
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Capital of France?\"},{\"role\":\"assistant\","
				+ "\"content\":\"Paris.\"},{\"role\":\"user\",\"content\":\"And of Italy?\"}]}");
	}

	@Test
	void theToolLoopSendsBackTheAssistantsToolCallsWithoutItsReasoning() throws Exception {
		this.emulator.enqueue(EmulatedResponse.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
			.withReasoning("I should look the weather up."));
		this.emulator.enqueue(EmulatedResponse.reply("18 C.").withReasoning("Now answer."));
		ChatResponse answer = new ToolCallingLoop(this.groq::chat, 2)
			.tool(Tool.function("get_weather", null, java.util.Map.of("type", "object")), (json) -> "{\"celsius\":18}")
			.run(ChatRequest.builder("openai/gpt-oss-20b").user("Weather?"));
		assertThat(answer.content()).isEqualTo("18 C.");
		List<RecordedRequest> requests = this.emulator.chatRequests();
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-20b","messages":[{"role":"user","content":"Weather?"},
				 {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
				   "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				 {"role":"tool","tool_call_id":"call_1","content":"{\\"celsius\\":18}"}],
				 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}""",
				requests.get(1).bodyText(), JSONCompareMode.STRICT);
		assertThat(requests.get(1).bodyText()).doesNotContain("reasoning");
	}

	@Test
	void rawReasoningAtTheStartOfTheContentIsLeftOutToo() {
		ResponseMessage raw = new ResponseMessage("assistant", "<think>Count the r's.</think>\n\nThree.", null, null,
				null, null);
		assertThat(JsonMapper.builder().build().writeValueAsString(raw.toChatMessage()))
			.isEqualTo("{\"role\":\"assistant\",\"content\":\"Three.\"}");
		ResponseMessage plain = new ResponseMessage("assistant", "Use <think> tags.", "reasoning", null, null, null);
		assertThat(plain.toChatMessage()).isEqualTo(ChatMessage.assistant("Use <think> tags."));
	}

	@Test
	void theToolLoopKeepsBuiltInToolsOfTheRequestBesideItsFunctions() {
		ChatResponse answer = new ToolCallingLoop(this.groq::chat, 1)
			.tool(Tool.function("get_weather", null, java.util.Map.of("type", "object")), (json) -> "{}")
			.run(ChatRequest.builder("openai/gpt-oss-20b").user("Weather?").tools(List.of(Tool.browserSearch())));
		assertThat(answer.executedTools()).extracting(ExecutedTool::type).containsExactly("search");
		assertThat(this.emulator.lastRequest().json().get("tools").toString())
			.isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}},"
					+ "{\"type\":\"browser_search\"}]");
	}

	@Test
	void aBuiltInToolCannotBeRegisteredAsAFunctionOfTheLoop() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new ToolCallingLoop(this.groq::chat, 1).tool(Tool.browserSearch(), (json) -> "{}"))
			.withMessage("'browser_search' is one of Groq's built-in tools, which Groq runs itself: set it on the "
					+ "request's tools instead of registering code for it");
	}

}
