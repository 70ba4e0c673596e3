package io.github.groqspring.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.BitSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;

/**
 * A million small requests through {@link BatchJobs}, for {@link BatchJobMemoryTests} to run
 * in a JVM of little heap: {@code java MillionRequestJob <base-url> <requests> [job|in-memory]}.
 * Prints one summary line, the peak heap and the time each phase took.
 */
public final class MillionRequestJob {

	private MillionRequestJob() {
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = args[0];
		int requests = Integer.parseInt(args[1]);
		boolean inMemory = args.length > 2 && args[2].equals("in-memory");
		try (GroqTemplate groq = GroqTemplate.builder()
			.baseUrl(baseUrl)
			.apiKey("gsk_million_0123456789")
			.defaultModel("llama-3.1-8b-instant")
			.build()) {
			BatchJobs jobs = groq.batches().jobs();
			long start = System.nanoTime();
			BatchJob job = inMemory ? jobs.submit(inMemory(requests), BatchOptions.defaults())
					: jobs.submit(lines(requests), BatchOptions.defaults());
			long submitted = System.nanoTime();
			job = jobs.await(job, BatchPolling.every(Duration.ofMillis(5)), (progress) -> {
			});
			long finished = System.nanoTime();
			BitSet seen = new BitSet(requests);
			long[] counts = new long[3];
			jobs.forEachResult(job, (result) -> {
				int index = Integer.parseInt(result.customId().substring(1));
				if (seen.get(index)) {
					counts[2]++;
				}
				seen.set(index);
				if (result instanceof BatchResult.Success success
						&& ("Emulated reply for " + result.customId()).equals(success.content())) {
					counts[0]++;
				}
				else {
					counts[1]++;
				}
			});
			long read = System.nanoTime();
			System.out.println("requests=" + job.size() + " parts=" + job.parts().size() + " successes=" + counts[0]
					+ " failures=" + counts[1] + " duplicates=" + counts[2] + " missing="
					+ (requests - seen.cardinality()));
			System.out.println("peak heap " + peakHeapMegabytes() + " MB of " + Runtime.getRuntime().maxMemory() / 1024 / 1024
					+ " MB; submit " + millis(start, submitted) + " ms, await " + millis(submitted, finished)
					+ " ms, results " + millis(finished, read) + " ms; CPU " + cpuMillis() + " ms");
		}
	}

	private static Stream<BatchLine> lines(int requests) {
		return IntStream.range(0, requests).mapToObj(MillionRequestJob::line);
	}

	/** What a job without streaming would need: every request in memory first. */
	private static Stream<BatchLine> inMemory(int requests) {
		BatchInput.Builder input = BatchInput.builder();
		lines(requests).forEach((line) -> input.add(line.customId(), line.request()));
		return input.build().lines().stream();
	}

	private static BatchLine line(int index) {
		return new BatchLine("r" + index, ChatRequest.builder().user("Question " + index + "?").build());
	}

	private static long peakHeapMegabytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / 1024 / 1024;
	}

	/** The CPU time of this JVM, all threads (JIT and GC included). */
	static long cpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

}
