package io.github.groqspring.benchmarks.startup;

import java.lang.management.ManagementFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One cold start: the first start of a {@link StartupApp} in this fresh JVM, timed on the
 * wall clock and in CPU time of the starting thread (which, unlike the wall clock, other
 * processes on a shared machine do not inflate). {@code run.sh} runs it several times per
 * application, interleaved; prints one tab-separated line:
 * {@code COLD <app> <wall ms> <main-thread CPU ms> <classes loaded> <connections to groq.base-url>}.
 */
public final class ColdStartup {

	private ColdStartup() {
	}

	public static void main(String[] args) throws Exception {
		StartupApp app = StartupApp.valueOf(args[0]);
		try (ConnectionCounter counter = ConnectionCounter.open()) {
			long wall = System.nanoTime();
			long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			ConfigurableApplicationContext context = app.start(counter.url());
			double wallMillis = (System.nanoTime() - wall) / 1e6;
			double cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6;
			int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
			context.close();
			System.out.printf("COLD\t%s\t%.1f\t%.1f\t%d\t%d%n", app, wallMillis, cpuMillis, classes, counter.connections());
			counter.requireNone();
		}
	}

}
