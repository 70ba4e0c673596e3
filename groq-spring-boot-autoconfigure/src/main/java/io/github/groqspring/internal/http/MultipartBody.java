package io.github.groqspring.internal.http;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.StreamingHttpOutputMessage;

/**
 * A {@code multipart/form-data} body with a known length, written straight to the
 * connection: its parts in the order given, a file part's bytes streamed from its writer,
 * never held in memory, and no message converter sees them. Each part is its boundary
 * line, a {@code Content-Disposition} header (with {@code filename} for a file part, then
 * its {@code Content-Type}), a blank line and the content.
 */
public final class MultipartBody implements StreamingHttpOutputMessage.Body {

	private final String boundary;

	private final List<Segment> segments;

	private final long length;

	private final boolean repeatable;

	private volatile long writtenAtNanos;

	/**
	 * A body of parts in this order.
	 * @param boundary the boundary, without the leading {@code --}
	 * @param parts the parts, in the order they go on the wire
	 * @throws IllegalArgumentException when a name or file name holds {@code "}, CR or LF
	 */
	public MultipartBody(String boundary, List<Part> parts) {
		List<Segment> segments = new ArrayList<>();
		StringBuilder head = new StringBuilder();
		long length = 0;
		boolean repeatable = true;
		for (Part part : parts) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
				.append(headerValue("A part name", part.name())).append('"');
			if (part instanceof FilePart file) {
				head.append("; filename=\"")
					.append(headerValue("A file name", file.filename()))
					.append("\"\r\nContent-Type: ")
					.append(headerValue("A content type", file.contentType()))
					.append("\r\n\r\n");
				byte[] bytes = head.toString().getBytes(StandardCharsets.UTF_8);
				segments.add(new Segment(bytes, null, 0));
				segments.add(new Segment(null, file.content(), file.length()));
				length += bytes.length + file.length();
				repeatable &= file.repeatable();
				head.setLength(0);
				head.append("\r\n");
			}
			else {
				head.append("\r\n\r\n").append(((TextPart) part).value()).append("\r\n");
			}
		}
		head.append("--").append(boundary).append("--\r\n");
		byte[] tail = head.toString().getBytes(StandardCharsets.UTF_8);
		segments.add(new Segment(tail, null, 0));
		this.boundary = boundary;
		this.segments = List.copyOf(segments);
		this.length = length + tail.length;
		this.repeatable = repeatable;
	}

	/**
	 * A body of text fields and then one file, sent as {@code application/octet-stream}.
	 * @param boundary the boundary
	 * @param fields the text fields, in order, e.g. {@code purpose=batch}
	 * @param fileField the file part's name
	 * @param filename the file name sent, without {@code "}, CR or LF
	 * @param fileLength exactly how many bytes {@code file} writes
	 * @param file writes the file's bytes; called again if the request is re-sent
	 */
	MultipartBody(String boundary, Map<String, String> fields, String fileField, String filename, long fileLength,
			ContentWriter file) {
		this(boundary, fieldsThenFile(fields, new FilePart(fileField, filename, "application/octet-stream",
				fileLength, file, true)));
	}

	private static List<Part> fieldsThenFile(Map<String, String> fields, FilePart file) {
		List<Part> parts = new ArrayList<>();
		fields.forEach((name, value) -> parts.add(new TextPart(name, value)));
		parts.add(file);
		return parts;
	}

	private static String headerValue(String what, String value) {
		if (value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException(what + " must not contain '\"', CR or LF, was " + value);
		}
		return value;
	}

	/**
	 * The boundary, for the {@code Content-Type} header.
	 * @return the boundary, without the leading {@code --}
	 */
	public String boundary() {
		return this.boundary;
	}

	/**
	 * The exact length of the body, for the {@code Content-Length} header.
	 * @return the bytes {@link #writeTo} writes
	 */
	public long length() {
		return this.length;
	}

	/**
	 * When the last byte of the body was last handed to the connection.
	 * @return a {@link System#nanoTime()} value, 0 before the body was written
	 */
	long writtenAtNanos() {
		return this.writtenAtNanos;
	}

	@Override
	public void writeTo(OutputStream outputStream) throws IOException {
		BufferedOutputStream buffered = new BufferedOutputStream(outputStream, 64 * 1024);
		for (Segment segment : this.segments) {
			if (segment.bytes() != null) {
				buffered.write(segment.bytes());
				continue;
			}
			CountingOutputStream counting = new CountingOutputStream(buffered);
			ContentWriter content = segment.content();
			if (content != null) {
				content.writeTo(counting);
			}
			if (counting.count != segment.length()) {
				throw new IOException("The file part announced " + segment.length() + " bytes but wrote "
						+ counting.count);
			}
		}
		buffered.flush();
		this.writtenAtNanos = System.nanoTime();
	}

	/**
	 * Whether the body can be written again, for a retry: not when a file part reads a
	 * stream that can be read only once.
	 * @return {@code true} when every file part is repeatable
	 */
	@Override
	public boolean repeatable() {
		return this.repeatable;
	}

	/** One part of the body. */
	public sealed interface Part permits TextPart, FilePart {

		/**
		 * The part's form field name.
		 * @return e.g. {@code model} or {@code timestamp_granularities[]}
		 */
		String name();

	}

	/**
	 * A text field.
	 *
	 * @param name the field's name
	 * @param value its value, sent as UTF-8
	 */
	public record TextPart(String name, String value) implements Part {
	}

	/**
	 * A file, streamed.
	 *
	 * @param name the field's name, e.g. {@code file}
	 * @param filename the file name sent
	 * @param contentType the part's {@code Content-Type}
	 * @param length exactly how many bytes {@code content} writes
	 * @param content writes the file's bytes
	 * @param repeatable whether {@code content} writes the same bytes when called again
	 */
	public record FilePart(String name, String filename, String contentType, long length, ContentWriter content,
			boolean repeatable) implements Part {
	}

	/** Either fixed bytes or a file's content of a known length. */
	private record Segment(byte @Nullable [] bytes, @Nullable ContentWriter content, long length) {
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
