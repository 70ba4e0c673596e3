package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The emulator on Groq's chat surface beyond text: content parts and images validated like
 * Groq, built-in tools, documents, compound and search settings, decommissioned models and
 * terms, and its deterministic answers (images, executed tools, citations, reasoning,
 * scripted cached tokens).
 */
@ExtendWith(GroqEmulatorExtension.class)
class ChatFeaturesTests {

	static GroqEmulator emulator;

	private static final HttpClient http = HttpClient.newHttpClient();

	/** A 4x3 red PNG. */
	static final String RED_PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGP4z8AARww4OQD1MQv1NXv7ggAAAABJRU5ErkJggg==";

	@Test
	void anImageIsDescribedFromItsBytesAndAnImageByUrlByItsUrl() throws Exception {
		JsonNode completion = ok(post("""
				{"model":"qwen/qwen3.8-27b","messages":[{"role":"user","content":[
				 {"type":"text","text":"Describe these."},
				 {"type":"image_url","image_url":{"url":"%s","detail":"low"}},
				 {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}]}]}""".formatted(RED_PNG)));
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo("Emulated description of image 1: "
				+ "a 4x3 PNG image of 73 bytes (sha-256 099d6c9b). Emulated description of image 2: the image at "
				+ "https://example.com/cat.jpg (Groq fetches it; the emulator does not).");
	}

	@Test
	void imagesNeedAVisionModelAValidUrlAndAtMostFivePerRequest() throws Exception {
		String image = "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}";
		assertRefused(post("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ image + "]}]}"), "model `llama-3.3-70b-versatile` does not support image input");
		assertRefused(post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"ftp://example.com/a.png\"}}]}]}"),
				"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.image_url.url' "
						+ ": must be an http(s) URL or a base64 image data URL)]");
		assertRefused(post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:text/plain,hi\"}}]}]}"),
				"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.image_url.url' "
						+ ": a data URL must be a base64 image: data:image/<type>;base64,<data>)]");
		assertRefused(post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/a.png\",\"detail\":\"max\"}}]}]}"),
				"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.image_url.detail' "
						+ ": value must be one of [auto low high])]");
		assertRefused(post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/a.png\",\"size\":1}}]}]}"),
				"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.image_url' "
						+ ": property 'size' is unsupported)]");
		String six = String.join(",", java.util.Collections.nCopies(6, image));
		assertRefused(post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\",\"content\":[" + six + "]}]}"),
				"Too many images provided: 6. This model supports up to 5 images per request.");
		String five = String.join(",", java.util.Collections.nCopies(5, image));
		assertThat(post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\",\"content\":[" + five
				+ "]}]}").statusCode()).isEqualTo(200);
	}

	@Test
	void aRequestOverFourMegabytesWithABase64ImageIsGroqs413() throws Exception {
		char[] data = new char[4 * 1024 * 1024];
		Arrays.fill(data, 'A');
		HttpResponse<String> response = post("{\"model\":\"qwen/qwen3.8-27b\",\"messages\":[{\"role\":\"user\","
				+ "\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + new String(data)
				+ "\"}}]}]}");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).startsWith("{\"error\":{\"message\":\"Request Entity Too Large: a request with "
				+ "base64 images may be at most 4MB, this one is ");
	}

	@Test
	void aDocumentPartNeedsItsDataObject() throws Exception {
		assertRefused(post("{\"model\":\"openai/gpt-oss-20b\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"document\",\"document\":{\"data\":\"text\"}}]}]}"),
				"'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.document.data' "
						+ ": property 'data' is missing)]");
		assertThat(post("{\"model\":\"openai/gpt-oss-20b\",\"messages\":[{\"role\":\"user\",\"content\":["
				+ "{\"type\":\"text\",\"text\":\"Sum?\"},{\"type\":\"document\",\"document\":{\"data\":{\"a\":1},"
				+ "\"id\":\"d1\"}}]}]}").statusCode()).isEqualTo(200);
	}

	@Test
	void documentsAreQuotedAndCitedUnlessCitationsAreDisabled() throws Exception {
		String documents = "\"documents\":[{\"id\":\"doc-1\",\"source\":{\"type\":\"text\",\"text\":\"Q3 revenue was "
				+ "$12.5M.\"}},{\"source\":{\"type\":\"json\",\"data\":{\"q\":3}}}]";
		JsonNode cited = ok(post("{\"model\":\"openai/gpt-oss-120b\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"Revenue?\"}]," + documents + "}"));
		String content = cited.at("/choices/0/message/content").asString();
		assertThat(content).isEqualTo("Emulated answer from the documents. doc-1: Q3 revenue was $12.5M. 1: {\"q\":3}");
		JsonNode annotations = cited.at("/choices/0/message/annotations");
		assertThat(annotations.toString()).isEqualTo("[{\"type\":\"document_citation\",\"document_citation\":{"
				+ "\"document_id\":\"doc-1\",\"start_index\":43,\"end_index\":65}},{\"type\":\"document_citation\","
				+ "\"document_citation\":{\"document_id\":\"1\",\"start_index\":69,\"end_index\":76}}]");
		assertThat(content.substring(43, 65)).isEqualTo("Q3 revenue was $12.5M.");
		JsonNode uncited = ok(post("{\"model\":\"openai/gpt-oss-120b\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"Revenue?\"}]," + documents + ",\"citation_options\":\"disabled\"}"));
		assertThat(uncited.at("/choices/0/message").has("annotations")).isFalse();
	}

	@Test
	void documentsSearchSettingsAndCompoundCustomAreCheckedLikeGroqsApiReference() throws Exception {
		String user = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
		assertRefused(post("{\"model\":\"openai/gpt-oss-120b\"," + user
				+ ",\"documents\":[{\"source\":{\"type\":\"pdf\"}}]}"),
				"'documents.0.source.type' : value must be one of [text json]");
		assertRefused(post("{\"model\":\"openai/gpt-oss-120b\"," + user
				+ ",\"documents\":[{\"source\":{\"type\":\"text\",\"text\":\"x\"},\"title\":\"t\"}]}"),
				"'documents.0' : property 'title' is unsupported");
		assertRefused(post("{\"model\":\"groq/compound\"," + user + ",\"search_settings\":{\"include_domains\":\"a.org\"}}"),
				"'search_settings.include_domains' : value must be an array of strings");
		assertRefused(post("{\"model\":\"groq/compound\"," + user
				+ ",\"compound_custom\":{\"tools\":{\"enabled_tools\":[\"web_search\",\"telepathy\"]}}}"),
				"'compound_custom.tools.enabled_tools.1' : value must be one of [web_search code_interpreter "
						+ "visit_website browser_automation wolfram_alpha]");
		assertThat(post("{\"model\":\"groq/compound\"," + user + ",\"search_settings\":{\"country\":\"germany\","
				+ "\"include_domains\":[\"*.de\"],\"exclude_domains\":[],\"include_images\":false},\"compound_custom\":{"
				+ "\"models\":{\"reasoning_model\":\"openai/gpt-oss-120b\",\"answering_model\":null},\"tools\":{"
				+ "\"enabled_tools\":[\"wolfram_alpha\"],\"wolfram_settings\":{\"authorization\":\"k\"}}},"
				+ "\"citation_options\":\"enabled\"}").statusCode()).isEqualTo(200);
	}

	@Test
	void builtInToolsRunServerSideAndComeBackAsExecutedTools() throws Exception {
		JsonNode completion = ok(post("{\"model\":\"openai/gpt-oss-20b\",\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"Latest Java release?\"}],\"tools\":[{\"type\":\"browser_search\"},"
				+ "{\"type\":\"code_interpreter\"}]}"));
		JsonNode message = completion.at("/choices/0/message");
		assertThat(message.get("content").asString())
			.isEqualTo("Emulated answer using a web search and Python for: Latest Java release?");
		assertThat(message.get("executed_tools").toString()).isEqualTo("[{\"index\":0,\"type\":\"search\","
				+ "\"arguments\":\"{\\\"query\\\":\\\"Latest Java release?\\\"}\",\"output\":\"Title: Emulated result for: "
				+ "Latest Java release?\\nURL: https://example.com/search?q=Latest+Java+release%3F\\nContent: Emulated "
				+ "page text about Latest Java release?\\n\",\"search_results\":{\"results\":[{\"title\":\"Emulated result "
				+ "for: Latest Java release?\",\"url\":\"https://example.com/search?q=Latest+Java+release%3F\",\"content\":"
				+ "\"Emulated page text about Latest Java release?\",\"score\":0.9}]}},{\"name\":\"python\",\"index\":1,"
				+ "\"type\":\"function\",\"arguments\":\"print(len(\\\"Latest Java release?\\\"))\",\"search_results\":"
				+ "{\"results\":null},\"code_results\":[{\"text\":\"20\"}]}]");
		assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		JsonNode none = ok(post("{\"model\":\"openai/gpt-oss-20b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
				+ "\"tools\":[{\"type\":\"browser_search\"}],\"tool_choice\":\"none\"}"));
		assertThat(none.at("/choices/0/message").has("executed_tools")).isFalse();
		assertRefused(post("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
				+ "\"tools\":[{\"type\":\"code_interpreter\"}]}"), "`code_interpreter` is not supported with this model");
		assertRefused(post("{\"model\":\"openai/gpt-oss-20b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
				+ "\"tools\":[{\"type\":\"web_search\"}]}"),
				"'tools.0.type' : value must be one of [function browser_search code_interpreter]");
	}

	@Test
	void reasoningComesBackWhenTheRequestAsksAReasoningModelForIt() throws Exception {
		JsonNode parsed = ok(post("{\"model\":\"qwen/qwen3-32b\",\"messages\":[{\"role\":\"user\",\"content\":\"Why?\"}],"
				+ "\"reasoning_format\":\"parsed\"}"));
		assertThat(parsed.at("/choices/0/message/reasoning").asString()).isEqualTo("Emulated reasoning about: Why?");
		assertThat(parsed.at("/usage/completion_tokens_details/reasoning_tokens").asInt()).isEqualTo(4);
		assertThat(parsed.at("/usage/completion_tokens").asInt()).isEqualTo(4 + 4);
		JsonNode raw = ok(post("{\"model\":\"qwen/qwen3-32b\",\"messages\":[{\"role\":\"user\",\"content\":\"Why?\"}],"
				+ "\"reasoning_format\":\"raw\"}"));
		assertThat(raw.at("/choices/0/message/content").asString())
			.isEqualTo("<think>Emulated reasoning about: Why?</think>\nEmulated reply to: Why?");
		assertThat(raw.at("/choices/0/message").has("reasoning")).isFalse();
		JsonNode plain = ok(post("{\"model\":\"qwen/qwen3-32b\",\"messages\":[{\"role\":\"user\",\"content\":\"Why?\"}]}"));
		assertThat(plain.at("/choices/0/message").has("reasoning")).isFalse();
		assertThat(plain.at("/usage").has("completion_tokens_details")).isFalse();
	}

	@Test
	void scriptedReasoningExecutedToolsAnnotationsAndCachedTokensGoOutBlockingAndStreamed() throws Exception {
		EmulatedResponse scripted = EmulatedResponse.reply("It is 18 C.")
			.withReasoning("Look it up.")
			.withExecutedTools(GroqShapes.webSearch(0, "Paris weather", "Weather", "https://x.test", "18 C"))
			.withAnnotations(GroqShapes.documentCitation("doc-1", 6, 10))
			.withCachedTokens(3);
		emulator.enqueue(scripted);
		JsonNode completion = ok(post("{\"model\":\"openai/gpt-oss-20b\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ "\"Weather in Paris now?\"}]}"));
		JsonNode message = completion.at("/choices/0/message");
		assertThat(message.get("reasoning").asString()).isEqualTo("Look it up.");
		assertThat(message.at("/executed_tools/0/type").asString()).isEqualTo("search");
		assertThat(message.at("/annotations/0/document_citation/document_id").asString()).isEqualTo("doc-1");
		assertThat(completion.at("/usage").toString()).isEqualTo("{\"queue_time\":0.0418,\"prompt_tokens\":8,"
				+ "\"prompt_time\":0.00195,\"completion_tokens\":7,\"completion_time\":0.245,\"total_tokens\":15,"
				+ "\"total_time\":0.24695,\"prompt_tokens_details\":{\"cached_tokens\":3},"
				+ "\"completion_tokens_details\":{\"reasoning_tokens\":3}}");
		emulator.enqueueStream(EmulatedStream.reply("It is 18 C.")
			.withReasoning("Look", " it up.")
			.withExecutedTools(GroqShapes.codeRun(0, "print(18)", "18"))
			.withAnnotations(GroqShapes.documentCitation("doc-1", 6, 10))
			.withCachedTokens(2));
		String stream = post("{\"model\":\"openai/gpt-oss-20b\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris now?\"}]}").body();
		assertThat(stream).contains("\"delta\":{\"reasoning\":\"Look\"}")
			.contains("\"delta\":{\"executed_tools\":[{\"name\":\"python\",\"index\":0,\"type\":\"function\",\"arguments\":\"print(18)\"")
			.contains("\"delta\":{\"annotations\":[{\"type\":\"document_citation\"")
			.contains("\"prompt_tokens_details\":{\"cached_tokens\":2},\"completion_tokens_details\":{\"reasoning_tokens\":2}")
			.contains("\"choices\":[],\"usage\":{");
		assertThat(stream.indexOf("executed_tools")).isLessThan(stream.indexOf("\"content\":\"It\""));
		assertThat(stream.indexOf("annotations")).isGreaterThan(stream.indexOf("\"content\":\" C.\""));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatedResponse.reply("x").withExecutedTools("[1]"))
			.withMessage("An executed tool must be a JSON object, got [1]");
	}

	@Test
	void aDecommissionedModelAnswersGroqsModelDecommissionedAndLeavesTheList() throws Exception {
		assertThat(post("{\"model\":\"groq/compound-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
			.statusCode()).isEqualTo(200);
		emulator.decommission("groq/compound-mini");
		HttpResponse<String> refused = post("{\"model\":\"groq/compound-mini\",\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"Hi\"}]}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("{\"error\":{\"message\":\"The model `groq/compound-mini` has been "
				+ "decommissioned and is no longer supported. Please refer to https://console.groq.com/docs/deprecations "
				+ "for a recommendation on which model to use instead.\",\"type\":\"invalid_request_error\","
				+ "\"code\":\"model_decommissioned\"}}");
		assertThat(emulator.models()).extracting(EmulatedModel::id).doesNotContain("groq/compound-mini");
		assertThat(get(GroqEmulator.MODELS + "/groq/compound-mini").statusCode()).isEqualTo(404);
		emulator.reset();
		assertThat(emulator.models()).extracting(EmulatedModel::id).contains("groq/compound-mini");
		assertThatIllegalArgumentException().isThrownBy(() -> emulator.decommission("no-such-model"))
			.withMessage("The emulator serves no model no-such-model");
	}

	@Test
	void theModelsGroqRetiredSinceTheCaptureCanBeDecommissionedAtOnce() throws Exception {
		assertThat(GroqModelCatalogue.decommissionedSinceCapture()).containsEntry("groq/compound", "2026-09-21")
			.containsEntry("meta-llama/llama-4-scout-17b-16e-instruct", "2026-07-17");
		emulator.decommissionRetiredModels();
		assertThat(emulator.models()).extracting(EmulatedModel::id)
			.doesNotContainAnyElementsOf(GroqModelCatalogue.decommissionedSinceCapture().keySet())
			.contains("openai/gpt-oss-120b", "qwen/qwen3.8-27b");
		assertThat(post("{\"model\":\"qwen/qwen3-32b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aModelWhoseTermsAreNotAcceptedAnswersGroqsModelTermsRequired() throws Exception {
		emulator.requireTermsAcceptance("allam-2-7b");
		HttpResponse<String> refused = post("{\"model\":\"allam-2-7b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("{\"error\":{\"message\":\"The model `allam-2-7b` requires terms "
				+ "acceptance. Please have the org admin accept the terms at "
				+ "https://console.groq.com/playground?model=allam-2-7b\",\"type\":\"invalid_request_error\","
				+ "\"code\":\"model_terms_required\"}}");
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireFormat.JSON.readTree(response.body());
	}

	private static void assertRefused(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(WireFormat.errorBody("invalid_request_error", null, message, null));
	}

	private static HttpResponse<String> post(String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
