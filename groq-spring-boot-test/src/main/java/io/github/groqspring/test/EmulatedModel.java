package io.github.groqspring.test;

import java.util.EnumSet;
import java.util.Set;

/**
 * One model the {@link GroqEmulator} serves: what {@code GET /openai/v1/models} lists for it
 * and the limits and capabilities the chat validation checks against.
 *
 * <pre>{@code
 * groq.addModel(EmulatedModel.chat("my-org/fine-tuned", "My Org", 32_768, 8_192)
 *     .with(EmulatedModel.Capability.TOOL_USE));
 * }</pre>
 *
 * @param id the model id, e.g. {@code llama-3.3-70b-versatile}
 * @param ownedBy Groq's {@code owned_by}, e.g. {@code Meta}
 * @param created Groq's {@code created}, epoch seconds
 * @param contextWindow Groq's {@code context_window}
 * @param maxCompletionTokens Groq's {@code max_completion_tokens}: a larger
 * {@code max_completion_tokens} (or {@code max_tokens}) is refused with Groq's 400
 * @param capabilities what the model can do
 * @param stage whether Groq lists it as a production or a preview model
 */
public record EmulatedModel(String id, String ownedBy, long created, int contextWindow, int maxCompletionTokens,
		Set<Capability> capabilities, Stage stage) {

	public EmulatedModel {
		if (id.isBlank()) {
			throw new IllegalArgumentException("A model id must not be blank");
		}
		if (contextWindow < 1 || maxCompletionTokens < 1) {
			throw new IllegalArgumentException("Model " + id + ": context window and completion limit must be positive");
		}
		capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
	}

	/**
	 * A chat model with no capabilities beyond plain chat, in preview.
	 * @param id the model id
	 * @param ownedBy the owner Groq names
	 * @param contextWindow the context window in tokens
	 * @param maxCompletionTokens the most completion tokens a request may ask for
	 * @return the model
	 */
	public static EmulatedModel chat(String id, String ownedBy, int contextWindow, int maxCompletionTokens) {
		return new EmulatedModel(id, ownedBy, 1_700_000_000L, contextWindow, maxCompletionTokens,
				Set.of(Capability.CHAT), Stage.PREVIEW);
	}

	/**
	 * This model with more capabilities.
	 * @param more the capabilities to add
	 * @return a copy
	 */
	public EmulatedModel with(Capability... more) {
		EnumSet<Capability> all = this.capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
				: EnumSet.copyOf(this.capabilities);
		all.addAll(Set.of(more));
		return new EmulatedModel(this.id, this.ownedBy, this.created, this.contextWindow, this.maxCompletionTokens, all,
				this.stage);
	}

	/**
	 * This model at another stage.
	 * @param stage production or preview
	 * @return a copy
	 */
	public EmulatedModel at(Stage stage) {
		return new EmulatedModel(this.id, this.ownedBy, this.created, this.contextWindow, this.maxCompletionTokens,
				this.capabilities, stage);
	}

	/**
	 * This model with Groq's {@code created} timestamp.
	 * @param epochSeconds the timestamp
	 * @return a copy
	 */
	public EmulatedModel createdAt(long epochSeconds) {
		return new EmulatedModel(this.id, this.ownedBy, epochSeconds, this.contextWindow, this.maxCompletionTokens,
				this.capabilities, this.stage);
	}

	/**
	 * Whether the model has a capability.
	 * @param capability the capability
	 * @return {@code true} when it has
	 */
	public boolean can(Capability capability) {
		return this.capabilities.contains(capability);
	}

	/** What a model can do; the chat validation refuses what a model cannot. */
	public enum Capability {

		/** Answers chat completions (speech and TTS models do not). */
		CHAT,

		/** Accepts function {@code tools} and {@code tool_choice}. */
		TOOL_USE,

		/** Accepts {@code response_format} {@code json_schema} (best-effort or strict). */
		JSON_SCHEMA,

		/** Accepts image content parts. */
		VISION,

		/** A reasoning model: {@code reasoning} on assistant messages is accepted. */
		REASONING,

		/** A compound system that runs Groq's built-in tools server-side. */
		COMPOUND,

		/** Groq's built-in {@code browser_search} and {@code code_interpreter} tools. */
		BUILT_IN_TOOLS,

		/** A content-moderation model. */
		MODERATION,

		/** Speech to text ({@code /audio/transcriptions}, {@code /audio/translations}). */
		SPEECH_TO_TEXT,

		/** Text to speech ({@code /audio/speech}). */
		TEXT_TO_SPEECH

	}

	/** How Groq's models page lists a model. */
	public enum Stage {

		/** Production models and systems. */
		PRODUCTION,

		/** Preview models: for evaluation, may be withdrawn at short notice. */
		PREVIEW

	}

}
