package io.github.groqspring.benchmarks.batch;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import io.github.groqspring.batch.BatchResultReader;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.internal.http.GroqJsonMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast {@link BatchResultReader} parses a 50,000-line result file made up as it is read
 * (about 45 MB, never held whole), against reading each line as a tree first. A main class,
 * not JMH: one line per round.
 *
 * <p>Run from the project's root:
 * <pre>
 * ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     io.github.groqspring.benchmarks.batch.BatchResultReaderBenchmark 10
 * </pre>
 */
public final class BatchResultReaderBenchmark {

	private static final int LINES = 50_000;

	/** Groq's mapper, as {@code GroqTemplate.batches()} reads result files with it. */
	private static final JsonMapper JSON = GroqJsonMapper.derive(null);

	private BatchResultReaderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		for (int round = 1; round <= rounds; round++) {
			long start = System.nanoTime();
			int read = 0;
			try (BatchResultReader reader = new BatchResultReader(resultFile(), JSON, "benchmark")) {
				while (reader.hasNext()) {
					reader.next();
					read++;
				}
			}
			long reader = System.nanoTime() - start;
			start = System.nanoTime();
			int naive = readAsTrees();
			long trees = System.nanoTime() - start;
			System.out.printf("round %2d: BatchResultReader %,d lines in %,d ms = %,.0f lines/s; "
					+ "line-as-tree baseline %,d lines in %,d ms%n", round, read, reader / 1_000_000,
					read / (reader / 1e9), naive, trees / 1_000_000);
		}
	}

	private static int readAsTrees() throws Exception {
		int read = 0;
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(resultFile(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				JsonNode body = JSON.readTree(line).path("response").path("body");
				if (body.has("choices")) {
					JSON.treeToValue(body, ChatCompletion.class);
				}
				read++;
			}
		}
		return read;
	}

	/** A result file in Groq's shape, one in seven lines a 429: each line made when it is reached. */
	private static InputStream resultFile() {
		return new SequenceInputStream(new Enumeration<InputStream>() {

			private int next;

			@Override
			public boolean hasMoreElements() {
				return this.next < LINES;
			}

			@Override
			public InputStream nextElement() {
				return new ByteArrayInputStream(line(this.next++).getBytes(StandardCharsets.UTF_8));
			}

		});
	}

	private static String line(int index) {
		String response = (index % 7 == 0)
				? "{\"status_code\":429,\"request_id\":\"req_" + index + "\",\"body\":{\"error\":{\"message\":"
						+ "\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}}"
				: "{\"status_code\":200,\"request_id\":\"req_" + index + "\",\"body\":{\"id\":\"chatcmpl-" + index
						+ "\",\"object\":\"chat.completion\",\"created\":1742425217,\"model\":\"llama-3.1-8b-instant\","
						+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Answer " + index
						+ ", as long as a real one: about as many words as a short paragraph of a completion has, "
						+ "which is what makes result files large.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
						+ "\"usage\":{\"queue_time\":0.0418,\"prompt_tokens\":45,\"prompt_time\":0.00195,"
						+ "\"completion_tokens\":607,\"completion_time\":2.245,\"total_tokens\":652,"
						+ "\"total_time\":2.247},\"x_groq\":{\"id\":\"req_" + index + "\"}}}";
		return "{\"id\":\"batch_req_" + index + "\",\"custom_id\":\"r" + index + "\",\"response\":" + response
				+ ",\"error\":null}\n";
	}

}
