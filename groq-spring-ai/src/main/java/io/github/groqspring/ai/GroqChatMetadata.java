package io.github.groqspring.ai;

/**
 * The keys under which {@link GroqChatModel} puts what Groq tells about a call into Spring
 * AI's {@code ChatResponseMetadata} ({@code response.getMetadata().get(GroqChatMetadata.SERVED_TIER)}).
 * A key is absent when Groq did not send its value (Spring AI's metadata holds no nulls).
 * Token counts are on {@code getUsage()} as well (cached prompt tokens as
 * {@code getCacheReadInputTokens()}, Groq's own usage record, timings included, as
 * {@code getNativeUsage()}), rate limits on {@code getRateLimit()}, Groq's completion id
 * on {@code getId()}.
 *
 * <p>On a stream every chunk carries the requested tier, the attempts, the tier fallen back
 * from and Groq's request id; the last chunk (the one with the finish reason) carries the
 * rest.
 */
public final class GroqChatMetadata {

	/** The tier that served the call, as Groq echoed it ({@code String}, e.g. {@code on_demand}). */
	public static final String SERVED_TIER = "groq.served-tier";

	/** The tier that was sent ({@code String} wire value); after a fallback, the fallback tier. */
	public static final String REQUESTED_TIER = "groq.requested-tier";

	/** The tier the call fell back from after flex had no capacity ({@code String}, {@code flex}). */
	public static final String FALLBACK_FROM = "groq.fallback-from";

	/** How many requests the call sent, retries and fallback included ({@code Integer}, at least 1). */
	public static final String ATTEMPTS = "groq.attempts";

	/** Groq's request id, {@code x_groq.id} (else the {@code x-request-id} header): the one Groq support asks for ({@code String}). */
	public static final String REQUEST_ID = "groq.request-id";

	/** The region that answered, {@code x-groq-region} ({@code String}). */
	public static final String REGION = "groq.region";

	/** Time queued at Groq ({@code java.time.Duration}). */
	public static final String QUEUE_TIME = "groq.queue-time";

	/** Time Groq spent on the prompt ({@code Duration}). */
	public static final String PROMPT_TIME = "groq.prompt-time";

	/** Time Groq spent generating ({@code Duration}). */
	public static final String COMPLETION_TIME = "groq.completion-time";

	/** Groq's total time ({@code Duration}). */
	public static final String TOTAL_TIME = "groq.total-time";

	/** Prompt tokens served from Groq's prompt cache ({@code Long}); also {@code Usage.getCacheReadInputTokens()}. */
	public static final String CACHED_TOKENS = "groq.cached-tokens";

	/** Tokens a reasoning model spent reasoning ({@code Long}). */
	public static final String REASONING_TOKENS = "groq.reasoning-tokens";

	/**
	 * The key of a reasoning model's reasoning in the {@code AssistantMessage}'s metadata:
	 * Spring AI's OpenAI name, so code reading it works on both. {@code GroqChatModel} never
	 * sends it back (Groq refuses reasoning on assistant messages; Spring AI issue 6968).
	 */
	public static final String REASONING_CONTENT = "reasoningContent";

	private GroqChatMetadata() {
	}

}
