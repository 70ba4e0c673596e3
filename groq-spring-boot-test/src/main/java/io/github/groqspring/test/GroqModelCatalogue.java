package io.github.groqspring.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.groqspring.test.EmulatedModel.Capability;
import io.github.groqspring.test.EmulatedModel.Stage;

import static io.github.groqspring.test.EmulatedModel.Capability.BUILT_IN_TOOLS;
import static io.github.groqspring.test.EmulatedModel.Capability.CHAT;
import static io.github.groqspring.test.EmulatedModel.Capability.COMPOUND;
import static io.github.groqspring.test.EmulatedModel.Capability.JSON_SCHEMA;
import static io.github.groqspring.test.EmulatedModel.Capability.MODERATION;
import static io.github.groqspring.test.EmulatedModel.Capability.REASONING;
import static io.github.groqspring.test.EmulatedModel.Capability.SPEECH_TO_TEXT;
import static io.github.groqspring.test.EmulatedModel.Capability.TEXT_TO_SPEECH;
import static io.github.groqspring.test.EmulatedModel.Capability.TOOL_USE;
import static io.github.groqspring.test.EmulatedModel.Capability.VISION;

/**
 * The models a new {@link GroqEmulator} serves: Groq's production and preview models.
 * <p>
 * Sources: ids, {@code owned_by}, {@code created}, {@code context_window} and
 * {@code max_completion_tokens} are those of a captured {@code GET /openai/v1/models}
 * answer of February 2026; production or preview is console.groq.com/docs/models; the
 * capabilities come from Groq's docs pages for tool use, structured outputs (json_schema:
 * GPT-OSS, Kimi K2, Llama 4), vision (Llama 4), reasoning (GPT-OSS, Qwen 3), compound
 * and built-in tools. Groq changes its catalogue often: add or replace models with
 * {@link GroqEmulator#addModel(EmulatedModel)} and {@link GroqEmulator#removeModel(String)}.
 * Of the models Groq added after the capture, {@code qwen/qwen3.8-27b} is served (vision,
 * tools, reasoning, JSON schema; context window 131,042 and 16,384 completion tokens, as
 * models.dev records Groq's listing; its {@code created} is the emulator's); whether
 * {@code qwen/qwen3.6-27b} is still served is unconfirmed, so it is left out.
 * <p>
 * Groq has decommissioned some of these models since the capture
 * ({@link #decommissionedSinceCapture()}). They stay served by default, since tests written
 * against the emulator use them; {@link GroqEmulator#decommission(String...)} or
 * {@link GroqEmulator#decommissionRetiredModels()} make them answer as Groq does today.
 */
public final class GroqModelCatalogue {

	private static final List<EmulatedModel> DEFAULTS = List.of(
			// Production models
			model("llama-3.1-8b-instant", "Meta", 1693721698L, 131_072, 131_072, Stage.PRODUCTION, TOOL_USE),
			model("llama-3.3-70b-versatile", "Meta", 1733447754L, 131_072, 32_768, Stage.PRODUCTION, TOOL_USE),
			model("openai/gpt-oss-120b", "OpenAI", 1754408224L, 131_072, 65_536, Stage.PRODUCTION, TOOL_USE,
					JSON_SCHEMA, REASONING, BUILT_IN_TOOLS),
			model("openai/gpt-oss-20b", "OpenAI", 1754407957L, 131_072, 65_536, Stage.PRODUCTION, TOOL_USE,
					JSON_SCHEMA, REASONING, BUILT_IN_TOOLS),
			audio("whisper-large-v3", 1693721698L, SPEECH_TO_TEXT),
			audio("whisper-large-v3-turbo", 1728413088L, SPEECH_TO_TEXT),
			// Production systems
			model("groq/compound", "Groq", 1756949530L, 131_072, 8_192, Stage.PRODUCTION, COMPOUND, TOOL_USE),
			model("groq/compound-mini", "Groq", 1756949707L, 131_072, 8_192, Stage.PRODUCTION, COMPOUND, TOOL_USE),
			// Preview models
			model("meta-llama/llama-4-maverick-17b-128e-instruct", "Meta", 1743877158L, 131_072, 8_192, Stage.PREVIEW,
					TOOL_USE, JSON_SCHEMA, VISION),
			model("meta-llama/llama-4-scout-17b-16e-instruct", "Meta", 1743874824L, 131_072, 8_192, Stage.PREVIEW,
					TOOL_USE, JSON_SCHEMA, VISION),
			model("meta-llama/llama-guard-4-12b", "Meta", 1746743847L, 131_072, 1_024, Stage.PREVIEW, MODERATION,
					VISION),
			model("meta-llama/llama-prompt-guard-2-22m", "Meta", 1748632101L, 512, 512, Stage.PREVIEW, MODERATION),
			model("meta-llama/llama-prompt-guard-2-86m", "Meta", 1748632165L, 512, 512, Stage.PREVIEW, MODERATION),
			model("moonshotai/kimi-k2-instruct", "Moonshot AI", 1752435491L, 131_072, 16_384, Stage.PREVIEW, TOOL_USE,
					JSON_SCHEMA),
			model("moonshotai/kimi-k2-instruct-0905", "Moonshot AI", 1757046093L, 262_144, 16_384, Stage.PREVIEW,
					TOOL_USE, JSON_SCHEMA),
			model("openai/gpt-oss-safeguard-20b", "OpenAI", 1761708789L, 131_072, 65_536, Stage.PREVIEW, MODERATION,
					REASONING, JSON_SCHEMA),
			model("qwen/qwen3-32b", "Alibaba Cloud", 1748396646L, 131_072, 40_960, Stage.PREVIEW, TOOL_USE, REASONING),
			model("allam-2-7b", "SDAIA", 1737672203L, 4_096, 4_096, Stage.PREVIEW),
			model("qwen/qwen3.8-27b", "Alibaba Cloud", 1787875200L, 131_042, 16_384, Stage.PREVIEW, TOOL_USE,
					JSON_SCHEMA, REASONING, VISION),
			audio("canopylabs/orpheus-v1-english", 1766186316L, TEXT_TO_SPEECH),
			audio("canopylabs/orpheus-arabic-saudi", 1765926439L, TEXT_TO_SPEECH));

	/**
	 * Groq's decommissions of catalogue models after the February 2026 capture, each with
	 * its date (console.groq.com/docs/deprecations as quoted in public issues).
	 */
	private static final Map<String, String> DECOMMISSIONED_SINCE_CAPTURE = decommissioned();

	private GroqModelCatalogue() {
	}

	/**
	 * The models of {@link #defaults()} that Groq decommissioned after the catalogue's
	 * capture, with the date Groq did: served by default all the same (see the class
	 * comment).
	 * @return model id to the ISO date Groq gave, or {@code unknown} where no source gives one
	 */
	public static Map<String, String> decommissionedSinceCapture() {
		return DECOMMISSIONED_SINCE_CAPTURE;
	}

	private static Map<String, String> decommissioned() {
		Map<String, String> models = new LinkedHashMap<>();
		models.put("meta-llama/llama-4-maverick-17b-128e-instruct", "2026-03-09");
		models.put("meta-llama/llama-4-scout-17b-16e-instruct", "2026-07-17");
		models.put("qwen/qwen3-32b", "2026-07-17");
		models.put("moonshotai/kimi-k2-instruct", "unknown");
		models.put("moonshotai/kimi-k2-instruct-0905", "unknown");
		models.put("groq/compound", "2026-09-21");
		models.put("groq/compound-mini", "2026-09-21");
		return java.util.Collections.unmodifiableMap(models);
	}

	/**
	 * Groq's models as this emulator knows them.
	 * @return the models, production first
	 */
	public static List<EmulatedModel> defaults() {
		return DEFAULTS;
	}

	private static EmulatedModel model(String id, String ownedBy, long created, int contextWindow,
			int maxCompletionTokens, Stage stage, Capability... capabilities) {
		return new EmulatedModel(id, ownedBy, created, contextWindow, maxCompletionTokens, Set.of(CHAT), stage)
			.with(capabilities);
	}

	/** Speech models: Groq lists whisper at 448/448 and Orpheus TTS at 4000/50000. */
	private static EmulatedModel audio(String id, long created, Capability kind) {
		boolean speech = kind == SPEECH_TO_TEXT;
		return new EmulatedModel(id, speech ? "OpenAI" : "Canopy Labs", created, speech ? 448 : 4_000,
				speech ? 448 : 50_000, Set.of(kind), speech ? Stage.PRODUCTION : Stage.PREVIEW);
	}

}
