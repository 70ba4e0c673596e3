package io.github.groqspring.internal.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ContentPart;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.chat.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Estimates what a chat completion will cost against Groq's token limit before it is sent,
 * and learns per model from the usage Groq reports.
 *
 * <p>The prompt: its characters (message texts, tool-call arguments, document data; an image
 * counts as {@value #IMAGE_CHARS} characters, a message's framing as
 * {@value #MESSAGE_OVERHEAD_CHARS}) times the model's tokens per character. That ratio starts
 * at {@code 1 / charsPerToken} (4 characters per token: the rule of thumb for English with
 * Llama-family and GPT tokenizers) and then follows the model's observed
 * {@code prompt_tokens / characters} (an exponential moving average, weight
 * {@value #WEIGHT}), which also absorbs what the characters miss: tool definitions, chat
 * templates, other languages. The completion: the model's average {@code completion_tokens}
 * so far (same average), starting at the configured guess, never more than the request's
 * {@code max_completion_tokens}; or all of {@code max_completion_tokens} when the settings
 * say Groq counts them on admission. Whatever the estimate misses is reconciled when the
 * answer's usage arrives, and corrected by Groq's remaining-tokens header.
 */
public final class TokenEstimator {

	/** Characters an image part is taken to be worth (about 1,000 tokens at 4 characters per token). */
	static final int IMAGE_CHARS = 4096;

	/** Characters a message's role and framing are taken to be worth. */
	static final int MESSAGE_OVERHEAD_CHARS = 16;

	/** Weight of the newest observation in the moving averages. */
	static final double WEIGHT = 0.2;

	/** What the JVM has learned per model: shared, since a model's tokenizer is the same for every caller. */
	private static final Map<String, ModelStats> LEARNED = new ConcurrentHashMap<>();

	private final double initialTokensPerChar;

	private final long initialCompletionTokens;

	private final boolean reserveMaxCompletionTokens;

	/**
	 * Create an estimator.
	 * @param charsPerToken characters per token before a model's ratio is learned
	 * @param completionTokens completion tokens before a model's average is learned
	 * @param reserveMaxCompletionTokens whether a request's {@code max_completion_tokens} is
	 * reserved whole
	 */
	public TokenEstimator(double charsPerToken, long completionTokens, boolean reserveMaxCompletionTokens) {
		this.initialTokensPerChar = 1 / charsPerToken;
		this.initialCompletionTokens = completionTokens;
		this.reserveMaxCompletionTokens = reserveMaxCompletionTokens;
	}

	/**
	 * The characters of a request's prompt, as the estimate counts them.
	 * @param request the request
	 * @return the characters
	 */
	public static long promptChars(ChatRequest request) {
		long chars = 0;
		for (ChatMessage message : request.messages()) {
			chars += MESSAGE_OVERHEAD_CHARS;
			if (message.content() != null) {
				chars += message.content().length();
			}
			List<ContentPart> parts = message.parts();
			if (parts != null) {
				for (ContentPart part : parts) {
					chars += partChars(part);
				}
			}
			List<ToolCall> calls = message.toolCalls();
			if (calls != null) {
				for (ToolCall call : calls) {
					chars += call.function().name().length() + call.function().arguments().length();
				}
			}
		}
		return chars;
	}

	private static long partChars(ContentPart part) {
		if (part instanceof ContentPart.TextPart text) {
			return text.text().length();
		}
		if (part instanceof ContentPart.ImagePart) {
			return IMAGE_CHARS;
		}
		return (part instanceof ContentPart.DocumentPart document) ? document.document().data().toString().length()
				: 0;
	}

	/**
	 * Estimate a request's tokens.
	 * @param model the model
	 * @param promptChars its prompt's characters ({@link #promptChars})
	 * @param maxCompletionTokens its {@code max_completion_tokens}, or {@code null}
	 * @return the estimated prompt plus completion tokens, at least 1
	 */
	public long estimate(String model, long promptChars, @Nullable Integer maxCompletionTokens) {
		ModelStats stats = LEARNED.get(model);
		double perChar = (stats != null && stats.tokensPerChar > 0) ? stats.tokensPerChar : this.initialTokensPerChar;
		long completion;
		if (this.reserveMaxCompletionTokens && maxCompletionTokens != null) {
			completion = maxCompletionTokens;
		}
		else {
			completion = (stats != null && stats.completionTokens >= 0) ? Math.round(stats.completionTokens)
					: this.initialCompletionTokens;
			if (maxCompletionTokens != null) {
				completion = Math.min(completion, maxCompletionTokens);
			}
		}
		return Math.max(1, (long) Math.ceil(promptChars * perChar) + completion);
	}

	/**
	 * Learn from the usage Groq reported for a request.
	 * @param model the model
	 * @param promptChars the request's prompt characters
	 * @param usage the usage
	 */
	public void learn(String model, long promptChars, Usage usage) {
		ModelStats stats = LEARNED.computeIfAbsent(model, (name) -> new ModelStats());
		if (promptChars > 0 && usage.promptTokens() > 0) {
			stats.tokensPerChar = average(stats.tokensPerChar, (double) usage.promptTokens() / promptChars);
		}
		if (usage.completionTokens() >= 0) {
			stats.completionTokens = average(stats.completionTokens, usage.completionTokens());
		}
	}

	/** Forget what was learned, for tests. */
	static void forgetAll() {
		LEARNED.clear();
	}

	private static double average(double current, double observed) {
		return (current < 0) ? observed : current + WEIGHT * (observed - current);
	}

	/** A model's learned averages, -1 until observed. Updates may race: a lost update only slows learning. */
	private static final class ModelStats {

		private volatile double tokensPerChar = -1;

		private volatile double completionTokens = -1;

	}

}
