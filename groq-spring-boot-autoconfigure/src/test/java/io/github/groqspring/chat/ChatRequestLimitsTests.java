package io.github.groqspring.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The limits Groq documents for a chat completion (its API reference, generated into
 * groq-python's {@code completion_create_params.py} and {@code function_definition.py}): at
 * most 128 tools, up to 4 stop sequences, function names of 1 to 64 letters, digits,
 * underscores and dashes; and tool names that identify their tool. Checked where the
 * request is made, however it is made, so nothing Groq would refuse is sent.
 */
@ExtendWith(GroqEmulatorExtension.class)
class ChatRequestLimitsTests {

	static GroqEmulator emulator;

	private static final Map<String, Object> NO_PARAMETERS = Map.of("type", "object", "properties", Map.of());

	@Test
	void twoToolsOfOneNameAreRefusedAndNothingIsSent() throws Exception {
		Tool weather = Tool.function("get_weather", "Weather now", NO_PARAMETERS);
		Tool forecast = Tool.function("get_weather", "Weather tomorrow", NO_PARAMETERS);
		try (GroqTemplate groq = GroqTemplate.builder().baseUrl(emulator.baseUrl()).build()) {
			int before = emulator.requests().size();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> groq.chat(ChatRequest.builder("llama-3.3-70b-versatile")
					.user("Weather?")
					.tools(List.of(weather, Tool.function("get_time", null, NO_PARAMETERS), forecast))))
				.withMessage("Two tools are named 'get_weather' (tools 0 and 2): Groq's tool calls name a tool by "
						+ "its name alone, so give each tool its own name");
			assertThat(emulator.requests()).hasSize(before);
		}
	}

	@Test
	void aDuplicateNameAmongManyToolsIsFoundAndDistinctNamesPass() {
		List<Tool> tools = new ArrayList<>();
		for (int i = 0; i < ChatRequest.MAX_TOOLS; i++) {
			tools.add(Tool.function("tool_" + i, null, NO_PARAMETERS));
		}
		assertThat(ChatRequest.builder("m").user("x").tools(tools).build().tools()).hasSize(128);
		tools.set(100, Tool.function("tool_17", null, NO_PARAMETERS));
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder("m").user("x").tools(tools).build())
			.withMessage("Two tools are named 'tool_17' (tools 17 and 100): Groq's tool calls name a tool by "
					+ "its name alone, so give each tool its own name");
		List<Tool> seventeen = new ArrayList<>(tools.subList(0, 17));
		seventeen.set(16, Tool.function("tool_3", null, NO_PARAMETERS));
		assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder("m").user("x").tools(seventeen).build())
			.withMessage("Two tools are named 'tool_3' (tools 3 and 16): Groq's tool calls name a tool by "
					+ "its name alone, so give each tool its own name");
	}

	@Test
	void moreThan128ToolsAreRefusedHoweverTheRequestIsMade() {
		List<Tool> tools = new ArrayList<>();
		for (int i = 0; i < 129; i++) {
			tools.add(Tool.function("tool_" + i, null, NO_PARAMETERS));
		}
		ChatRequest request = ChatRequest.builder("m").user("x").build();
		assertThatIllegalArgumentException().isThrownBy(() -> new ChatRequest(request.model(), request.messages(),
				null, null, null, null, null, tools, null, null, null, null, null, null, null, null, null, null,
				Map.of()))
			.withMessage("Groq accepts at most 128 tools, got 129: send only the tools this request needs");
	}

	@Test
	void moreThanFourStopSequencesAreRefusedHoweverTheRequestIsMade() {
		ChatRequest request = ChatRequest.builder("m").user("x").build();
		assertThatIllegalArgumentException().isThrownBy(() -> new ChatRequest(request.model(), request.messages(),
				null, null, null, List.of("a", "b", "c", "d", "e"), null, null, null, null, null, null, null, null,
				null, null, null, null, Map.of()))
			.withMessage("Groq accepts 1 to 4 stop sequences, got 5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "get weather", "weather.get", "météo",
			"a_name_that_is_far_too_long_for_groq_which_allows_sixty_four_chars" })
	void aFunctionNameGroqWouldRefuseIsRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.function(name, null, NO_PARAMETERS))
			.withMessage("A function tool's name must be 1 to 64 letters (a-z, A-Z), digits, underscores or dashes, "
					+ "was '" + name + "'");
	}

	@Test
	void namesGroqAcceptsAreAccepted() {
		String longest = "a".repeat(64);
		assertThat(Tool.function(longest, null, NO_PARAMETERS).function().name()).isEqualTo(longest);
		assertThat(Tool.function("Get-Weather_2", null, NO_PARAMETERS).function().name()).isEqualTo("Get-Weather_2");
	}

}
