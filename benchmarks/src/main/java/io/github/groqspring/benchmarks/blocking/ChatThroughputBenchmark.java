package io.github.groqspring.benchmarks.blocking;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second one client instance sustains; the number of concurrent callers is JMH's
 * thread count ({@code -t 1}, {@code -t 16}, {@code -t 64}), platform threads by default and
 * virtual threads with {@code -jvmArgsAppend -Djmh.executor=VIRTUAL} on Java 21+.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ChatThroughputBenchmark {

	@Benchmark
	public Object chat(ClientUnderTest target) throws Exception {
		return target.chat();
	}

}
