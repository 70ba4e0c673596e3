package io.github.groqspring.benchmarks.blocking;

import java.lang.management.ManagementFactory;

import io.github.groqspring.benchmarks.clients.BenchClient;
import io.github.groqspring.benchmarks.clients.Client;
import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.benchmarks.server.ServerProcess;

/**
 * Bytes allocated per blocking call on the calling thread, read from the JVM's per-thread
 * allocation counter after warm-up: a quick, repeatable check of one change, without JMH's
 * forks. Only clients that do their HTTP work on the calling thread are fully counted
 * ({@code GROQ_TEMPLATE}, {@code RESTCLIENT_HC5}); the JDK {@code HttpClient} and OkHttp
 * work on threads of their own, which JMH's {@code -prof gc} counts and this does not.
 * Prints one line per client and payload: {@code ALLOC <client> <payload> <bytes per call>}.
 *
 * <pre>
 * java -cp ... io.github.groqspring.benchmarks.blocking.AllocationPerCall RESTCLIENT_HC5,GROQ_TEMPLATE 10000
 * </pre>
 */
public final class AllocationPerCall {

	private AllocationPerCall() {
	}

	public static void main(String[] args) throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		try (ServerProcess server = ServerProcess.start()) {
			for (String name : args[0].split(",")) {
				Client client = Client.valueOf(name);
				for (Payload payload : new Payload[] { Payload.SMALL, Payload.LARGE }) {
					try (BenchClient bench = client.create(server.baseUrl(payload))) {
						for (int i = 0; i < calls; i++) {
							bench.chat();
						}
						long before = threads.getCurrentThreadAllocatedBytes();
						for (int i = 0; i < calls; i++) {
							bench.chat();
						}
						long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
						System.out.println("ALLOC\t" + client + "\t" + payload + "\t" + perCall);
					}
				}
			}
		}
	}

}
