package io.github.groqspring.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.benchmarks.clients.BenchClient;
import io.github.groqspring.benchmarks.clients.Client;
import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.benchmarks.server.ServerProcess;
import io.github.groqspring.chat.ChatRequest;

/**
 * Heap and classes a client costs once started and used: live heap after a full GC, before
 * and after setting up one client and making ten calls. Run once per client, each in a fresh
 * JVM ({@code run.sh} does); prints one tab-separated line:
 * {@code HEAP <client> <bytes> <classes>}.
 *
 * <p>{@code GROQ_TEMPLATE} includes the Spring Boot context it lives in;
 * {@code GROQ_TEMPLATE_BUILDER} is the template built with {@code GroqTemplate.builder()}
 * and no context, comparable with the other clients' programmatic set-up.
 */
public final class HeapFootprint {

	private HeapFootprint() {
	}

	public static void main(String[] args) throws Exception {
		String name = args[0];
		try (ServerProcess server = ServerProcess.start()) {
			String baseUrl = server.baseUrl(Payload.SMALL);
			long heapBefore = liveHeap();
			long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
			AutoCloseable client = name.equals("GROQ_TEMPLATE_BUILDER") ? templateOnly(baseUrl)
					: use(Client.valueOf(name).create(baseUrl));
			long heapAfter = liveHeap();
			long classesAfter = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
			System.out.println("HEAP\t" + name + "\t" + (heapAfter - heapBefore) + "\t" + (classesAfter - classesBefore));
			client.close();
		}
	}

	private static BenchClient use(BenchClient client) throws Exception {
		for (int i = 0; i < 10; i++) {
			client.chat();
		}
		return client;
	}

	private static AutoCloseable templateOnly(String baseUrl) {
		GroqTemplate template = GroqTemplate.builder().baseUrl(baseUrl).apiKey(Client.API_KEY).build();
		for (int i = 0; i < 10; i++) {
			template.chat(ChatRequest.builder(Payload.MODEL).system(Payload.SYSTEM).user(Payload.USER).build());
		}
		return template;
	}

	private static long liveHeap() throws InterruptedException {
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(Duration.ofMillis(50).toMillis());
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
