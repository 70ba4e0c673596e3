package io.github.groqspring.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Starts {@link CannedGroqServer} in a child JVM (same Java, same class path), so that the
 * server's threads and allocations stay out of the measured process; or, when the
 * environment variable {@code BENCH_SERVER_PORT} names a running one ({@code run.sh} starts
 * one warm server for the whole run), uses that.
 */
public final class ServerProcess implements AutoCloseable {

	private final @Nullable Process process;

	private final int port;

	private ServerProcess(@Nullable Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Start the server and wait until it listens.
	 * @return the running server
	 * @throws IOException if it cannot be started
	 */
	public static ServerProcess start() throws IOException {
		String shared = System.getenv("BENCH_SERVER_PORT");
		if (shared != null && !shared.isBlank()) {
			return new ServerProcess(null, Integer.parseInt(shared.trim()));
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
				"-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
				CannedGroqServer.class.getName(), "8", "3000");
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (line == null || !line.startsWith("PORT ")) {
			process.destroyForcibly();
			throw new IOException("The canned server did not start: " + line);
		}
		return new ServerProcess(process, Integer.parseInt(line.substring(5).trim()));
	}

	/**
	 * The base URL serving a payload, in Groq's form (without {@code /openai/v1}).
	 * @param payload the payload
	 * @return e.g. {@code http://127.0.0.1:41234/small}
	 */
	public String baseUrl(Payload payload) {
		return "http://127.0.0.1:" + this.port + payload.prefix();
	}

	@Override
	public void close() throws Exception {
		if (this.process == null) {
			return;
		}
		this.process.getOutputStream().close();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
