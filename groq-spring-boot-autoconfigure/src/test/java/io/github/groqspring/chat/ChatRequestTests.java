package io.github.groqspring.chat;

import java.util.List;
import java.util.Map;

import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ChatRequestTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void minimalRequestSendsOnlyModelAndMessages() throws Exception {
		ChatRequest request = ChatRequest.builder("llama-3.3-70b-versatile").user("Hi").build();
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}]}""",
				this.json.writeValueAsString(request), JSONCompareMode.STRICT);
	}

	@Test
	void everyFieldIsSerializedWithGroqsNames() throws Exception {
		Map<String, Object> weatherSchema = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city"));
		ChatRequest request = ChatRequest.builder("openai/gpt-oss-120b")
			.system("Be brief.")
			.user("Weather in Paris?")
			.message(ChatMessage.assistant(null, List.of(ToolCall.function("call_1", "weather", "{\"city\":\"Paris\"}"))))
			.message(ChatMessage.tool("call_1", "{\"celsius\":21}"))
			.assistant("It is 21 C.")
			.temperature(0.2)
			.topP(0.9)
			.maxCompletionTokens(512)
			.stop("END", "STOP")
			.seed(42)
			.tools(List.of(Tool.function("weather", "Current weather", weatherSchema)))
			.toolChoice(ToolChoice.function("weather"))
			.parallelToolCalls(false)
			.responseFormat(ResponseFormat.jsonSchema("weather", weatherSchema, true))
			.reasoningEffort(ReasoningEffort.MEDIUM)
			.reasoningFormat(ReasoningFormat.PARSED)
			.serviceTier(ServiceTier.ON_DEMAND)
			.endUserId("user-7")
			.disableToolValidation(true)
			.searchSettings(SearchSettings.builder().excludeDomains("example.com").build())
			.extraBody("a_newer_field", Map.of("enabled", true))
			.build();
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b",
				 "messages":[{"role":"system","content":"Be brief."},
				   {"role":"user","content":"Weather in Paris?"},
				   {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
				     "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				   {"role":"tool","content":"{\\"celsius\\":21}","tool_call_id":"call_1"},
				   {"role":"assistant","content":"It is 21 C."}],
				 "temperature":0.2,"top_p":0.9,"max_completion_tokens":512,"stop":["END","STOP"],"seed":42,
				 "tools":[{"type":"function","function":{"name":"weather","description":"Current weather",
				   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
				 "tool_choice":{"type":"function","function":{"name":"weather"}},
				 "parallel_tool_calls":false,
				 "response_format":{"type":"json_schema","json_schema":{"name":"weather","strict":true,
				   "schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
				 "reasoning_effort":"medium","reasoning_format":"parsed",
				 "service_tier":"on_demand","user":"user-7","disable_tool_validation":true,
				 "search_settings":{"exclude_domains":["example.com"]},"a_newer_field":{"enabled":true}}""", this.json.writeValueAsString(request),
				JSONCompareMode.STRICT);
	}

	@Test
	void everyTierIsSentWithItsWireSpelling() throws Exception {
		for (ServiceTier tier : ServiceTier.values()) {
			String body = this.json.writeValueAsString(ChatRequest.builder("m").user("x").serviceTier(tier).build());
			assertThat(body).contains("\"service_tier\":\"" + tier.wireValue() + "\"");
		}
	}

	@Test
	void toolChoiceStringsAreSentAsStrings() throws Exception {
		ChatRequest request = ChatRequest.builder("m").user("x").toolChoice(ToolChoice.REQUIRED)
			.responseFormat(ResponseFormat.jsonObject()).build();
		JSONAssert.assertEquals("""
				{"model":"m","messages":[{"role":"user","content":"x"}],"tool_choice":"required",
				 "response_format":{"type":"json_object"}}""", this.json.writeValueAsString(request),
				JSONCompareMode.STRICT);
	}

	@Test
	void extraBodyRefusesTypedFields() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder("m").extraBody("service_tier", "flex"))
			.withMessage("'service_tier' is a typed field of ChatRequest: set it with its builder method, not extraBody");
	}

	@Test
	void requestIsImmutable() {
		ChatRequest request = ChatRequest.builder("m").user("x").build();
		ChatRequest flex = request.withServiceTier(ServiceTier.FLEX);
		assertThat(request.serviceTier()).isNull();
		assertThat(flex.serviceTier()).isEqualTo(ServiceTier.FLEX);
		assertThat(flex.messages()).isEqualTo(request.messages());
		assertThat(request.mutate().user("more").build().messages()).hasSize(2);
		assertThat(request.messages()).hasSize(1);
	}

	@Test
	void invalidValuesFailAtTheBuilderWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder("m").temperature(2.5))
			.withMessage("temperature must be between 0.0 and 2.0, was 2.5");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder("m").topP(-0.1))
			.withMessage("topP must be between 0.0 and 1.0, was -0.1");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder("m").stop("a", "b", "c", "d", "e"))
			.withMessage("Groq accepts 1 to 4 stop sequences, got 5");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder("m").maxCompletionTokens(0))
			.withMessage("maxCompletionTokens must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder(" "))
			.withMessage("model must not be blank");
		assertThatIllegalStateException().isThrownBy(() -> ChatRequest.builder("m").build())
			.withMessage("A chat request needs at least one message");
	}

}
