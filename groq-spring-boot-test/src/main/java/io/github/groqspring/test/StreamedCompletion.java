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
 * Writes a streamed chat completion the way Groq does: a first chunk with the role, empty
 * content and {@code x_groq.id}; one chunk per piece; a final chunk with an empty delta, the
 * finish reason, {@code x_groq.usage} and the top-level {@code usage}; then
 * {@code data: [DONE]}. Each event is flushed on its own, and the script's delays and
 * faults are played in between.
 */
final class StreamedCompletion {

	private static final String DONE = "data: [DONE]";

	private final long sequence;

	private final String model;

	private final String servedTier;

	private final EmulatedStream script;

	private int chunksSent;

	private boolean faultPlayed;

	StreamedCompletion(long sequence, String model, String servedTier, EmulatedStream script) {
		this.sequence = sequence;
		this.model = model;
		this.servedTier = servedTier;
		this.script = script;
	}

	/**
	 * Play the script.
	 * @param out the chunked response body
	 * @param content the text to stream when the script has none
	 * @param promptTokens the prompt's token count for the usage
	 * @return how it ended
	 */
	StreamOutcome play(OutputStream out, String content, int promptTokens) {
		List<String> events = (this.script.rawEvents != null) ? this.script.rawEvents : events(content, promptTokens);
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

	private List<String> events(String content, int promptTokens) {
		List<String> contentPieces = (this.script.content != null) ? this.script.content : EmulatedStream.split(content);
		List<String> events = new ArrayList<>();
		ObjectNode first = WireFormat.JSON.createObjectNode().put("role", "assistant").put("content", "");
		events.add(chunk(first, null, groqId(), null));
		int pieces = 0;
		for (String piece : this.script.reasoning) {
			events.add(chunk(WireFormat.JSON.createObjectNode().put("reasoning", piece), null, null, null));
			pieces++;
		}
		for (String piece : contentPieces) {
			events.add(chunk(WireFormat.JSON.createObjectNode().put("content", piece), null, null, null));
			pieces++;
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
		ObjectNode usage = WireFormat.usage(promptTokens, Math.max(1, pieces));
		ObjectNode xGroq = groqId().put("seed", 167346302L + this.sequence);
		xGroq.set("usage", usage);
		String finishReason = this.script.toolCalls.isEmpty() ? "stop" : "tool_calls";
		events.add(chunk(WireFormat.JSON.createObjectNode(), finishReason, xGroq, usage.deepCopy()));
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
		return "data: " + WireFormat.chunk(this.sequence, this.model, this.servedTier, delta, finishReason, xGroq,
				usage);
	}

	private ObjectNode groqId() {
		return WireFormat.JSON.createObjectNode().put("id", "req_emulated_" + this.sequence);
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
