package io.github.groqspring.benchmarks.startup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Warm Spring context start-up of each {@link StartupApp}: repeated starts in one JVM, in
 * {@code SingleShotTime} with warm-up iterations ({@link ColdStartup} measures the first
 * start in a fresh JVM). {@code groq.base-url} points at a local socket that counts
 * connections: a start-up that connects fails the trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StartupBenchmark {

	@Param({ "BARE", "GROQ", "REST_CLIENT", "GROQ_REST_CLIENT" })
	public StartupApp app = StartupApp.BARE;

	private @Nullable ConnectionCounter counter;

	private @Nullable ConfigurableApplicationContext context;

	@Setup(Level.Trial)
	public void openCounter() throws IOException {
		this.counter = ConnectionCounter.open();
	}

	@Benchmark
	public Object start() {
		this.context = this.app.start(this.counter.url());
		return this.context;
	}

	@TearDown(Level.Iteration)
	public void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@TearDown(Level.Trial)
	public void checkNoNetworkCall() throws IOException {
		this.counter.close();
		this.counter.requireNone();
	}

}
