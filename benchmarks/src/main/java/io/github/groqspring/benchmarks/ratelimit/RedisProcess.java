package io.github.groqspring.benchmarks.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/** Debian's {@code redis-server} on a free loopback port, without persistence, for the benchmark's run. */
final class RedisProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private RedisProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static RedisProcess start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Process process;
		try {
			process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IOException("The fleet benchmark needs redis-server (apt-get install -y redis-server)", ex);
		}
		for (int i = 0; i < 200; i++) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
				return new RedisProcess(process, port);
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		process.destroyForcibly();
		throw new IOException("redis-server did not listen on port " + port);
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
