package io.github.groqspring.benchmarks.stream;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.GroqJsonMapper;
import io.github.groqspring.internal.stream.ChatChunkReader;
import io.github.groqspring.internal.stream.ServerSentEventReader;
import io.github.groqspring.stream.ChatCompletionChunk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * What parsing Groq's stream costs per chunk, against a baseline that only splits the bytes
 * into lines. Each invocation reads one whole captured-shape stream from memory (a role
 * chunk, {@value #CONTENT_CHUNKS} content chunks, the usage chunk and {@code [DONE]}), so
 * the scores are chunks per second. Run single-threaded:
 * {@code org.openjdk.jmh.Main SseParseBenchmark -t 1} on the class path {@code run.sh} builds (there is no fat jar).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SseParseBenchmark.CHUNKS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SseParseBenchmark {

	static final int CONTENT_CHUNKS = 254;

	static final int CHUNKS = CONTENT_CHUNKS + 2;

	private static final String[] TOKENS = { "Low", " latency", " matters", " because", " people", " read", " as",
			" the", " model", " writes", ",", " and", " every", " pause", " of", " a", " few", " hundred",
			" milliseconds", " feels", " like", " hesitation", "." };

	private static final String PREFIX = "{\"id\":\"chatcmpl-f51b2cd2-bef7-417e-964e-a08f0b513c22\","
			+ "\"object\":\"chat.completion.chunk\",\"created\":1730241104,\"model\":\"llama-3.3-70b-versatile\","
			+ "\"system_fingerprint\":\"fp_c5ca5d6e13\",\"choices\":[{\"index\":0,\"delta\":";

	/** {@code GroqTemplate}'s own mapper, derived from Jackson's defaults. */
	private final JsonMapper jsonMapper = GroqJsonMapper.derive(null);

	private final ResponseMetadata metadata = new ResponseMetadata(200, "req_bench", null, RateLimits.NONE, null, 1, null);

	private byte[] stream = new byte[0];

	@Setup
	public void captureShapedStream() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		event(out, PREFIX + "{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],"
				+ "\"x_groq\":{\"id\":\"req_01jbd6g2qdfw2adyrt2az8hz4w\"},\"service_tier\":\"on_demand\"}");
		for (int i = 0; i < CONTENT_CHUNKS; i++) {
			event(out, PREFIX + "{\"content\":\"" + TOKENS[i % TOKENS.length]
					+ "\"},\"logprobs\":null,\"finish_reason\":null}],\"service_tier\":\"on_demand\"}");
		}
		String usage = "{\"queue_time\":0.0418,\"prompt_tokens\":45,\"prompt_time\":0.00195,\"completion_tokens\":"
				+ CONTENT_CHUNKS + ",\"completion_time\":0.245,\"total_tokens\":" + (CONTENT_CHUNKS + 45)
				+ ",\"total_time\":0.24695}";
		event(out, PREFIX + "{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"x_groq\":{\"id\":"
				+ "\"req_01jbd6g2qdfw2adyrt2az8hz4w\",\"seed\":167346302,\"usage\":" + usage + "},\"usage\":" + usage
				+ ",\"service_tier\":\"on_demand\"}");
		event(out, "[DONE]");
		this.stream = out.toByteArray();
	}

	/** The floor: split the bytes into lines with {@link BufferedReader}, nothing else. */
	@Benchmark
	public int lineSplitBaseline() throws IOException {
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(this.stream), StandardCharsets.UTF_8));
		int count = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			count += line.length();
		}
		return count;
	}

	/** Ours, framing only: {@link ServerSentEventReader} on bytes, no JSON. */
	@Benchmark
	public int sseEvents() throws IOException {
		ServerSentEventReader events = new ServerSentEventReader(new ByteArrayInputStream(this.stream));
		int count = 0;
		while (events.next()) {
			count += events.dataLength();
		}
		return count;
	}

	/** Ours, in full: framing, JSON into typed chunks, accumulation, as a ChatStream reads. */
	@Benchmark
	public void typedChunks(Blackhole blackhole) {
		ChatChunkReader chunks = new ChatChunkReader(new ByteArrayInputStream(this.stream), this.jsonMapper,
				this.metadata);
		for (ChatCompletionChunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
			blackhole.consume(chunk);
		}
	}

	/** For context, what a hand-written client does: readLine, strip "data: ", parse the string. */
	@Benchmark
	public void naiveLinesThenJson(Blackhole blackhole) throws IOException {
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(this.stream), StandardCharsets.UTF_8));
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
				blackhole.consume(this.jsonMapper.readValue(line.substring(6), ChatCompletionChunk.class));
			}
		}
	}

	private static void event(ByteArrayOutputStream out, String data) {
		out.writeBytes(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
	}

}
