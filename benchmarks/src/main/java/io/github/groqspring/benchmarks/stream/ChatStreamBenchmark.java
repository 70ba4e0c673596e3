package io.github.groqspring.benchmarks.stream;

import java.util.concurrent.TimeUnit;

import io.github.groqspring.benchmarks.clients.StreamTally;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One streamed chat completion per invocation, from sending the request to
 * {@code data: [DONE]}, one caller: the score is the mean time for the whole
 * {@value io.github.groqspring.benchmarks.server.Payload#STREAM_CHUNKS}-chunk stream (chunks
 * per second is {@code STREAM_CHUNKS} divided by it), the {@link FirstChunkCounters} give the
 * mean time to the first piece of text of the same streams (run with {@code -prof gc} for
 * bytes per stream).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class ChatStreamBenchmark {

	@Benchmark
	public int wholeStream(StreamUnderTest target, FirstChunkCounters counters) throws Exception {
		StreamTally tally = counters.tally.start(false);
		target.stream(tally);
		target.check(tally);
		counters.record(tally);
		return tally.chunks();
	}

}
