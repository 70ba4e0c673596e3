package io.github.groqspring.benchmarks.clients;

/**
 * One client under test, set up once and called many times from any number of threads.
 */
public interface BenchClient extends AutoCloseable {

	/**
	 * One blocking chat completion, built and sent the way a user of this client would.
	 * @return what the user gets: the answer's text (the raw floor returns the body bytes)
	 * @throws Exception whatever the client throws
	 */
	Object chat() throws Exception;

	@Override
	default void close() throws Exception {
	}

}
