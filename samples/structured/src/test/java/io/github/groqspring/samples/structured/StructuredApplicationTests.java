package io.github.groqspring.samples.structured;

import java.util.List;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StructuredApplicationTests {

	private static final String TOOLS = """
			"tools":[{"type":"function","function":{"name":"get_weather","description":"The current weather in a city",
			  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
			  "additionalProperties":false}}}]""";

	@Test
	void runsOfflineExtractingTheInvoiceThenAnsweringThroughTheWeatherTool(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			GroqEmulator emulator = context.getBean(GroqEmulator.class);
			assertThat(output).contains("Invoice: Invoice[customer=ACME Corp, items=[LineItem[description=anvil, "
					+ "quantity=2, unitPrice=49.5], LineItem[description=rocket skate, quantity=1, unitPrice=120.0]], "
					+ "total=219.0]")
				.contains("Answer: It is 18 C and cloudy in Paris right now.");
			List<RecordedRequest> requests = emulator.chatRequests();
			assertThat(requests).hasSize(3);
			JSONAssert.assertEquals("""
					{"model":"openai/gpt-oss-120b","messages":[
					  {"role":"system","content":"Extract the invoice from the user's text."},
					  {"role":"user","content":"%s"}],
					 "response_format":{"type":"json_schema","json_schema":{"name":"Invoice","strict":true,"schema":{
					   "type":"object","properties":{
					     "customer":{"type":"string"},
					     "items":{"type":"array","items":{"type":"object","properties":{
					        "description":{"type":"string"},"quantity":{"type":"integer"},"unitPrice":{"type":"number"}},
					        "required":["description","quantity","unitPrice"],"additionalProperties":false}},
					     "total":{"type":"number"}},
					   "required":["customer","items","total"],"additionalProperties":false}}}}"""
				.formatted(StructuredApplication.INVOICE_TEXT), requests.get(0).bodyText(), JSONCompareMode.STRICT);
			String question = "{\"role\":\"user\",\"content\":\"What's the weather in Paris right now? Answer in one sentence.\"}";
			JSONAssert.assertEquals("{\"model\":\"openai/gpt-oss-120b\",\"messages\":[" + question + "]," + TOOLS + "}",
					requests.get(1).bodyText(), JSONCompareMode.STRICT);
			JSONAssert.assertEquals("{\"model\":\"openai/gpt-oss-120b\",\"messages\":[" + question + """
					,{"role":"assistant","tool_calls":[{"id":"call_weather_1","type":"function",
					   "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
					 {"role":"tool","tool_call_id":"call_weather_1",
					  "content":"{\\"city\\":\\"Paris\\",\\"celsius\\":18,\\"sky\\":\\"cloudy\\"}"}],
					""" + TOOLS + "}", requests.get(2).bodyText(), JSONCompareMode.STRICT);
		}
	}

	@Test
	void mainExitsWhenDone(CapturedOutput output) {
		org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null,
				"GROQ_API_KEY is set: main would call Groq");
		StructuredApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains("Invoice: Invoice[customer=ACME Corp")
			.contains("Answer: It is 18 C and cloudy in Paris right now.");
	}

	/** Runs the sample as its main would; the main class is named so that AOT mode finds its initializer. */
	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(StructuredApplication.class).main(StructuredApplication.class).run(args);
	}

}
