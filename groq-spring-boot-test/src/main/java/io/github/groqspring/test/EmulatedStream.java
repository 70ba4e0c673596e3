package io.github.groqspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A scripted answer to a streaming chat completion ({@code "stream":true}) for the
 * {@link GroqEmulator}: what the chunks say, how fast they come, and how the stream fails.
 * Immutable; each {@code with...}/{@code ...After} method returns a changed copy.
 *
 * <pre>{@code
 * groq.enqueueStream(EmulatedStream.reply("Hello there")
 *     .withChunkDelay(Duration.ofMillis(20))
 *     .failingAfter(2, "server_error", "internal_error", "Generation failed"));
 * }</pre>
 *
 * <p>"After {@code n} chunks" counts {@code data:} chunks, the first one (role and empty
 * content) included.
 */
public final class EmulatedStream {

	private static final Pattern PIECE = Pattern.compile("\\s*\\S+");

	final @Nullable List<String> content;

	final List<String> reasoning;

	final List<ScriptedToolCall> toolCalls;

	final @Nullable List<String> rawEvents;

	final Duration chunkDelay;

	final @Nullable Fault fault;

	final boolean usageChunk;

	final @Nullable String finishReason;

	final AnswerExtras extras;

	private EmulatedStream(@Nullable List<String> content, List<String> reasoning, List<ScriptedToolCall> toolCalls,
			@Nullable List<String> rawEvents, Duration chunkDelay, @Nullable Fault fault) {
		this(content, reasoning, toolCalls, rawEvents, chunkDelay, fault, false, null, AnswerExtras.NONE);
	}

	private EmulatedStream(@Nullable List<String> content, List<String> reasoning, List<ScriptedToolCall> toolCalls,
			@Nullable List<String> rawEvents, Duration chunkDelay, @Nullable Fault fault, boolean usageChunk,
			@Nullable String finishReason, AnswerExtras extras) {
		this.content = content;
		this.reasoning = reasoning;
		this.toolCalls = toolCalls;
		this.rawEvents = rawEvents;
		this.chunkDelay = chunkDelay;
		this.fault = fault;
		this.usageChunk = usageChunk;
		this.finishReason = finishReason;
		this.extras = extras;
	}

	/**
	 * The emulator's usual answer (or an enqueued {@link EmulatedResponse#reply(String)} or
	 * tool call), streamed word by word as Groq does: to change only the timing or add a failure.
	 * @return the script
	 */
	public static EmulatedStream usualReply() {
		return new EmulatedStream(null, List.of(), List.of(), null, Duration.ZERO, null);
	}

	/**
	 * This text, streamed word by word (each piece keeps the whitespace before it).
	 * @param content the assistant's text
	 * @return the script
	 */
	public static EmulatedStream reply(String content) {
		return pieces(split(content).toArray(String[]::new));
	}

	/**
	 * These content pieces, one chunk each.
	 * @param pieces the content deltas, in order
	 * @return the script
	 */
	public static EmulatedStream pieces(String... pieces) {
		return new EmulatedStream(List.of(pieces), List.of(), List.of(), null, Duration.ZERO, null);
	}

	/**
	 * Raw server-sent events, played verbatim, each followed by a blank line, with nothing
	 * added (not even {@code data: [DONE]}): for shapes captured from Groq.
	 * @param events events such as {@code data: {...}} or {@code event: error\ndata: {...}}
	 * @return the script
	 */
	public static EmulatedStream rawEvents(String... events) {
		return new EmulatedStream(null, List.of(), List.of(), List.of(events), Duration.ZERO, null);
	}

	/**
	 * Reasoning pieces, streamed before the content as {@code delta.reasoning}.
	 * @param pieces the reasoning deltas
	 * @return a copy
	 */
	public EmulatedStream withReasoning(String... pieces) {
		return new EmulatedStream(this.content, List.of(pieces), this.toolCalls, this.rawEvents, this.chunkDelay,
				this.fault, this.usageChunk, this.finishReason, this.extras);
	}

	/**
	 * A tool call, streamed after the content: a first delta with its id and name, then one
	 * delta per arguments piece. With a tool call the finish reason is {@code tool_calls}.
	 * @param id the call's id
	 * @param name the function's name
	 * @param argumentPieces the arguments' JSON text, in pieces
	 * @return a copy
	 */
	public EmulatedStream withToolCall(String id, String name, String... argumentPieces) {
		List<ScriptedToolCall> calls = new ArrayList<>(this.toolCalls);
		calls.add(new ScriptedToolCall(id, name, List.of(argumentPieces)));
		return new EmulatedStream(this.content, this.reasoning, List.copyOf(calls), this.rawEvents, this.chunkDelay,
				this.fault, this.usageChunk, this.finishReason, this.extras);
	}

	/**
	 * End with Groq's extra usage chunk ({@code "choices": []}, {@code usage} and
	 * {@code service_tier}, no {@code x_groq}) even when the request did not ask for it
	 * with {@code stream_options.include_usage}: to test that a parser survives a chunk with
	 * no choices. Requests that do ask get it anyway.
	 * @return a copy
	 */
	public EmulatedStream withUsageChunk() {
		return new EmulatedStream(this.content, this.reasoning, this.toolCalls, this.rawEvents, this.chunkDelay,
				this.fault, true, this.finishReason, this.extras);
	}

	/**
	 * End with this finish reason instead of the one the emulator works out: e.g.
	 * {@code length}, as Groq ends a stream that {@code max_completion_tokens} cut.
	 * @param finishReason the reason on the last choice chunk
	 * @return a copy
	 */
	public EmulatedStream withFinishReason(String finishReason) {
		return new EmulatedStream(this.content, this.reasoning, this.toolCalls, this.rawEvents, this.chunkDelay,
				this.fault, this.usageChunk, finishReason, this.extras);
	}

	/**
	 * Tools Groq ran server-side, streamed in one delta ({@code delta.executed_tools}) before
	 * the content.
	 * @param executedTools each a JSON object as Groq sends it, e.g. from {@link GroqShapes}
	 * @return a copy
	 */
	public EmulatedStream withExecutedTools(String... executedTools) {
		return withExtras(this.extras.withExecutedTools(List.of(executedTools)));
	}

	/**
	 * Annotations (citations), streamed in one delta ({@code delta.annotations}) after the
	 * content.
	 * @param annotations each a JSON object as Groq sends it
	 * @return a copy
	 */
	public EmulatedStream withAnnotations(String... annotations) {
		return withExtras(this.extras.withAnnotations(List.of(annotations)));
	}

	/**
	 * Cached prompt tokens in the final usage ({@code prompt_tokens_details.cached_tokens}).
	 * @param cachedTokens the cached tokens
	 * @return a copy
	 */
	public EmulatedStream withCachedTokens(int cachedTokens) {
		return withExtras(this.extras.withCachedTokens(cachedTokens));
	}

	private EmulatedStream withExtras(AnswerExtras extras) {
		return new EmulatedStream(this.content, this.reasoning, this.toolCalls, this.rawEvents, this.chunkDelay,
				this.fault, this.usageChunk, this.finishReason, extras);
	}

	/**
	 * Wait this long before every event after the first.
	 * @param delay the pause between events
	 * @return a copy
	 */
	public EmulatedStream withChunkDelay(Duration delay) {
		return new EmulatedStream(this.content, this.reasoning, this.toolCalls, this.rawEvents, delay, this.fault,
				this.usageChunk, this.finishReason, this.extras);
	}

	/**
	 * After {@code chunks} chunks, send an error payload {@code data: {"error":{...}}} and
	 * end the stream without {@code [DONE]}.
	 * @param chunks the chunks sent first
	 * @param type Groq's error type
	 * @param code Groq's error code, may be {@code null}
	 * @param message Groq's message
	 * @return a copy
	 */
	public EmulatedStream failingAfter(int chunks, String type, @Nullable String code, String message) {
		return withFault(new Fault(FaultKind.ERROR_PAYLOAD, chunks, WireFormat.errorBody(type, code, message, null),
				null, null));
	}

	/**
	 * After {@code chunks} chunks, send {@code event: error} with Groq's error body and end
	 * the stream without {@code [DONE]}.
	 * @param chunks the chunks sent first
	 * @param type Groq's error type
	 * @param code Groq's error code, may be {@code null}
	 * @param message Groq's message
	 * @return a copy
	 */
	public EmulatedStream failingWithErrorEventAfter(int chunks, String type, @Nullable String code, String message) {
		return withFault(new Fault(FaultKind.ERROR_EVENT, chunks, WireFormat.errorBody(type, code, message, null),
				null, null));
	}

	/**
	 * After {@code chunks} chunks, send a chunk whose {@code x_groq.error} says why Groq
	 * stopped, and end the stream without {@code [DONE]}.
	 * @param chunks the chunks sent first
	 * @param reason the {@code x_groq.error} text
	 * @return a copy
	 */
	public EmulatedStream stoppedByGroqAfter(int chunks, String reason) {
		return withFault(new Fault(FaultKind.X_GROQ_ERROR, chunks, reason, null, null));
	}

	/**
	 * After {@code chunks} chunks, end the response cleanly but without {@code [DONE]}.
	 * @param chunks the chunks sent first
	 * @return a copy
	 */
	public EmulatedStream truncatedAfter(int chunks) {
		return withFault(new Fault(FaultKind.TRUNCATE, chunks, "", null, null));
	}

	/**
	 * After {@code chunks} chunks, send nothing for {@code stall}, then go on.
	 * @param chunks the chunks sent first
	 * @param stall how long to stay silent
	 * @return a copy
	 */
	public EmulatedStream stallingAfter(int chunks, Duration stall) {
		return withFault(new Fault(FaultKind.PAUSE, chunks, "", stall, null));
	}

	/**
	 * After {@code chunks} chunks, hold the rest until {@code release} opens (at most 30 s):
	 * to prove that a client hands out chunks while the server still holds the rest.
	 * @param chunks the chunks sent first
	 * @param release the latch the test counts down
	 * @return a copy
	 */
	public EmulatedStream holdingAfter(int chunks, CountDownLatch release) {
		return withFault(new Fault(FaultKind.PAUSE, chunks, "", Duration.ofSeconds(30), release));
	}

	private EmulatedStream withFault(Fault fault) {
		if (fault.afterChunks() < 0) {
			throw new IllegalArgumentException("chunks must not be negative, was " + fault.afterChunks());
		}
		return new EmulatedStream(this.content, this.reasoning, this.toolCalls, this.rawEvents, this.chunkDelay,
				fault, this.usageChunk, this.finishReason, this.extras);
	}

	static List<String> split(String content) {
		List<String> pieces = new ArrayList<>();
		Matcher matcher = PIECE.matcher(content);
		while (matcher.find()) {
			pieces.add(matcher.group());
		}
		return pieces.isEmpty() ? List.of(content) : pieces;
	}

	@Override
	public String toString() {
		return "EmulatedStream[content=" + this.content + ", reasoning=" + this.reasoning + ", toolCalls="
				+ this.toolCalls + ", rawEvents=" + ((this.rawEvents != null) ? this.rawEvents.size() : 0)
				+ ", chunkDelay=" + this.chunkDelay + ", fault=" + this.fault + ", usageChunk=" + this.usageChunk
				+ ", finishReason=" + this.finishReason + "]";
	}

	record ScriptedToolCall(String id, String name, List<String> argumentPieces) {
	}

	enum FaultKind {

		ERROR_PAYLOAD, ERROR_EVENT, X_GROQ_ERROR, TRUNCATE, PAUSE

	}

	record Fault(FaultKind kind, int afterChunks, String payload, @Nullable Duration pause,
			@Nullable CountDownLatch release) {

		@Override
		public String toString() {
			return this.kind + " after " + this.afterChunks + " chunks"
					+ ((this.pause != null) ? " for " + this.pause : "");
		}

	}

}
