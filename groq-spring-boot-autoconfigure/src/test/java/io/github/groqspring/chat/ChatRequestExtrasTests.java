package io.github.groqspring.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Groq's extra request fields: documents and citations, built-in tools, compound and search settings, stream options. */
class ChatRequestExtrasTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void documentsAndCitationOptionsGoOutInTheShapeOfGroqsApiReference() throws Exception {
		ChatRequest request = ChatRequest.builder("openai/gpt-oss-120b")
			.user("What was Q3 revenue? Cite the source.")
			.documents(List.of(Document.text("doc-1", "Q3 revenue was $12.5M, up 8%."),
					Document.json("doc-2", Map.of("quarter", "Q3")), Document.text(null, "No id.")))
			.citationOptions(CitationOptions.ENABLED)
			.build();
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b",
				 "messages":[{"role":"user","content":"What was Q3 revenue? Cite the source."}],
				 "documents":[
				   {"id":"doc-1","source":{"type":"text","text":"Q3 revenue was $12.5M, up 8%."}},
				   {"id":"doc-2","source":{"type":"json","data":{"quarter":"Q3"}}},
				   {"source":{"type":"text","text":"No id."}}],
				 "citation_options":"enabled"}""", this.json.writeValueAsString(request), JSONCompareMode.STRICT);
		assertThat(this.json.writeValueAsString(CitationOptions.DISABLED)).isEqualTo("\"disabled\"");
	}

	@Test
	void builtInToolsAreSentAsTheirTypeAloneBesideFunctions() throws Exception {
		ChatRequest request = ChatRequest.builder("openai/gpt-oss-120b")
			.user("Search, compute, or call.")
			.tools(List.of(Tool.browserSearch(), Tool.codeInterpreter(),
					Tool.function("get_weather", "Weather", Map.of("type", "object"))))
			.toolChoice(ToolChoice.AUTO)
			.build();
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b","messages":[{"role":"user","content":"Search, compute, or call."}],
				 "tools":[{"type":"browser_search"},{"type":"code_interpreter"},
				   {"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"type":"object"}}}],
				 "tool_choice":"auto"}""", this.json.writeValueAsString(request), JSONCompareMode.STRICT);
		assertThat(Tool.browserSearch().builtIn()).isTrue();
		assertThat(Tool.function("f", null, Map.of()).builtIn()).isFalse();
		// Built-in tools have no name, so two of them are no name clash.
		ChatRequest.builder("openai/gpt-oss-20b").user("x").tools(List.of(Tool.browserSearch(), Tool.browserSearch()));
	}

	@Test
	void aToolIsAFunctionWithItsDefinitionOrABuiltInWithout() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Tool("function", null))
			.withMessage("A function tool needs its function: use Tool.function(...)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Tool("browser_search", new Tool.Function("f", null, null, null)))
			.withMessage("Only a function tool has a function; a browser_search tool is sent as its type alone");
		assertThatIllegalArgumentException().isThrownBy(() -> new Tool(" ", null))
			.withMessage("A tool needs a type: function, browser_search or code_interpreter");
	}

	@Test
	void compoundCustomAndSearchSettingsAreTypedWithGroqsNames() throws Exception {
		ChatRequest request = ChatRequest.builder("groq/compound")
			.user("What is 1293392*29393?")
			.compoundCustom(new CompoundCustom(new CompoundCustom.Models("openai/gpt-oss-120b", "openai/gpt-oss-120b"),
					new CompoundCustom.Tools(List.of(CompoundCustom.WEB_SEARCH, CompoundCustom.WOLFRAM_ALPHA),
							new CompoundCustom.WolframSettings("wolfram-app-id"))))
			.searchSettings(SearchSettings.builder()
				.excludeDomains("wikipedia.org")
				.includeDomains("*.org")
				.includeImages(true)
				.country("united states")
				.build())
			.build();
		JSONAssert.assertEquals("""
				{"model":"groq/compound","messages":[{"role":"user","content":"What is 1293392*29393?"}],
				 "search_settings":{"country":"united states","include_domains":["*.org"],
				   "exclude_domains":["wikipedia.org"],"include_images":true},
				 "compound_custom":{"models":{"reasoning_model":"openai/gpt-oss-120b","answering_model":"openai/gpt-oss-120b"},
				   "tools":{"enabled_tools":["web_search","wolfram_alpha"],
				     "wolfram_settings":{"authorization":"wolfram-app-id"}}}}""",
				this.json.writeValueAsString(request), JSONCompareMode.STRICT);
		assertThat(request.toString()).doesNotContain("wolfram-app-id").contains("WolframSettings[authorization=******]");
		assertThat(this.json.writeValueAsString(CompoundCustom.enabledTools(CompoundCustom.CODE_INTERPRETER)))
			.isEqualTo("{\"tools\":{\"enabled_tools\":[\"code_interpreter\"]}}");
	}

	@Test
	void theFieldsNowTypedAreRefusedThroughTheEscapeHatch() {
		for (String name : List.of("documents", "citation_options", "search_settings", "compound_custom",
				"stream_options")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ChatRequest.builder("m").user("x").extraBody(name, Map.of()))
				.withMessage("'" + name + "' is a typed field of ChatRequest: set it with its builder method, not extraBody");
		}
	}

	@Test
	void streamOptionsAreTypedAndCopiedWithTheRequest() throws Exception {
		ChatRequest request = ChatRequest.builder("m").user("x").streamOptions(StreamOptions.WITHOUT_USAGE).build();
		JSONAssert.assertEquals("""
				{"model":"m","messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":false}}""",
				this.json.writeValueAsString(request), JSONCompareMode.STRICT);
		assertThat(request.withStream(true).streamOptions()).isEqualTo(StreamOptions.WITHOUT_USAGE);
		assertThat(request.withStreamOptions(null).streamOptions()).isNull();
		assertThat(request.mutate().build()).isEqualTo(request);
	}

	@Test
	void includeReasoningAndReasoningFormatTogetherAreRefusedAsGroqRefusesThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder("openai/gpt-oss-20b")
				.user("x")
				.includeReasoning(true)
				.reasoningFormat(ReasoningFormat.PARSED)
				.build())
			.withMessage("Set includeReasoning or reasoningFormat, not both: Groq answers 400 \"cannot specify both "
					+ "`include_reasoning` and `reasoning_format`\"");
	}

	@Test
	void theNineteenComponentConstructorStillBuildsARequestWithoutTheNewFields() {
		ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("x")), null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, Map.of());
		assertThat(request.documents()).isNull();
		assertThat(request.streamOptions()).isNull();
		assertThat(request).isEqualTo(ChatRequest.builder("m").user("x").build());
	}

}
