package io.github.groqspring.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body part by part as it arrives, strictly (a body a
 * real server could not read is refused), with a fixed buffer: a file part's content is
 * handed on in pieces and never held whole, so an upload of any size is read in constant
 * memory.
 */
final class StreamedMultipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

	private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:\\s*(.+?)\\s*$");

	private static final int MAX_HEADERS = 16 * 1024;

	private final InputStream in;

	/** {@code CRLF--boundary}: what ends a part's content. */
	private final byte[] delimiter;

	private final byte[] buffer = new byte[64 * 1024];

	private int start;

	private int end;

	private boolean eof;

	private boolean done;

	private StreamedMultipart(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
		// The body starts with the boundary without a line break before it.
		this.buffer[0] = '\r';
		this.buffer[1] = '\n';
		this.end = 2;
	}

	/**
	 * A reader of a body.
	 * @throws IOException when reading fails
	 * @throws IllegalArgumentException when the content type is not multipart with a boundary
	 */
	static StreamedMultipart of(@Nullable String contentType, InputStream in) throws IOException {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw new IllegalArgumentException("Content-Type must be multipart/form-data, was " + contentType);
		}
		Matcher boundary = BOUNDARY.matcher(contentType);
		if (!boundary.find()) {
			throw new IllegalArgumentException("multipart/form-data without a boundary");
		}
		StreamedMultipart reader = new StreamedMultipart(in, boundary.group(2));
		reader.skipPreamble();
		return reader;
	}

	/**
	 * The next part's headers; read its content with {@link #content} before asking for the
	 * next.
	 * @return the part, or {@code null} after the closing boundary
	 * @throws IOException when reading fails
	 * @throws IllegalArgumentException when the body is malformed
	 */
	@Nullable Part next() throws IOException {
		if (this.done) {
			return null;
		}
		fill(2);
		if (available() < 2) {
			throw new IllegalArgumentException("The body ends after a boundary");
		}
		if (this.buffer[this.start] == '-' && this.buffer[this.start + 1] == '-') {
			this.done = true;
			return null;
		}
		if (this.buffer[this.start] != '\r' || this.buffer[this.start + 1] != '\n') {
			throw new IllegalArgumentException("No CRLF after a boundary");
		}
		this.start += 2;
		String headers = headers();
		Matcher name = NAME.matcher(headers);
		if (!name.find()) {
			throw new IllegalArgumentException("A part has no Content-Disposition name: " + headers);
		}
		Matcher filename = FILENAME.matcher(headers);
		Matcher type = CONTENT_TYPE.matcher(headers);
		return new Part(name.group(1), filename.find() ? filename.group(1) : null, type.find() ? type.group(1) : null,
				headers);
	}

	/**
	 * Hand the current part's content to a sink, piece by piece, up to the next boundary.
	 * @throws IOException when reading fails
	 * @throws IllegalArgumentException when no boundary ends the part
	 */
	void content(Sink sink) throws IOException {
		while (true) {
			fill(this.delimiter.length);
			int found = indexOfDelimiter();
			if (found >= 0) {
				sink.accept(this.buffer, this.start, found - this.start);
				this.start = found + this.delimiter.length;
				return;
			}
			if (this.eof) {
				throw new IllegalArgumentException("A part is not terminated by the boundary");
			}
			int safe = available() - (this.delimiter.length - 1);
			if (safe > 0) {
				sink.accept(this.buffer, this.start, safe);
				this.start += safe;
			}
			compact();
			readMore();
		}
	}

	/** The current part's content as text, at most {@code limit} bytes. */
	String text(int limit) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		content((bytes, offset, length) -> {
			if (out.size() + length > limit) {
				throw new IllegalArgumentException("A text field is longer than " + limit + " bytes");
			}
			out.write(bytes, offset, length);
		});
		return out.toString(StandardCharsets.UTF_8);
	}

	private void skipPreamble() throws IOException {
		content((bytes, offset, length) -> {
			if (length > 0) {
				throw new IllegalArgumentException("The body does not start with the boundary");
			}
		});
	}

	private String headers() throws IOException {
		while (true) {
			int found = indexOf(new byte[] { '\r', '\n', '\r', '\n' });
			if (found >= 0) {
				String headers = new String(this.buffer, this.start, found - this.start, StandardCharsets.UTF_8);
				this.start = found + 4;
				return headers;
			}
			if (this.eof || available() > MAX_HEADERS) {
				throw new IllegalArgumentException("A part's headers do not end");
			}
			compact();
			readMore();
		}
	}

	private int indexOfDelimiter() {
		return indexOf(this.delimiter);
	}

	private int indexOf(byte[] target) {
		byte first = target[0];
		for (int i = this.start; i <= this.end - target.length; i++) {
			if (this.buffer[i] != first) {
				continue;
			}
			int j = 1;
			while (j < target.length && this.buffer[i + j] == target[j]) {
				j++;
			}
			if (j == target.length) {
				return i;
			}
		}
		return -1;
	}

	private int available() {
		return this.end - this.start;
	}

	private void fill(int wanted) throws IOException {
		if (available() >= wanted) {
			return;
		}
		compact();
		while (!this.eof && available() < wanted) {
			readMore();
		}
	}

	private void compact() {
		if (this.start > 0) {
			System.arraycopy(this.buffer, this.start, this.buffer, 0, available());
			this.end -= this.start;
			this.start = 0;
		}
	}

	private void readMore() throws IOException {
		if (this.end == this.buffer.length) {
			return;
		}
		int read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
		if (read < 0) {
			this.eof = true;
		}
		else {
			this.end += read;
		}
	}

	/** Takes a part's content in pieces. */
	@FunctionalInterface
	interface Sink {

		void accept(byte[] bytes, int offset, int length) throws IOException;

	}

	/**
	 * A part's headers.
	 *
	 * @param name its form field name
	 * @param filename the file name, for a file part
	 * @param contentType its {@code Content-Type}, if it has one
	 * @param headers the headers as sent
	 */
	record Part(String name, @Nullable String filename, @Nullable String contentType, String headers) {
	}

}
