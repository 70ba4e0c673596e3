package io.github.groqspring.benchmarks.clients;

import org.jspecify.annotations.Nullable;

/**
 * What one streamed answer delivered, as a client's user sees it: when the first piece of
 * text arrived, how many chunks and how much text. Reused from stream to stream by one
 * thread; a client that reads on its own threads hands it over through the latch or
 * blocking call that ends the stream.
 */
public final class StreamTally {

	private long start;

	private long firstContent;

	private int chunks;

	private int contentChunks;

	private @Nullable StringBuilder text;

	/**
	 * Start a stream: forget the last one and take the time the request is sent.
	 * @param keepText whether to keep the text (for checking a client, not while measuring)
	 * @return this tally
	 */
	public StreamTally start(boolean keepText) {
		this.chunks = 0;
		this.contentChunks = 0;
		this.firstContent = 0;
		this.text = keepText ? new StringBuilder() : null;
		this.start = System.nanoTime();
		return this;
	}

	/**
	 * One parsed chunk as the client hands it out.
	 * @param content the text it adds, {@code null} or empty when none
	 */
	public void chunk(@Nullable String content) {
		this.chunks++;
		if (content != null && !content.isEmpty()) {
			if (this.contentChunks++ == 0) {
				this.firstContent = System.nanoTime();
			}
			if (this.text != null) {
				this.text.append(content);
			}
		}
	}

	/**
	 * One {@code data:} line read by the raw floor, which does not parse it: counted as a
	 * chunk, and the first one as the first content.
	 */
	public void rawEvent() {
		if (this.chunks++ == 0) {
			this.firstContent = System.nanoTime();
		}
		this.contentChunks++;
	}

	/**
	 * Nanoseconds from sending the request to the first piece of text.
	 * @return the time to first chunk, or a negative number when no text arrived
	 */
	public long timeToFirstChunk() {
		return (this.contentChunks > 0) ? this.firstContent - this.start : -1;
	}

	/**
	 * How many chunks the client handed out (the raw floor: {@code data:} lines before
	 * {@code [DONE]}).
	 * @return the count
	 */
	public int chunks() {
		return this.chunks;
	}

	/**
	 * How many of them carried text.
	 * @return the count
	 */
	public int contentChunks() {
		return this.contentChunks;
	}

	/**
	 * The text, when it was kept.
	 * @return the concatenated text, or {@code null}
	 */
	public @Nullable String text() {
		return (this.text != null) ? this.text.toString() : null;
	}

}
