package io.github.groqspring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Groq's {@code compound_custom}: which models and built-in tools a compound system uses.
 *
 * <p><b>Groq decommissioned its compound systems</b> ({@code groq/compound} and
 * {@code groq/compound-mini}) on 2026-09-21: requests to them now fail with
 * {@code model_decommissioned}. The type stays because Groq's SDKs and API reference still
 * have the field; for web search and code execution today, use a GPT-OSS model with
 * {@link Tool#browserSearch()} or {@link Tool#codeInterpreter()}.
 *
 * @param models the models the system reasons and answers with
 * @param tools the built-in tools it may run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompoundCustom(@Nullable Models models, @Nullable Tools tools) {

	/** Compound's web search. */
	public static final String WEB_SEARCH = "web_search";

	/** Compound's code execution. */
	public static final String CODE_INTERPRETER = "code_interpreter";

	/** Compound's page visits. */
	public static final String VISIT_WEBSITE = "visit_website";

	/** Compound's browser automation (needs {@link #WEB_SEARCH} enabled too). */
	public static final String BROWSER_AUTOMATION = "browser_automation";

	/** Compound's Wolfram Alpha queries (needs {@link WolframSettings}). */
	public static final String WOLFRAM_ALPHA = "wolfram_alpha";

	/**
	 * Only these built-in tools.
	 * @param enabledTools e.g. {@link #WEB_SEARCH}, {@link #CODE_INTERPRETER}
	 * @return the settings
	 */
	public static CompoundCustom enabledTools(String... enabledTools) {
		return new CompoundCustom(null, new Tools(List.of(enabledTools), null));
	}

	/**
	 * The models a compound system uses.
	 *
	 * @param reasoningModel the model that plans and calls tools, e.g.
	 * {@code openai/gpt-oss-120b}
	 * @param answeringModel the model that writes the answer
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Models(@JsonProperty("reasoning_model") @Nullable String reasoningModel,
			@JsonProperty("answering_model") @Nullable String answeringModel) {
	}

	/**
	 * The built-in tools a compound system may run.
	 *
	 * @param enabledTools the tool ids: {@link #WEB_SEARCH}, {@link #CODE_INTERPRETER},
	 * {@link #VISIT_WEBSITE}, {@link #BROWSER_AUTOMATION}, {@link #WOLFRAM_ALPHA}
	 * @param wolframSettings the Wolfram Alpha key, for {@link #WOLFRAM_ALPHA}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Tools(@JsonProperty("enabled_tools") @Nullable List<String> enabledTools,
			@JsonProperty("wolfram_settings") @Nullable WolframSettings wolframSettings) {

		public Tools {
			enabledTools = (enabledTools != null) ? List.copyOf(enabledTools) : null;
		}

	}

	/**
	 * Wolfram Alpha settings.
	 *
	 * @param authorization your Wolfram Alpha app id: a secret, masked in {@link #toString()}
	 */
	public record WolframSettings(String authorization) {

		@Override
		public String toString() {
			return "WolframSettings[authorization=******]";
		}

	}

}
