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

	/**
	 * One streamed chat completion, sent and read to its end ({@code data: [DONE]}) the way a
	 * user of this client would, each chunk handed to the tally as the client hands it out.
	 * @param tally told about every chunk; {@link StreamTally#start(boolean) started} by the
	 * caller
	 * @throws Exception whatever the client throws, or when the stream does not end cleanly
	 */
	void stream(StreamTally tally) throws Exception;

	@Override
	default void close() throws Exception {
	}

}
