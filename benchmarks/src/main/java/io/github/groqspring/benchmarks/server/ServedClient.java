package io.github.groqspring.benchmarks.server;

import io.github.groqspring.benchmarks.clients.BenchClient;
import io.github.groqspring.benchmarks.clients.Client;

/**
 * One client set up against the canned server (its own, or the shared one {@code run.sh}
 * started), closed together.
 *
 * @param server the server
 * @param bench the client, pointed at one payload
 */
public record ServedClient(ServerProcess server, BenchClient bench) implements AutoCloseable {

	/**
	 * Start (or join) the server and set up a client against one of its payloads.
	 * @param client the client
	 * @param payload what the server answers
	 * @return both
	 * @throws Exception if either cannot be started
	 */
	public static ServedClient start(Client client, Payload payload) throws Exception {
		ServerProcess server = ServerProcess.start();
		try {
			return new ServedClient(server, client.create(server.baseUrl(payload)));
		}
		catch (Exception ex) {
			server.close();
			throw ex;
		}
	}

	@Override
	public void close() throws Exception {
		try {
			this.bench.close();
		}
		finally {
			this.server.close();
		}
	}

}
