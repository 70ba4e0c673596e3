package io.github.groqspring.benchmarks.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local socket that {@code groq.base-url} points at during start-up: it counts the
 * connections made to it, which must stay at zero.
 */
final class ConnectionCounter implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private ConnectionCounter(ServerSocket socket) {
		this.socket = socket;
	}

	static ConnectionCounter open() throws IOException {
		ConnectionCounter counter = new ConnectionCounter(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		Thread acceptor = new Thread(counter::accept, "startup-probe");
		acceptor.setDaemon(true);
		acceptor.start();
		return counter;
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket ignored = this.socket.accept()) {
				this.connections.incrementAndGet();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	int connections() {
		return this.connections.get();
	}

	/**
	 * Fail when anything connected: start-up must make no network call.
	 * @throws IllegalStateException naming how many connections were made
	 */
	void requireNone() {
		if (connections() != 0) {
			throw new IllegalStateException("Start-up connected to groq.base-url " + connections() + " times");
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
