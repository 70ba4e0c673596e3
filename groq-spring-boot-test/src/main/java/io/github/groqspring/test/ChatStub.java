package io.github.groqspring.test;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A standing answer of the {@link GroqEmulator} for chat completions that match: by model,
 * by tier, by a pattern on the last user message (its text parts, when its content is an
 * array of parts), or any predicate. A stub's reply or tool call is sent only to
 * a request that passes Groq's validation; an error or raw body is sent as scripted. Built with
 * {@link GroqEmulator#onChat()}:
 *
 * <pre>{@code
 * emulator.onChat().model("llama-3.3-70b-versatile").promptMatches("(?i)weather").thenReply("Sunny, 21 C");
 * emulator.onChat().tier("flex").thenRespond(EmulatedResponse.flexCapacityExceeded());
 * }</pre>
 */
public final class ChatStub {

	private final GroqEmulator emulator;

	private Predicate<RecordedRequest> matcher = (request) -> true;

	private int times = -1;

	ChatStub(GroqEmulator emulator) {
		this.emulator = emulator;
	}

	/**
	 * Only requests for this model.
	 * @param model the model id
	 * @return this stub
	 */
	public ChatStub model(String model) {
		return matching((request) -> model.equals(request.model()));
	}

	/**
	 * Only requests sent with this tier ({@code null} for none).
	 * @param tier the tier's wire value
	 * @return this stub
	 */
	public ChatStub tier(@Nullable String tier) {
		return matching((request) -> java.util.Objects.equals(tier, request.serviceTier()));
	}

	/**
	 * Only requests whose last user message matches a regular expression (found anywhere);
	 * text parts are joined by line breaks.
	 * @param regex the pattern
	 * @return this stub
	 */
	public ChatStub promptMatches(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return matching((request) -> pattern.matcher(request.lastUserMessage()).find());
	}

	/**
	 * Only requests matching a predicate.
	 * @param predicate the condition
	 * @return this stub
	 */
	public ChatStub matching(Predicate<RecordedRequest> predicate) {
		this.matcher = this.matcher.and(predicate);
		return this;
	}

	/**
	 * Answer only this many matching requests, then step aside.
	 * @param times at least 1
	 * @return this stub
	 */
	public ChatStub times(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
		this.times = times;
		return this;
	}

	/**
	 * Answer matching requests with a completion saying this.
	 * @param content the assistant's text
	 */
	public void thenReply(String content) {
		thenRespond(EmulatedResponse.reply(content));
	}

	/**
	 * Answer matching requests with this (an error, a delay, a fault, a raw body).
	 * @param response the answer
	 */
	public void thenRespond(EmulatedResponse response) {
		this.emulator.addStub(new Rule(this.matcher, response, this.times));
	}

	static final class Rule {

		private final Predicate<RecordedRequest> matcher;

		private final EmulatedResponse response;

		private int remaining;

		Rule(Predicate<RecordedRequest> matcher, EmulatedResponse response, int times) {
			this.matcher = matcher;
			this.response = response;
			this.remaining = times;
		}

		synchronized @Nullable EmulatedResponse answer(RecordedRequest request) {
			if (this.remaining == 0 || !this.matcher.test(request)) {
				return null;
			}
			if (this.remaining > 0) {
				this.remaining--;
			}
			return this.response;
		}

	}

}
