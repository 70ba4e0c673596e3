package io.github.groqspring.benchmarks.observation;

import java.util.List;
import java.util.function.Supplier;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.benchmarks.server.ServerProcess;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.ResponseMessage;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.observation.GroqObserver;
import io.github.groqspring.observation.GroqMeterObservationHandler;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqOperationType;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * What observing a Groq call costs: the observer around a call that returns at once (the
 * pure overhead), and whole chat calls against the canned server, each without
 * observations, with Boot's meter handler only, and with it plus
 * {@link GroqMeterObservationHandler}. A main class, not JMH: best of a few rounds.
 *
 * <p>Run from the project's root:
 * <pre>
 * ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     io.github.groqspring.benchmarks.observation.ObservationOverheadBenchmark
 * </pre>
 */
public final class ObservationOverheadBenchmark {

	private static final int IN_MEMORY_CALLS = 200_000;

	private static final int HTTP_CALLS = 2_000;

	private static final int ROUNDS = 5;

	private ObservationOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ChatRequest request = ChatRequest.builder(Payload.MODEL)
			.serviceTier(ServiceTier.FLEX)
			.system(Payload.SYSTEM)
			.user(Payload.USER)
			.build();
		ChatResponse response = response();
		GroqObserver noop = GroqObserver.NOOP;
		GroqObserver timed = new GroqObserver(registry(false), null, null);
		GroqObserver metered = new GroqObserver(registry(true), null, null);
		Supplier<GroqObservationContext> context = () -> new GroqObservationContext(GroqOperationType.CHAT,
				request.model(), request.serviceTier(), false, request);
		System.out.println("observer around an immediate call, ns per call (best of " + ROUNDS + " rounds of "
				+ IN_MEMORY_CALLS + ")");
		System.out.printf("  no observation      %8.0f%n",
				best(IN_MEMORY_CALLS, () -> noop.observe(context, (listener) -> response)));
		System.out.printf("  Boot's timer only   %8.0f%n",
				best(IN_MEMORY_CALLS, () -> timed.observe(context, (listener) -> response)));
		System.out.printf("  timer + Groq meters %8.0f%n",
				best(IN_MEMORY_CALLS, () -> metered.observe(context, (listener) -> response)));
		try (ServerProcess server = ServerProcess.start();
				GroqTemplate plain = GroqTemplate.builder().baseUrl(server.baseUrl(Payload.SMALL)).build();
				GroqTemplate observed = GroqTemplate.builder()
					.baseUrl(server.baseUrl(Payload.SMALL))
					.observationRegistry(registry(true))
					.build()) {
			System.out.println("chat call against the canned server, us per call (best of " + ROUNDS + " rounds of "
					+ HTTP_CALLS + ")");
			for (int i = 0; i < 2; i++) {
				System.out.printf("  no observation      %8.1f%n", best(HTTP_CALLS, () -> plain.chat(request)) / 1000);
				System.out.printf("  timer + Groq meters %8.1f%n",
						best(HTTP_CALLS, () -> observed.chat(request)) / 1000);
			}
		}
	}

	private static ObservationRegistry registry(boolean groqMeters) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		if (groqMeters) {
			registry.observationConfig().observationHandler(new GroqMeterObservationHandler(meters));
		}
		return registry;
	}

	private static double best(int calls, Supplier<?> call) {
		double best = Double.MAX_VALUE;
		Object sink = null;
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < calls; i++) {
				sink = call.get();
			}
			best = Math.min(best, (System.nanoTime() - start) / (double) calls);
		}
		if (sink == null) {
			throw new IllegalStateException("No result");
		}
		return best;
	}

	private static ChatResponse response() {
		Usage usage = new Usage(0.0418, 45, 0.002, 607, 2.2, 652, 2.2, null, null);
		ChatCompletion completion = new ChatCompletion("chatcmpl-1", "chat.completion", 1L, Payload.MODEL,
				List.of(new ChatCompletion.Choice(0, new ResponseMessage("assistant", "Hi", null, null, null, null),
						"stop")),
				usage, null, new ChatCompletion.XGroq("req_1", null, null), "flex");
		return new ChatResponse(completion,
				new ResponseMetadata(200, "req_1", null, RateLimits.NONE, ServiceTier.FLEX, 1, null));
	}

}
