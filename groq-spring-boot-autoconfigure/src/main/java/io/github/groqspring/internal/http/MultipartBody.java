package io.github.groqspring.internal.http;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.StreamingHttpOutputMessage;

/**
 * A {@code multipart/form-data} body of text fields and one file, with a known length,
 * written straight to the connection: the file is streamed, never held in memory, and no
 * message converter sees it.
 */
final class MultipartBody implements StreamingHttpOutputMessage.Body {

	private final String boundary;

	private final byte[] head;

	private final byte[] tail;

	private final long fileLength;

	private final ContentWriter file;

	MultipartBody(String boundary, Map<String, String> fields, String fileField, String filename, long fileLength,
			ContentWriter file) {
		if (filename.indexOf('"') >= 0 || filename.indexOf('\r') >= 0 || filename.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("A file name must not contain '\"', CR or LF, was " + filename);
		}
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(fileField)
			.append("\"; filename=\"")
			.append(filename)
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		this.boundary = boundary;
		this.head = head.toString().getBytes(StandardCharsets.UTF_8);
		this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		this.fileLength = fileLength;
		this.file = file;
	}

	String boundary() {
		return this.boundary;
	}

	long length() {
		return this.head.length + this.fileLength + this.tail.length;
	}

	@Override
	public void writeTo(OutputStream outputStream) throws IOException {
		BufferedOutputStream buffered = new BufferedOutputStream(outputStream, 64 * 1024);
		buffered.write(this.head);
		CountingOutputStream counting = new CountingOutputStream(buffered);
		this.file.writeTo(counting);
		if (counting.count != this.fileLength) {
			throw new IOException("The file part announced " + this.fileLength + " bytes but wrote " + counting.count);
		}
		buffered.write(this.tail);
		buffered.flush();
	}

	@Override
	public boolean repeatable() {
		return true;
	}

	/** Counts what passes through; closing it does not close the target. */
	private static final class CountingOutputStream extends FilterOutputStream {

		private long count;

		CountingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			this.count += length;
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
