package io.github.groqspring.samples.springai;

import java.util.List;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SpringAiApplicationTests {

	private static final String SYSTEM = "{\"role\":\"system\",\"content\":\"You are a friendly assistant. Answer in one sentence.\"}";

	private static final String FIRST_TURN = SYSTEM
			+ ",{\"role\":\"user\",\"content\":\"Hi, I'm Ada and I live in Paris.\"}";

	private static final String REMEMBERED = FIRST_TURN
			+ ",{\"role\":\"assistant\",\"content\":\"Nice to meet you, Ada!\"}"
			+ ",{\"role\":\"user\",\"content\":\"What's the weather where I live?\"}";

	@Test
	void runsOfflineRememberingTheFirstTurnAndAnsweringThroughTheTool(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true")) {
			assertThat(output).contains("You: Hi, I'm Ada and I live in Paris.")
				.contains("Assistant: Nice to meet you, Ada!  [sent auto, served on_demand]")
				.contains("You: What's the weather where I live?")
				.contains("Assistant: It is 18 C and cloudy in Paris, Ada.  [sent auto, served on_demand]");
			List<RecordedRequest> requests = context.getBean(GroqEmulator.class).chatRequests();
			assertThat(requests).hasSize(3);
			JSONAssert.assertEquals("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[" + FIRST_TURN
					+ "],\"service_tier\":\"auto\"}", withoutTools(requests.get(0)), JSONCompareMode.STRICT);
			// The memory advisor replays the first turn; the tool loop adds the call and its result.
			JSONAssert.assertEquals("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[" + REMEMBERED
					+ "],\"service_tier\":\"auto\"}", withoutTools(requests.get(1)), JSONCompareMode.STRICT);
			JSONAssert.assertEquals("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[" + REMEMBERED + """
					,{"role":"assistant","tool_calls":[{"id":"call_weather_1","type":"function",
					   "function":{"name":"currentWeather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
					 {"role":"tool","tool_call_id":"call_weather_1",
					  "content":"{\\"city\\":\\"Paris\\",\\"celsius\\":18,\\"sky\\":\\"cloudy\\"}"}],
					 "service_tier":"auto"}""", withoutTools(requests.get(2)), JSONCompareMode.STRICT);
			assertThat(requests).allSatisfy((request) -> assertThat(
					request.json().get("tools").get(0).get("function").get("name").asString())
				.isEqualTo("currentWeather"));
		}
	}

	@Test
	void mainExitsWhenDone(CapturedOutput output) {
		org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null,
				"GROQ_API_KEY is set: main would call Groq");
		SpringAiApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains("Assistant: It is 18 C and cloudy in Paris, Ada.");
	}

	private static String withoutTools(RecordedRequest request) {
		ObjectNode body = (ObjectNode) request.json();
		body.remove("tools");
		return body.toString();
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(SpringAiApplication.class).main(SpringAiApplication.class).run(args);
	}

}
