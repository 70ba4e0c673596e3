package io.github.groqspring.benchmarks.stream;

import io.github.groqspring.benchmarks.clients.StreamTally;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to first chunk, measured inside every whole-stream invocation and reported by JMH
 * as two sums per iteration ({@code firstChunkNanos}, {@code streams}); their ratio is the
 * mean time from sending the request to the first piece of text.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class FirstChunkCounters {

	/** Nanoseconds from sending to the first piece of text, summed over the iteration. */
	public long firstChunkNanos;

	/** Streams read in the iteration. */
	public long streams;

	final StreamTally tally = new StreamTally();

	@Setup(Level.Iteration)
	public void reset() {
		this.firstChunkNanos = 0;
		this.streams = 0;
	}

	void record(StreamTally finished) {
		this.firstChunkNanos += finished.timeToFirstChunk();
		this.streams++;
	}

}
