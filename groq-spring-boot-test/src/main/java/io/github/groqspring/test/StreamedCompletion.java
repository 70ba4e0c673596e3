package io.github.groqspring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a streamed chat completion the way Groq does (captured October 2025): a first chunk
 * with the role, empty content and {@code x_groq.id}; reasoning pieces ({@code delta.reasoning},
 * captured February 2026); executed tools in one delta; one chunk per content piece;
 * annotations in one delta (how Groq splits executed tools and annotations over chunks is
 * unconfirmed); a tool call in one delta; a last choice chunk with an empty delta, the finish reason, {@code x_groq.usage} and
 * the top-level {@code usage}; with {@code stream_options.include_usage} one more chunk with
 * {@code "choices": []}, the usage and {@code service_tier}; then {@code data: [DONE]}. No
 * choice chunk carries {@code service_tier} or a seed. Each event is flushed on its own, and
 * the script's delays and faults are played in between.
 */
final class StreamedCompletion {

	private static final String DONE = "data: [DONE]";

	private final Exchange.StreamPlan plan;

	private final String requestId;

	private final EmulatedStream script;

	private int chunksSent;

	private boolean faultPlayed;

	StreamedCompletion(Exchange.StreamPlan plan, String requestId, EmulatedStream script) {
		this.plan = plan;
		this.requestId = requestId;
		this.script = script;
	}

	/**
	 * Play the script.
	 * @param out the chunked response body
	 * @return how it ended
	 */
	StreamOutcome play(OutputStream out) {
		List<String> events = (this.script.rawEvents != null) ? this.script.rawEvents : events();
		try {
			boolean first = true;
			for (String event : events) {
				if (faultDue() && playFault(out)) {
					return new StreamOutcome(this.chunksSent, false, false);
				}
				if (!first) {
					sleep(this.script.chunkDelay);
				}
				first = false;
				write(out, event);
				if (event.equals(DONE)) {
					return new StreamOutcome(this.chunksSent, true, false);
				}
				if (event.startsWith("data:")) {
					this.chunksSent++;
				}
			}
			if (faultDue()) {
				playFault(out);
			}
			return new StreamOutcome(this.chunksSent, false, false);
		}
		catch (IOException ex) {
			return new StreamOutcome(this.chunksSent, false, true);
		}
	}

	private List<String> events() {
		Completion completion = this.plan.completion();
		boolean scriptedText = this.script.content != null || !this.script.toolCalls.isEmpty();
		List<String> contentPieces = (this.script.content != null) ? this.script.content
				: scriptedText ? List.of() : completion.pieces();
		AnswerExtras extras = scriptedText ? this.script.extras : this.script.extras.over(completion.extras());
		List<String> reasoning = !this.script.reasoning.isEmpty() ? this.script.reasoning
				: (extras.reasoning() != null) ? EmulatedStream.split(extras.reasoning()) : List.of();
		List<String> events = new ArrayList<>();
		ObjectNode first = WireFormat.JSON.createObjectNode().put("role", "assistant").put("content", "");
		events.add(chunk(first, null, groqId(), null));
		int pieces = 0;
		for (String piece : reasoning) {
			events.add(chunk(WireFormat.JSON.createObjectNode().put("reasoning", piece), null, null, null));
			pieces++;
		}
		if (!extras.executedTools().isEmpty()) {
			ObjectNode delta = WireFormat.JSON.createObjectNode();
			delta.putArray("executed_tools").addAll(extras.executedToolNodes());
			events.add(chunk(delta, null, null, null));
		}
		for (String piece : contentPieces) {
			events.add(chunk(WireFormat.JSON.createObjectNode().put("content", piece), null, null, null));
			pieces++;
		}
		if (!extras.annotations().isEmpty()) {
			ObjectNode delta = WireFormat.JSON.createObjectNode();
			delta.putArray("annotations").addAll(extras.annotationNodes());
			events.add(chunk(delta, null, null, null));
		}
		int index = 0;
		for (EmulatedStream.ScriptedToolCall call : this.script.toolCalls) {
			events.add(chunk(toolCallDelta(index, call, null), null, null, null));
			for (String arguments : call.argumentPieces()) {
				events.add(chunk(toolCallDelta(index, null, arguments), null, null, null));
				pieces++;
			}
			index++;
		}
		boolean callsTools = !this.script.toolCalls.isEmpty() || (!scriptedText && !completion.toolCalls().isEmpty());
		if (!scriptedText && !completion.toolCalls().isEmpty()) {
			ObjectNode delta = WireFormat.JSON.createObjectNode();
			WireFormat.toolCalls(delta.putArray("tool_calls"), completion.toolCalls(), true);
			events.add(chunk(delta, null, null, null));
			pieces = completion.completionTokens();
		}
		int reasoningTokens = !this.script.reasoning.isEmpty() ? this.script.reasoning.size()
				: extras.reasoningTokenCount();
		int completionTokens = scriptedText ? Math.max(1, pieces) : completion.completionTokens();
		int cachedTokens = Math.min(extras.cachedTokens(), completion.promptTokens());
		ObjectNode usage = WireFormat.usage(completion.promptTokens(), completionTokens, cachedTokens, reasoningTokens);
		ObjectNode xGroq = groqId();
		xGroq.set("usage", usage);
		String finishReason = (this.script.finishReason != null) ? this.script.finishReason
				: callsTools ? "tool_calls" : scriptedText ? "stop" : completion.finishReason();
		events.add(chunk(WireFormat.JSON.createObjectNode(), finishReason, xGroq, usage.deepCopy()));
		if (this.plan.includeUsage() || this.script.usageChunk) {
			Completion counted = new Completion(completion.id(), completion.created(), null, List.of(), List.of(),
					finishReason, completion.promptTokens(), completionTokens,
					AnswerExtras.NONE.withCachedTokens(cachedTokens).withReasoningTokens(reasoningTokens));
			events.add("data: " + WireFormat.JSON
				.writeValueAsString(WireFormat.usageChunk(counted, this.plan.model(), this.plan.servedTier())));
		}
		events.add(DONE);
		return events;
	}

	private boolean faultDue() {
		EmulatedStream.Fault fault = this.script.fault;
		return fault != null && !this.faultPlayed && this.chunksSent == fault.afterChunks();
	}

	/** Play the fault; {@code true} when it ends the stream. */
	private boolean playFault(OutputStream out) throws IOException {
		EmulatedStream.Fault fault = Objects.requireNonNull(this.script.fault, "no fault scripted");
		this.faultPlayed = true;
		switch (fault.kind()) {
			case ERROR_PAYLOAD -> write(out, "data: " + fault.payload());
			case ERROR_EVENT -> write(out, "event: error\ndata: " + fault.payload());
			case X_GROQ_ERROR -> {
				ObjectNode xGroq = groqId().put("error", fault.payload());
				write(out, chunk(WireFormat.JSON.createObjectNode(), null, xGroq, null));
			}
			case TRUNCATE -> {
			}
			case PAUSE -> {
				pause(Objects.requireNonNull(fault.pause(), "a PAUSE fault without a duration"), fault.release());
				return false;
			}
		}
		return true;
	}

	private String chunk(ObjectNode delta, @Nullable String finishReason, @Nullable ObjectNode xGroq,
			@Nullable ObjectNode usage) {
		return "data: " + WireFormat.JSON.writeValueAsString(WireFormat.chunk(this.plan.completion(),
				this.plan.model(), delta, finishReason, xGroq, usage));
	}

	private ObjectNode groqId() {
		return WireFormat.JSON.createObjectNode().put("id", this.requestId);
	}

	private static ObjectNode toolCallDelta(int index, EmulatedStream.@Nullable ScriptedToolCall start,
			@Nullable String arguments) {
		ObjectNode delta = WireFormat.JSON.createObjectNode();
		ObjectNode call = delta.putArray("tool_calls").addObject().put("index", index);
		if (start != null) {
			call.put("id", start.id()).put("type", "function");
			call.putObject("function").put("name", start.name()).put("arguments", "");
		}
		else {
			call.putObject("function").put("arguments", arguments);
		}
		return delta;
	}

	private static void write(OutputStream out, String event) throws IOException {
		out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void pause(Duration duration, @Nullable CountDownLatch release) {
		try {
			if (release != null) {
				release.await(duration.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				Thread.sleep(duration.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration delay) {
		if (!delay.isZero()) {
			pause(delay, null);
		}
	}

}
