package io.github.groqspring.test;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link GroqEmulator} as a process, for clients in other languages (the conformance
 * suite drives it with Groq's official TypeScript SDK). Prints
 * {@code GROQ_EMULATOR_URL=http://127.0.0.1:<port>} on standard output once it listens, and
 * runs until killed, or with {@code --exit-on-stdin-eof} until its standard input closes
 * (so it never outlives the process that started it). Options script the organisation:
 * {@code --allow-tiers on_demand,flex} (others get Groq's "not available for this org"),
 * {@code --flex-capacity-exceeded} (every flex request gets Groq's 498),
 * {@code --require-api-key KEY} (any other key gets Groq's 401),
 * {@code --decommission ID,...} (those models answer Groq's {@code model_decommissioned} 400).
 *
 * <pre>
 * java -cp groq-spring-boot-test.jar:... io.github.groqspring.test.GroqEmulatorLauncher [--port N] [--exit-on-stdin-eof] ...
 * </pre>
 */
public final class GroqEmulatorLauncher {

	private GroqEmulatorLauncher() {
	}

	/**
	 * Start the emulator.
	 * @param args {@code --port N} (default any free port), {@code --exit-on-stdin-eof},
	 * {@code --allow-tiers T,...}, {@code --flex-capacity-exceeded}, {@code --require-api-key KEY},
	 * {@code --decommission ID,...}
	 * @throws InterruptedException when interrupted while running
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = 0;
		boolean exitOnEof = false;
		String[] tiers = null;
		boolean flexFull = false;
		String apiKey = null;
		String[] decommissioned = new String[0];
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(value(args, ++i));
				case "--exit-on-stdin-eof" -> exitOnEof = true;
				case "--allow-tiers" -> tiers = value(args, ++i).split(",");
				case "--flex-capacity-exceeded" -> flexFull = true;
				case "--require-api-key" -> apiKey = value(args, ++i);
				case "--decommission" -> decommissioned = value(args, ++i).split(",");
				default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "': use --port N, "
						+ "--exit-on-stdin-eof, --allow-tiers T,..., --flex-capacity-exceeded, --require-api-key KEY, "
						+ "--decommission ID,...");
			}
		}
		GroqEmulator emulator = GroqEmulator.start(port);
		if (tiers != null) {
			emulator.allowTiers(tiers);
		}
		if (flexFull) {
			emulator.onChat().tier("flex").thenRespond(EmulatedResponse.flexCapacityExceeded());
		}
		emulator.requireApiKey(apiKey);
		emulator.decommission(decommissioned);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "groq-emulator-shutdown"));
		System.out.println("GROQ_EMULATOR_URL=" + emulator.baseUrl());
		System.out.flush();
		if (exitOnEof) {
			Thread watcher = new Thread(() -> {
				drain(System.in);
				stopped.countDown();
			}, "groq-emulator-stdin");
			watcher.setDaemon(true);
			watcher.start();
		}
		stopped.await();
		emulator.close();
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value");
		}
		return args[index];
	}

	private static void drain(InputStream in) {
		try {
			while (in.read() >= 0) {
				// until the parent closes our standard input
			}
		}
		catch (IOException ex) {
			// closed either way
		}
	}

}
