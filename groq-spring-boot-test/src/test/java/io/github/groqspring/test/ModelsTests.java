package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import io.github.groqspring.test.EmulatedModel.Capability;
import io.github.groqspring.test.EmulatedModel.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The model catalogue and the models endpoints. */
@ExtendWith(GroqEmulatorExtension.class)
class ModelsTests {

	static GroqEmulator emulator;

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theCatalogueHoldsGroqsProductionAndPreviewModelsWithTheirLimits() {
		assertThat(GroqModelCatalogue.defaults()).extracting(EmulatedModel::id)
			.startsWith("llama-3.1-8b-instant", "llama-3.3-70b-versatile", "openai/gpt-oss-120b", "openai/gpt-oss-20b",
					"whisper-large-v3", "whisper-large-v3-turbo", "groq/compound", "groq/compound-mini")
			.contains("meta-llama/llama-4-scout-17b-16e-instruct", "qwen/qwen3-32b", "moonshotai/kimi-k2-instruct-0905")
			.doesNotHaveDuplicates();
		assertThat(model("openai/gpt-oss-120b")).isEqualTo(new EmulatedModel("openai/gpt-oss-120b", "OpenAI",
				1754408224L, 131_072, 65_536, Set.of(Capability.CHAT, Capability.TOOL_USE, Capability.JSON_SCHEMA,
						Capability.REASONING, Capability.BUILT_IN_TOOLS),
				Stage.PRODUCTION));
		assertThat(model("qwen/qwen3-32b").maxCompletionTokens()).isEqualTo(40_960);
		assertThat(model("moonshotai/kimi-k2-instruct-0905").contextWindow()).isEqualTo(262_144);
		assertThat(model("llama-3.3-70b-versatile").can(Capability.JSON_SCHEMA)).isFalse();
		assertThat(model("meta-llama/llama-4-scout-17b-16e-instruct").can(Capability.VISION)).isTrue();
		assertThat(model("groq/compound").can(Capability.COMPOUND)).isTrue();
		assertThat(model("whisper-large-v3").capabilities()).containsExactly(Capability.SPEECH_TO_TEXT);
		assertThat(model("canopylabs/orpheus-v1-english").capabilities()).containsExactly(Capability.TEXT_TO_SPEECH);
	}

	@Test
	void listsTheCatalogueInGroqsShape() throws Exception {
		JsonNode list = get("/openai/v1/models");
		assertThat(list.get("object").asString()).isEqualTo("list");
		assertThat(list.get("data")).hasSize(GroqModelCatalogue.defaults().size());
		assertThat(list.at("/data/1").toString()).isEqualTo("{\"id\":\"llama-3.3-70b-versatile\",\"object\":\"model\","
				+ "\"created\":1733447754,\"owned_by\":\"Meta\",\"active\":true,\"context_window\":131072,"
				+ "\"public_apps\":null,\"max_completion_tokens\":32768}");
		assertThat(get("/openai/v1/models/openai/gpt-oss-20b").get("max_completion_tokens").asInt()).isEqualTo(65_536);
	}

	@Test
	void addedReplacedAndRemovedModelsAreServedAndCheckedSoUntilReset() throws Exception {
		emulator.addModel(EmulatedModel.chat("acme/tiny", "Acme", 2_048, 16))
			.addModel(model("llama-3.1-8b-instant").with(Capability.JSON_SCHEMA))
			.removeModel("allam-2-7b");
		assertThat(get("/openai/v1/models/acme/tiny").get("owned_by").asString()).isEqualTo("Acme");
		assertThat(post("{\"model\":\"acme/tiny\",\"max_tokens\":17,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
			.body()).contains("`max_tokens` must be less than or equal to `16`");
		assertThat(post("""
				{"model":"llama-3.1-8b-instant","messages":[{"role":"user","content":"x"}],
				 "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}}}""")
			.statusCode()).isEqualTo(200);
		assertThat(post("{\"model\":\"allam-2-7b\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").statusCode())
			.isEqualTo(404);
		assertThat(emulator.models()).extracting(EmulatedModel::id).contains("acme/tiny").doesNotContain("allam-2-7b");
		assertThatIllegalArgumentException().isThrownBy(() -> emulator.removeModel("nope"))
			.withMessage("The emulator serves no model nope");
		emulator.reset();
		assertThat(emulator.models()).isEqualTo(GroqModelCatalogue.defaults());
	}

	@Test
	void addModelByIdServesAToolUsingChatModel() throws Exception {
		emulator.addModel("my-org/fine-tune");
		assertThat(model(emulator, "my-org/fine-tune")).isEqualTo(new EmulatedModel("my-org/fine-tune", "Emulator",
				1_700_000_000L, 131_072, 32_768, Set.of(Capability.CHAT, Capability.TOOL_USE), Stage.PREVIEW));
	}

	@Test
	void refusesAnInvalidModel() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatedModel.chat(" ", "x", 1, 1))
			.withMessage("A model id must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatedModel.chat("m", "x", 0, 1))
			.withMessage("Model m: context window and completion limit must be positive");
	}

	@Test
	void idsAreUlidsUniqueAndOrderedEvenWithinOneMillisecond() {
		Set<String> ids = new HashSet<>();
		String previous = "";
		for (int i = 0; i < 10_000; i++) {
			String id = Ids.ulid();
			assertThat(id).hasSize(26).matches("01[0-9a-hjkmnp-tv-z]{24}");
			assertThat(id).isGreaterThan(previous);
			previous = id;
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

	private static EmulatedModel model(String id) {
		return GroqModelCatalogue.defaults().stream().filter((model) -> model.id().equals(id)).findFirst().orElseThrow();
	}

	private static EmulatedModel model(GroqEmulator groq, String id) {
		return groq.models().stream().filter((model) -> model.id().equals(id)).findFirst().orElseThrow();
	}

	private static JsonNode get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireFormat.JSON.readTree(response.body());
	}

	private static HttpResponse<String> post(String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + GroqEmulator.CHAT_COMPLETIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
