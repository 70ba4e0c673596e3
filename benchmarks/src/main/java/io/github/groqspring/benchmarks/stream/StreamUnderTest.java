package io.github.groqspring.benchmarks.stream;

import io.github.groqspring.benchmarks.clients.BenchClient;
import io.github.groqspring.benchmarks.clients.Client;
import io.github.groqspring.benchmarks.clients.StreamTally;
import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.benchmarks.server.ServedClient;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One client pointed at the canned server's {@link Payload#STREAM stream}. Before anything
 * is measured, two streams are read in full and checked: every piece of text arrived, in
 * order (the raw floor, which does not parse: every {@code data:} line); each measured
 * stream is checked by its counts.
 */
@State(Scope.Benchmark)
public class StreamUnderTest {

	/** Chunks that carry text: all but the role chunk and the final one. */
	static final int CONTENT_CHUNKS = Payload.STREAM_CHUNKS - 2;

	@Param({ "RAW_JDK", "RESTCLIENT_HC5", "GROQ_TEMPLATE", "OPENAI_JAVA", "GROQ_CHAT_MODEL", "SPRING_AI", "LANGCHAIN4J" })
	public Client client = Client.RAW_JDK;

	private @Nullable ServedClient served;

	private @Nullable BenchClient bench;

	@Setup
	public void start() throws Exception {
		this.served = ServedClient.start(this.client, Payload.STREAM);
		this.bench = this.served.bench();
		StreamTally tally = new StreamTally();
		for (int i = 0; i < 2; i++) {
			this.bench.stream(tally.start(true));
			check(tally);
			if (this.client != Client.RAW_JDK && !Payload.STREAM_TEXT.equals(tally.text())) {
				throw new IllegalStateException(this.client + " did not read the stream's text: " + tally.text());
			}
		}
	}

	void stream(StreamTally tally) throws Exception {
		this.bench.stream(tally);
	}

	void check(StreamTally tally) {
		boolean complete = (this.client == Client.RAW_JDK) ? tally.chunks() == Payload.STREAM_CHUNKS
				: tally.contentChunks() == CONTENT_CHUNKS;
		if (!complete || tally.timeToFirstChunk() < 0) {
			throw new IllegalStateException(this.client + " read " + tally.chunks() + " chunks, " + tally.contentChunks()
					+ " with text, instead of " + Payload.STREAM_CHUNKS + " and " + CONTENT_CHUNKS);
		}
	}

	@TearDown
	public void stop() throws Exception {
		if (this.served != null) {
			this.served.close();
		}
	}

}
