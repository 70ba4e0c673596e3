package io.github.groqspring.ratelimit.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

/**
 * A real Redis for tests: Debian's {@code redis-server} on a free loopback port, without
 * persistence, stopped and started again on the same port to play an outage. A machine
 * without {@code redis-server} fails the test (CI installs it in {@code .ci/run}).
 */
final class RedisServer implements AutoCloseable {

	private final String executable;

	private final int port;

	private Process process;

	private RedisServer(String executable, int port) {
		this.executable = executable;
		this.port = port;
	}

	static RedisServer start() {
		String executable = find();
		RedisServer server = new RedisServer(executable, freePort());
		server.startProcess();
		return server;
	}

	int port() {
		return this.port;
	}

	RedisURI uri() {
		return RedisURI.Builder.redis("127.0.0.1", this.port).withTimeout(Duration.ofSeconds(2)).build();
	}

	RedisClient client() {
		return RedisClient.create(uri());
	}

	/** Stop the server, as an outage would. */
	void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Start it again on the same port, empty (no persistence). */
	void restart() {
		startProcess();
	}

	@Override
	public void close() {
		stop();
	}

	private void startProcess() {
		try {
			this.process = new ProcessBuilder(List.of(this.executable, "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.executable, ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
				return;
			}
			catch (IOException ex) {
				sleep(50);
			}
		}
		throw new IllegalStateException("redis-server did not listen on port " + this.port + " within 10 s");
	}

	/**
	 * Whether a {@code redis-server} executable is installed.
	 * @return true when {@link #start()} can find one
	 */
	static boolean installed() {
		return executable() != null;
	}

	private static String find() {
		String executable = executable();
		if (executable == null) {
			throw new IllegalStateException("redis-server is required for the Redis budget tests and was not found on "
					+ "the PATH: apt-get install -y redis-server (.ci/run installs it)");
		}
		return executable;
	}

	private static @Nullable String executable() {
		for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(directory, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getPath();
			}
		}
		File debian = new File("/usr/bin/redis-server");
		return debian.canExecute() ? debian.getPath() : null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
