package io.github.groqspring.internal.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a byte stream as the bytes arrive: an event is handed out as
 * soon as its terminating blank line has been read, never held back for more input. Works
 * on bytes (lines end with LF, CRLF or CR), so a {@code data:} payload reaches the JSON
 * parser without being decoded to a string first. Not thread-safe.
 *
 * <p>Follows the event-stream format of the HTML standard: {@code data} lines are joined
 * with {@code \n}, {@code event} names the event, comments and {@code id}/{@code retry} are
 * skipped. An event cut off by the end of the stream is still handed out, marked
 * {@link #isComplete() incomplete}, so that the caller can tell truncation apart.
 */
public final class ServerSentEventReader {

	private static final int CR = '\r';

	private static final int LF = '\n';

	private final InputStream input;

	private byte[] buffer;

	private int position;

	private int limit;

	private int scanned;

	private boolean skipLineFeed;

	private boolean endOfStream;

	private byte[] data = new byte[1024];

	private int dataLength;

	private boolean hasData;

	private @Nullable String event;

	private boolean complete;

	/**
	 * Create a reader.
	 * @param input the response body; the reader does not close it
	 */
	public ServerSentEventReader(InputStream input) {
		this(input, 8192);
	}

	ServerSentEventReader(InputStream input, int bufferSize) {
		this.input = input;
		this.buffer = new byte[bufferSize];
	}

	/**
	 * Read the next event, blocking until it is complete or the stream ends.
	 * @return {@code true} when an event was read; {@code false} at the end of the stream
	 * @throws IOException when reading fails
	 */
	public boolean next() throws IOException {
		this.dataLength = 0;
		this.hasData = false;
		this.event = null;
		this.complete = true;
		while (true) {
			int lineEnd = findLineEnd();
			if (lineEnd < 0) {
				if (fill()) {
					continue;
				}
				return endOfStream();
			}
			int start = this.position;
			this.skipLineFeed = this.buffer[lineEnd] == CR;
			this.position = lineEnd + 1;
			if (lineEnd == start) {
				if (this.hasData || this.event != null) {
					return true;
				}
			}
			else {
				field(start, lineEnd);
			}
		}
	}

	/**
	 * The current event's name, from its {@code event:} line.
	 * @return the name, or {@code null} for an unnamed ({@code message}) event
	 */
	public @Nullable String event() {
		return this.event;
	}

	/**
	 * The current event's data; valid up to {@link #dataLength()} and only until the next
	 * call to {@link #next()}.
	 * @return the data buffer, not a copy
	 */
	public byte[] data() {
		return this.data;
	}

	/**
	 * How many bytes of {@link #data()} the current event holds.
	 * @return the length
	 */
	public int dataLength() {
		return this.dataLength;
	}

	/**
	 * The current event's data as text.
	 * @return the UTF-8 data
	 */
	public String dataAsString() {
		return new String(this.data, 0, this.dataLength, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the current event ended with its blank line, rather than being cut off by the
	 * end of the stream.
	 * @return {@code false} for an event cut off
	 */
	public boolean isComplete() {
		return this.complete;
	}

	private int findLineEnd() {
		if (this.skipLineFeed && this.position < this.limit) {
			if (this.buffer[this.position] == LF) {
				this.position++;
			}
			this.skipLineFeed = false;
		}
		byte[] bytes = this.buffer;
		for (int i = Math.max(this.position, this.scanned); i < this.limit; i++) {
			byte b = bytes[i];
			if (b == LF || b == CR) {
				return i;
			}
		}
		this.scanned = this.limit;
		return -1;
	}

	private boolean fill() throws IOException {
		if (this.endOfStream) {
			return false;
		}
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.scanned -= this.position;
			this.position = 0;
		}
		if (this.limit == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int read = this.input.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (read < 0) {
			this.endOfStream = true;
			return false;
		}
		this.limit += read;
		return true;
	}

	private boolean endOfStream() {
		if (this.position < this.limit) {
			field(this.position, this.limit);
			this.position = this.limit;
		}
		this.complete = false;
		return this.hasData || this.event != null;
	}

	private void field(int start, int end) {
		byte[] bytes = this.buffer;
		if (bytes[start] == ':') {
			return;
		}
		int colon = start;
		while (colon < end && bytes[colon] != ':') {
			colon++;
		}
		int valueStart = (colon < end) ? colon + 1 : end;
		if (valueStart < end && bytes[valueStart] == ' ') {
			valueStart++;
		}
		int nameLength = colon - start;
		if (nameLength == 4 && bytes[start] == 'd' && bytes[start + 1] == 'a' && bytes[start + 2] == 't'
				&& bytes[start + 3] == 'a') {
			appendData(bytes, valueStart, end - valueStart);
		}
		else if (nameLength == 5 && new String(bytes, start, 5, StandardCharsets.US_ASCII).equals("event")) {
			this.event = new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
		}
	}

	private void appendData(byte[] bytes, int offset, int length) {
		int needed = this.dataLength + length + (this.hasData ? 1 : 0);
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
		}
		if (this.hasData) {
			this.data[this.dataLength++] = LF;
		}
		System.arraycopy(bytes, offset, this.data, this.dataLength, length);
		this.dataLength += length;
		this.hasData = true;
	}

}
