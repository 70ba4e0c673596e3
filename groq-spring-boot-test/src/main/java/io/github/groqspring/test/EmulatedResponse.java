package io.github.groqspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A scripted answer for the {@link GroqEmulator}: an error in Groq's shape, a chosen reply,
 * or any raw response, optionally delayed.
 *
 * @param status the HTTP status
 * @param headers extra headers
 * @param body the body, or {@code null} to let the emulator answer as usual (with
 * {@link #reply(String)})
 * @param content the reply's text for a normal completion, or {@code null}
 * @param delay how long to wait before answering
 * @param fault how the answer is broken on the wire, {@link Fault#NONE} for not at all
 * @param dripInterval with {@link Fault#DRIP}, the pause between two 16-byte pieces
 * @param toolCalls the tool calls of a completion that calls tools (finish reason
 * {@code tool_calls}), empty for a text reply
 * @param finishReason the finish reason of a scripted completion, {@code null} for the one
 * the emulator works out ({@code stop}, {@code length} when {@code max_completion_tokens}
 * cuts the reply, {@code tool_calls})
 * @param extras reasoning, executed tools, annotations and cached or reasoning tokens of a
 * scripted completion, over what the emulator works out itself
 */
public record EmulatedResponse(int status, Map<String, String> headers, byte @Nullable [] body,
		@Nullable String content, Duration delay, Fault fault, Duration dripInterval, List<ToolCall> toolCalls,
		@Nullable String finishReason, AnswerExtras extras) {

	public EmulatedResponse {
		headers = Map.copyOf(headers);
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * A response with nothing beside its text or tool calls.
	 * @param status the HTTP status
	 * @param headers extra headers
	 * @param body the body, or {@code null} to let the emulator answer as usual
	 * @param content the reply's text for a normal completion, or {@code null}
	 * @param delay how long to wait before answering
	 * @param fault how the answer is broken on the wire
	 * @param dripInterval with {@link Fault#DRIP}, the pause between two 16-byte pieces
	 * @param toolCalls the tool calls of a completion that calls tools
	 * @param finishReason the finish reason, or {@code null} for the one the emulator works out
	 */
	public EmulatedResponse(int status, Map<String, String> headers, byte @Nullable [] body, @Nullable String content,
			Duration delay, Fault fault, Duration dripInterval, List<ToolCall> toolCalls,
			@Nullable String finishReason) {
		this(status, headers, body, content, delay, fault, dripInterval, toolCalls, finishReason, AnswerExtras.NONE);
	}

	/**
	 * A response whose finish reason the emulator works out.
	 * @param status the HTTP status
	 * @param headers extra headers
	 * @param body the body, or {@code null} to let the emulator answer as usual
	 * @param content the reply's text for a normal completion, or {@code null}
	 * @param delay how long to wait before answering
	 * @param fault how the answer is broken on the wire
	 * @param dripInterval with {@link Fault#DRIP}, the pause between two 16-byte pieces
	 * @param toolCalls the tool calls of a completion that calls tools
	 */
	public EmulatedResponse(int status, Map<String, String> headers, byte @Nullable [] body, @Nullable String content,
			Duration delay, Fault fault, Duration dripInterval, List<ToolCall> toolCalls) {
		this(status, headers, body, content, delay, fault, dripInterval, toolCalls, null);
	}

	EmulatedResponse(int status, Map<String, String> headers, byte @Nullable [] body, @Nullable String content,
			Duration delay) {
		this(status, headers, body, content, delay, Fault.NONE, Duration.ZERO, List.of(), null);
	}

	/**
	 * A normal completion whose connection is cut after half of its body.
	 * @return the response
	 */
	public static EmulatedResponse resetMidBody() {
		return reply("This answer never arrives whole.").withFault(Fault.RESET_MID_BODY, Duration.ZERO);
	}

	/**
	 * Accept the request and never answer, until the client gives up or the emulator closes.
	 * @return the response
	 */
	public static EmulatedResponse noAnswer() {
		return new EmulatedResponse(200, Map.of(), null, null, Duration.ZERO, Fault.NO_ANSWER, Duration.ZERO, List.of(),
				null);
	}

	/**
	 * A normal completion sent 16 bytes at a time with a pause between pieces.
	 * @param interval the pause
	 * @return the response
	 */
	public static EmulatedResponse drip(Duration interval) {
		return reply("Slow and steady, one piece at a time.").withFault(Fault.DRIP, interval);
	}

	/**
	 * A normal completion whose message says this.
	 * @param content the assistant's text
	 * @return the response
	 */
	public static EmulatedResponse reply(String content) {
		return new EmulatedResponse(200, Map.of(), null, content, Duration.ZERO);
	}

	/**
	 * A completion cut by the token limit, as Groq answers when {@code max_completion_tokens}
	 * runs out before the model is done: this (partial) text as the content and
	 * {@code finish_reason} {@code length}. Streamed too, when the request streams.
	 * @param partialContent the text the model got out before the limit
	 * @return the response
	 */
	public static EmulatedResponse lengthCut(String partialContent) {
		return reply(partialContent).withFinishReason("length");
	}

	/**
	 * An error with Groq's error body.
	 * @param status the status, e.g. 400
	 * @param type Groq's error type
	 * @param code Groq's error code, may be {@code null}
	 * @param message Groq's message
	 * @return the response
	 */
	public static EmulatedResponse error(int status, String type, @Nullable String code, String message) {
		return json(status, WireFormat.errorBody(type, code, message, null));
	}

	/**
	 * Groq's 498 for a full flex tier. The errors page documents the status ("Flex Tier
	 * Capacity Exceeded", retry later) and the error {@code capacity_exceeded}; the exact
	 * body is unconfirmed, so match on the status, not the text.
	 * @return the response
	 */
	public static EmulatedResponse flexCapacityExceeded() {
		return error(498, "capacity_exceeded", "capacity_exceeded",
				"Flex Tier Capacity Exceeded: the flex tier is at capacity and the request will not be processed. "
						+ "Please try again later.");
	}

	/**
	 * Groq's 429 with a {@code retry-after} header.
	 * @param retryAfterSeconds the seconds Groq asks the caller to wait
	 * @return the response
	 */
	public static EmulatedResponse rateLimited(long retryAfterSeconds) {
		return error(429, "tokens", "rate_limit_exceeded",
				"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_emulated` service tier "
						+ "`on_demand` on tokens per minute (TPM): Limit 12000, Used 4437, Requested 9854. "
						+ "Please try again in " + retryAfterSeconds + "s.")
			.withHeader("retry-after", Long.toString(retryAfterSeconds));
	}

	/**
	 * Any response.
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 * @return the response
	 */
	public static EmulatedResponse raw(int status, String contentType, String body) {
		return new EmulatedResponse(status, Map.of("content-type", contentType), body.getBytes(StandardCharsets.UTF_8),
				null, Duration.ZERO);
	}

	/**
	 * A completion in which the model calls one tool instead of answering: the message has
	 * {@code tool_calls} and no content, the finish reason is {@code tool_calls}. A streamed
	 * request gets the call in one delta, as Groq streams it. Without a script, a request
	 * whose {@code tool_choice} is {@code required} or names a function gets a tool call too.
	 * @param id the call's id, echoed by the tool message that answers it
	 * @param name the function's name
	 * @param argumentsJson the arguments, a JSON object as text
	 * @return the response
	 */
	public static EmulatedResponse toolCall(String id, String name, String argumentsJson) {
		return toolCalls(new ToolCall(id, name, argumentsJson));
	}

	/**
	 * A completion in which the model calls several tools at once (parallel tool calls).
	 * @param calls the calls, at least one
	 * @return the response
	 */
	public static EmulatedResponse toolCalls(ToolCall... calls) {
		if (calls.length == 0) {
			throw new IllegalArgumentException("A tool-call completion needs at least one call");
		}
		return new EmulatedResponse(200, Map.of(), null, null, Duration.ZERO, Fault.NONE, Duration.ZERO,
				List.of(calls), null);
	}

	static EmulatedResponse json(int status, String body) {
		return raw(status, "application/json", body);
	}

	/**
	 * This response with one more header.
	 * @param name the header's name
	 * @param value its value
	 * @return a copy
	 */
	public EmulatedResponse withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new EmulatedResponse(this.status, copy, this.body, this.content, this.delay, this.fault,
				this.dripInterval, this.toolCalls, this.finishReason, this.extras);
	}

	/**
	 * This response, sent only after a delay.
	 * @param delay how long to wait
	 * @return a copy
	 */
	public EmulatedResponse delayedBy(Duration delay) {
		return new EmulatedResponse(this.status, this.headers, this.body, this.content, delay, this.fault,
				this.dripInterval, this.toolCalls, this.finishReason, this.extras);
	}

	/**
	 * This response, broken on the wire in the same way as another.
	 * @param fault the fault
	 * @param dripInterval the pause between pieces, for {@link Fault#DRIP}
	 * @return a copy
	 */
	public EmulatedResponse withFault(Fault fault, Duration dripInterval) {
		return new EmulatedResponse(this.status, this.headers, this.body, this.content, this.delay, fault, dripInterval,
				this.toolCalls, this.finishReason, this.extras);
	}

	/**
	 * This completion with another finish reason, e.g. {@code length} or
	 * {@code content_filter}.
	 * @param finishReason the reason
	 * @return a copy
	 */
	public EmulatedResponse withFinishReason(String finishReason) {
		return new EmulatedResponse(this.status, this.headers, this.body, this.content, this.delay, this.fault,
				this.dripInterval, this.toolCalls, finishReason, this.extras);
	}

	/**
	 * This completion with a reasoning model's {@code reasoning} on its message (streamed as
	 * {@code delta.reasoning} pieces before the content), its words counted as
	 * {@code completion_tokens_details.reasoning_tokens}.
	 * @param reasoning the reasoning
	 * @return a copy
	 */
	public EmulatedResponse withReasoning(String reasoning) {
		return withExtras(this.extras.withReasoning(reasoning));
	}

	/**
	 * This completion with tools Groq ran server-side ({@code executed_tools}, streamed in
	 * one delta before the content).
	 * @param executedTools each a JSON object as Groq sends it, e.g. from {@link GroqShapes}
	 * @return a copy
	 */
	public EmulatedResponse withExecutedTools(String... executedTools) {
		return withExtras(this.extras.withExecutedTools(List.of(executedTools)));
	}

	/**
	 * This completion with annotations (citations) on its message, streamed in one delta
	 * after the content.
	 * @param annotations each a JSON object as Groq sends it, e.g.
	 * {@link GroqShapes#documentCitation}
	 * @return a copy
	 */
	public EmulatedResponse withAnnotations(String... annotations) {
		return withExtras(this.extras.withAnnotations(List.of(annotations)));
	}

	/**
	 * This completion's usage with cached prompt tokens
	 * ({@code prompt_tokens_details.cached_tokens}, at most the prompt's tokens).
	 * @param cachedTokens the cached tokens
	 * @return a copy
	 */
	public EmulatedResponse withCachedTokens(int cachedTokens) {
		return withExtras(this.extras.withCachedTokens(cachedTokens));
	}

	/**
	 * This completion's usage with this many reasoning tokens, instead of one per reasoning word.
	 * @param reasoningTokens the reasoning tokens (part of the completion tokens)
	 * @return a copy
	 */
	public EmulatedResponse withReasoningTokens(int reasoningTokens) {
		return withExtras(this.extras.withReasoningTokens(reasoningTokens));
	}

	private EmulatedResponse withExtras(AnswerExtras extras) {
		return new EmulatedResponse(this.status, this.headers, this.body, this.content, this.delay, this.fault,
				this.dripInterval, this.toolCalls, this.finishReason, extras);
	}

	/**
	 * One tool call of a scripted completion.
	 *
	 * @param id the call's id
	 * @param name the function's name
	 * @param arguments the arguments, a JSON object as text
	 */
	public record ToolCall(String id, String name, String arguments) {
	}

	/** How a response is broken on the wire. */
	public enum Fault {

		/** Sent whole. */
		NONE,

		/** Headers and half the body, then the connection is closed. */
		RESET_MID_BODY,

		/** Nothing is sent until the client gives up. */
		NO_ANSWER,

		/** The body trickles out in small pieces. */
		DRIP

	}

}
