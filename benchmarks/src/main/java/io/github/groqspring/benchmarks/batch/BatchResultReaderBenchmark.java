package io.github.groqspring.benchmarks.batch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.github.groqspring.batch.BatchResultReader;
import io.github.groqspring.chat.ChatCompletion;
import tools.jackson.databind.JsonNode;

/**
 * Measures how fast {@link BatchResultReader} parses a 50,000-line result file generated on
 * the fly, against reading each line as a tree first. Not a test; run it with
 * {@code java -cp <test classpath> io.github.groqspring.batch.BatchResultReaderBenchmark}.
 */
public final class BatchResultReaderBenchmark {

	private static final int LINES = 50_000;

	private BatchResultReaderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		for (int round = 1; round <= rounds; round++) {
			long start = System.nanoTime();
			BatchResultReaderTests.GeneratedResults content = new BatchResultReaderTests.GeneratedResults(LINES);
			int read = 0;
			try (BatchResultReader reader = new BatchResultReader(content, BatchResultReaderTests.JSON, "benchmark")) {
				while (reader.hasNext()) {
					reader.next();
					read++;
				}
			}
			long reader = System.nanoTime() - start;
			start = System.nanoTime();
			int naive = readAsTrees();
			long trees = System.nanoTime() - start;
			System.out.printf("round %2d: BatchResultReader %,d lines (%.1f MB) in %,d ms = %,.0f lines/s; "
					+ "line-as-tree baseline %,d lines in %,d ms%n", round, read, content.produced() / 1e6,
					reader / 1_000_000, read / (reader / 1e9), naive, trees / 1_000_000);
		}
	}

	private static int readAsTrees() throws Exception {
		BatchResultReaderTests.GeneratedResults content = new BatchResultReaderTests.GeneratedResults(LINES);
		int read = 0;
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				JsonNode node = BatchResultReaderTests.JSON.readTree(line);
				JsonNode body = node.path("response").path("body");
				if (body.has("choices")) {
					BatchResultReaderTests.JSON.treeToValue(body, ChatCompletion.class);
				}
				read++;
			}
		}
		return read;
	}

}
