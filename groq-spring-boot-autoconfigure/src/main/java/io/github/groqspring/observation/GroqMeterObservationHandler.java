package io.github.groqspring.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.chat.Usage;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.observation.GroqObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Derives Groq's own meters from each stopped call: token counters (with the cached
 * prompt tokens and the reasoning tokens counted apart, as parts of input and output), the
 * queue-time distribution, the seconds of audio transcribed, translated or spoken, and
 * counters of 498s, 429s and retries (every attempt of a call counts, not only the last). The call's duration is the observation's timer, made by Micrometer's
 * {@code DefaultMeterObservationHandler}.
 */
public class GroqMeterObservationHandler implements ObservationHandler<GroqObservationContext> {

	/** Tokens, counted by {@code gen_ai.token.type} ({@code input}, {@code output}). */
	public static final String TOKEN_USAGE = "groq.client.token.usage";

	/**
	 * Prompt tokens Groq served from its prompt cache: part of the {@code input} tokens of
	 * {@link #TOKEN_USAGE}, billed at half price and not counted toward Groq's rate limits.
	 */
	public static final String CACHED_TOKENS = "groq.client.token.cached";

	/** Tokens a reasoning model spent reasoning: part of the {@code output} tokens of {@link #TOKEN_USAGE}. */
	public static final String REASONING_TOKENS = "groq.client.token.reasoning";

	/** Groq's {@code usage.queue_time}, per tier. */
	public static final String QUEUE_TIME = "groq.client.queue.time";

	/** 498 answers: the flex tier was full. */
	public static final String CAPACITY_EXCEEDED = "groq.client.capacity.exceeded";

	/** 429 answers: a rate limit was hit. */
	public static final String RATE_LIMITED = "groq.client.rate.limited";

	/** Attempts sent again unchanged, tagged with the status of the attempt that failed. */
	public static final String RETRIES = "groq.client.retries";

	/**
	 * Seconds of audio processed: a transcription's or translation's file (when Groq reported
	 * its duration: {@code verbose_json}), or the speech Groq produced; Groq bills and
	 * rate-limits audio by these seconds (with a minimum of 10 s per transcription).
	 */
	public static final String AUDIO_DURATION = "groq.client.audio.duration";

	/** The tag that tells input from output tokens. */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	private static final KeyName[] CALL_KEYS = { LowCardinalityKeyNames.OPERATION_NAME, LowCardinalityKeyNames.SYSTEM,
			LowCardinalityKeyNames.REQUEST_MODEL, LowCardinalityKeyNames.REQUESTED_TIER };

	private static final KeyName[] ANSWER_KEYS = { LowCardinalityKeyNames.RESPONSE_MODEL,
			LowCardinalityKeyNames.SERVED_TIER };

	private final MeterRegistry meterRegistry;

	/**
	 * Create a handler.
	 * @param meterRegistry where the meters go
	 */
	public GroqMeterObservationHandler(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onStop(GroqObservationContext context) {
		Tags call = tags(context, CALL_KEYS);
		Usage usage = context.getUsage();
		if (usage != null) {
			Tags answer = call.and(tags(context, ANSWER_KEYS));
			tokens(answer, "input", usage.promptTokens());
			tokens(answer, "output", usage.completionTokens());
			Counter.builder(CACHED_TOKENS)
				.description("Prompt tokens Groq served from its prompt cache")
				.baseUnit("tokens")
				.tags(answer)
				.register(this.meterRegistry)
				.increment(usage.cachedTokens());
			Counter.builder(REASONING_TOKENS)
				.description("Completion tokens a reasoning model spent reasoning")
				.baseUnit("tokens")
				.tags(answer)
				.register(this.meterRegistry)
				.increment(usage.reasoningTokens());
			Duration queue = usage.queueDuration();
			if (queue != null) {
				Timer.builder(QUEUE_TIME)
					.description("Time Groq queued a request before processing it")
					.tags(answer)
					.register(this.meterRegistry)
					.record(queue);
			}
		}
		Duration audio = context.getAudioDuration();
		if (audio != null) {
			Counter.builder(AUDIO_DURATION)
				.description("Seconds of audio Groq transcribed, translated or spoke")
				.baseUnit("seconds")
				.tags(call)
				.register(this.meterRegistry)
				.increment(audio.toNanos() / 1e9);
		}
		List<Integer> statuses = new ArrayList<>(context.getFailedAttempts());
		if (context.getError() instanceof GroqException groq && groq.getStatusCode() > 0) {
			statuses.add(groq.getStatusCode());
		}
		count(CAPACITY_EXCEEDED, "Groq answers 498: flex tier capacity exceeded", call,
				statuses.stream().filter((status) -> status == FlexCapacityExceededException.STATUS).count());
		count(RATE_LIMITED, "Groq answers 429: rate limit reached", call,
				statuses.stream().filter((status) -> status == 429).count());
		for (int retried : context.getRetriedStatuses()) {
			String status = (retried > 0) ? Integer.toString(retried) : DefaultGroqObservationConvention.NONE;
			count(RETRIES, "Groq attempts sent again", call.and(LowCardinalityKeyNames.STATUS_CODE.asString(), status),
					1);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof GroqObservationContext;
	}

	private void tokens(Tags tags, String type, long count) {
		Counter.builder(TOKEN_USAGE)
			.description("Tokens Groq processed")
			.baseUnit("tokens")
			.tags(tags)
			.tag(TOKEN_TYPE, type)
			.register(this.meterRegistry)
			.increment(count);
	}

	private void count(String name, String description, Tags tags, long count) {
		if (count > 0) {
			Counter.builder(name).description(description).tags(tags).register(this.meterRegistry).increment(count);
		}
	}

	private static Tags tags(GroqObservationContext context, KeyName... keys) {
		List<Tag> tags = new ArrayList<>(keys.length);
		for (KeyName key : keys) {
			KeyValue value = context.getLowCardinalityKeyValue(key.asString());
			if (value != null) {
				tags.add(Tag.of(value.getKey(), value.getValue()));
			}
		}
		return Tags.of(tags);
	}

}
