package io.github.groqspring;

import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.chat.Annotation;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.ExecutedTool;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.chat.UsageBreakdown;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.testsupport.CapturedAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groq's answers beyond text, parsed from real shapes: the captured reasoning completion and
 * stream (vercel/ai's Groq fixtures, February 2026), and the shapes of Groq's docs and API
 * reference (official SDKs 1.6.0 / 1.4.0) for executed tools, annotations, usage breakdown,
 * cached tokens and {@code x_groq.usage}.
 */
class GroqTemplateChatFeaturesTests {

	static final String CHUNK = "{\"id\":\"chatcmpl-3556c041\",\"object\":\"chat.completion.chunk\",\"created\":1770770849,"
			+ "\"model\":\"qwen/qwen3-32b\",\"system_fingerprint\":\"fp_78ac7f3229\",";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey("gsk_features_test_0123456789")
		.retry(RetrySettings.NONE)
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void aCapturedReasoningCompletionGivesItsReasoningAndReasoningTokens() {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", CapturedAnswers.REASONING_COMPLETION));
		ChatResponse response = this.groq.chat(ChatRequest.builder("qwen/qwen3-32b").user("How many r's?"));
		assertThat(response.reasoning()).isEqualTo("Okay, so the user is asking how many times");
		assertThat(response.usage().reasoningTokens()).isEqualTo(570);
		assertThat(response.usage().cachedTokens()).isZero();
		assertThat(response.completion().usageBreakdown()).isNull();
		assertThat(response.completion().xGroq()).isEqualTo(new ChatCompletion.XGroq("req_01kh52n6v2fr2b5m32125xqb7b",
				1186842417L, null));
		assertThat(response.executedTools()).isEmpty();
		assertThat(response.annotations()).isEmpty();
	}

	@Test
	void executedToolsAnnotationsCachedTokensAndTheUsageBreakdownAreTyped() {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", CapturedAnswers.TOOLS_COMPLETION));
		ChatResponse response = this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("Weather in Tokyo?"));
		List<ExecutedTool> tools = response.executedTools();
		assertThat(tools).hasSize(3);
		ExecutedTool search = tools.get(0);
		assertThat(search.type()).isEqualTo("search");
		assertThat(search.arguments()).isEqualTo("{\"query\": \"current weather in Tokyo\"}");
		assertThat(search.output()).isEqualTo("Title: Weather for Tokyo, Japan...\n...");
		assertThat(search.searchResults().results()).containsExactly(new ExecutedTool.SearchResult(
				"Model Release Notes | OpenAI Help Center",
				"https://help.openai.com/en/articles/9624314-model-release-notes", "Launching OpenAI o3-pro", 0.5377946));
		assertThat(search.searchResults().images()).containsExactly("https://example.com/tokyo.png");
		ExecutedTool code = tools.get(1);
		assertThat(code.name()).isEqualTo("python");
		assertThat(code.type()).isEqualTo("function");
		assertThat(code.arguments()).isEqualTo("import math\nmath.sqrt(12345)\n");
		assertThat(code.searchResults().results()).isNull();
		assertThat(code.codeResults()).hasSize(2);
		assertThat(code.codeResults().get(0).text()).isEqualTo("111.1080555135405");
		assertThat(code.codeResults().get(1).png()).isEqualTo("iVBORw0KGgo=");
		assertThat(code.codeResults().get(1).chart()).isEqualTo(new ExecutedTool.Chart("bar", "Rain",
				List.of(new ExecutedTool.ChartElement("Mon", "rain", 3.5, null)), "day", "mm", null, null));
		assertThat(tools.get(2).output()).isEqualTo("1\n");
		assertThat(tools.get(2).searchResults().results()).isEmpty();
		List<Annotation> annotations = response.annotations();
		assertThat(annotations).extracting(Annotation::type)
			.containsExactly("document_citation", "function_citation", "something_newer");
		assertThat(annotations.get(0).documentCitation())
			.isEqualTo(new Annotation.DocumentCitation("doc-1", 0, 27));
		assertThat(annotations.get(0).citedText(response.content())).isEqualTo("**Current weather in Tokyo*");
		assertThat(annotations.get(1).functionCitation())
			.isEqualTo(new Annotation.FunctionCitation("call_abc", 28, 60));
		assertThat(annotations.get(1).citedText(response.content())).isEqualTo(" is 18 C.");
		assertThat(annotations.get(2).citedText(response.content())).isEmpty();
		Usage usage = response.usage();
		assertThat(usage.totalTokens()).isEqualTo(7340);
		assertThat(usage.cachedTokens()).isEqualTo(64);
		assertThat(usage.queueDuration()).isNull();
		assertThat(response.completion().xGroq().usage()).isEqualTo(new ChatCompletion.CacheUsage(0L, 64L));
		UsageBreakdown breakdown = response.completion().usageBreakdown();
		assertThat(breakdown.models()).singleElement().satisfies((model) -> {
			assertThat(model.model()).isEqualTo("openai/gpt-oss-120b");
			assertThat(model.usage().totalTokens()).isEqualTo(687);
			assertThat(model.usage().totalDuration()).hasMillis(910);
		});
	}

	@Test
	void aCapturedReasoningStreamGivesReasoningDeltasAndReasoningTokensFromItsFinalChunk() {
		this.emulator.enqueueStream(EmulatedStream.rawEvents(
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
						+ "\"logprobs\":null,\"finish_reason\":null}],\"x_groq\":{\"id\":\"req_01kh52nmbjem9bfhxdbabnjv0x\","
						+ "\"seed\":872656815}}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"Okay\"},\"logprobs\":null,"
						+ "\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\", so\"},\"logprobs\":null,"
						+ "\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Three.\"},\"logprobs\":null,"
						+ "\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
						+ "\"x_groq\":{\"id\":\"req_01kh52nmbjem9bfhxdbabnjv0x\",\"usage\":{\"queue_time\":0.171721454,"
						+ "\"prompt_tokens\":17,\"prompt_time\":0.000792801,\"completion_tokens\":1107,"
						+ "\"completion_time\":3.206170277,\"total_tokens\":1124,\"total_time\":3.206963078,"
						+ "\"completion_tokens_details\":{\"reasoning_tokens\":963}}},\"usage\":{\"queue_time\":0.171721454,"
						+ "\"prompt_tokens\":17,\"prompt_time\":0.000792801,\"completion_tokens\":1107,"
						+ "\"completion_time\":3.206170277,\"total_tokens\":1124,\"total_time\":3.206963078,"
						+ "\"completion_tokens_details\":{\"reasoning_tokens\":963}}}",
				"data: [DONE]"));
		List<String> reasoning = new ArrayList<>();
		ChatResponse response = this.groq.stream(ChatRequest.builder("qwen/qwen3-32b").user("How many r's?"),
				(chunk) -> reasoning.add(chunk.reasoning()));
		assertThat(reasoning).containsExactly(null, "Okay", ", so", null, null);
		assertThat(response.reasoning()).isEqualTo("Okay, so");
		assertThat(response.content()).isEqualTo("Three.");
		assertThat(response.usage().reasoningTokens()).isEqualTo(963);
		assertThat(response.completion().xGroq().seed()).isEqualTo(872656815L);
	}

	@Test
	void executedToolPiecesMergeByIndexAndAnnotationsAndTheUsageBreakdownArriveInStreams() {
		String search = "{\"index\":0,\"type\":\"search\",\"arguments\":\"{\\\"query\\\": \\\"tokyo\\\"}\"";
		this.emulator.enqueueStream(EmulatedStream.rawEvents(
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
						+ "\"finish_reason\":null}],\"x_groq\":{\"id\":\"req_1\"}}",
				// Pieces of one run as a third-party mock of Groq sends them: results first, output later.
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"executed_tools\":[" + search
						+ ",\"search_results\":{\"results\":[{\"title\":\"Tokyo\",\"url\":\"https://x.test\"}]}}]},"
						+ "\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"executed_tools\":[" + search
						+ ",\"output\":\"18 C\"},{\"index\":1,\"type\":\"python\",\"arguments\":\"print(1)\","
						+ "\"code_results\":[{\"text\":\"1\"}]}]},\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"It is 18 C.\"},\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"annotations\":[{\"type\":\"document_citation\","
						+ "\"document_citation\":{\"document_id\":\"doc-1\",\"start_index\":6,\"end_index\":11}}]},"
						+ "\"finish_reason\":null}]}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"x_groq\":{\"id\":"
						+ "\"req_1\",\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5,\"total_tokens\":25,"
						+ "\"prompt_tokens_details\":{\"cached_tokens\":16}},\"usage_breakdown\":{\"models\":[{\"model\":"
						+ "\"openai/gpt-oss-120b\",\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5,"
						+ "\"total_tokens\":25}}]}}}",
				"data: [DONE]"));
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		ChatResponse response;
		try (ChatStream stream = this.groq.stream(ChatRequest.builder("openai/gpt-oss-120b").user("Tokyo?"))) {
			stream.forEach(chunks::add);
			response = stream.toResponse();
		}
		assertThat(chunks.get(1).executedTools()).singleElement().extracting(ExecutedTool::output).isNull();
		assertThat(chunks.get(2).executedTools()).hasSize(2);
		assertThat(chunks.get(4).annotations()).hasSize(1);
		assertThat(response.executedTools()).hasSize(2);
		ExecutedTool merged = response.executedTools().get(0);
		assertThat(merged.output()).isEqualTo("18 C");
		assertThat(merged.arguments()).isEqualTo("{\"query\": \"tokyo\"}");
		assertThat(merged.searchResults().results()).extracting(ExecutedTool.SearchResult::title).containsExactly("Tokyo");
		assertThat(response.executedTools().get(1).codeResults()).extracting(ExecutedTool.CodeResult::text)
			.containsExactly("1");
		assertThat(response.annotations()).singleElement()
			.satisfies((annotation) -> assertThat(annotation.citedText(response.content())).isEqualTo("18 C."));
		assertThat(response.usage().cachedTokens()).isEqualTo(16);
		assertThat(response.completion().usageBreakdown().models()).extracting(UsageBreakdown.ModelUsage::model)
			.containsExactly("openai/gpt-oss-120b");
	}

	@Test
	void theIncludeUsageChunkHasNoChoiceYetNamesTheTierAndNothingBreaksOnIt() {
		this.emulator.enqueueStream(EmulatedStream.rawEvents(
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
						+ "\"finish_reason\":null}],\"x_groq\":{\"id\":\"req_2\"}}",
				"data: " + CHUNK + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"x_groq\":{\"id\":"
						+ "\"req_2\",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}}",
				"data: " + CHUNK + "\"choices\":[],\"usage\":{\"queue_time\":0.01,\"prompt_tokens\":3,\"prompt_time\":0.001,"
						+ "\"completion_tokens\":1,\"completion_time\":0.002,\"total_tokens\":4,\"total_time\":0.003,"
						+ "\"prompt_tokens_details\":{\"cached_tokens\":2}},\"service_tier\":\"on_demand\"}",
				"data: [DONE]"));
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		ChatResponse response;
		try (ChatStream stream = this.groq.stream(ChatRequest.builder("openai/gpt-oss-20b").user("Hi"))) {
			stream.forEach(chunks::add);
			response = stream.toResponse();
		}
		ChatCompletionChunk usageChunk = chunks.get(2);
		assertThat(usageChunk.usageOnly()).isTrue();
		assertThat(usageChunk.choices()).isEmpty();
		assertThat(usageChunk.content()).isNull();
		assertThat(usageChunk.reasoning()).isNull();
		assertThat(usageChunk.finishReason()).isNull();
		assertThat(usageChunk.toolCalls()).isEmpty();
		assertThat(usageChunk.executedTools()).isEmpty();
		assertThat(usageChunk.annotations()).isEmpty();
		assertThat(usageChunk.usage().cachedTokens()).isEqualTo(2);
		assertThat(usageChunk.serviceTier()).isEqualTo("on_demand");
		assertThat(chunks.get(0).usageOnly()).isFalse();
		assertThat(response.servedTier()).contains(ServiceTier.ON_DEMAND);
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.content()).isEqualTo("Hi");
		assertThat(response.usage().totalDuration()).hasMillis(3);
	}

}
