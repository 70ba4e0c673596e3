package io.github.groqspring.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.groqspring.error.GroqTimeoutException;

/**
 * Reading response bodies within an attempt's deadline: whole, for error pages and other
 * bodies kept as bytes ({@link #readBody}), or as a stream that a JSON parser reads directly
 * ({@link #withDeadline}), so that a successful answer is never copied into an array first.
 * Either way the connection is dropped, and a {@link GroqTimeoutException} raised, when the
 * deadline passes while bytes are still arriving.
 */
final class ResponseBodies {

	/** Bodies announcing more than this are not read into an array of the announced size. */
	private static final int MAX_PRESIZED_BODY = 16 * 1024 * 1024;

	/** How much of a body {@link DeadlineStream#start()} keeps for an error message. */
	static final int KEPT_START = 200;

	private ResponseBodies() {
	}

	/**
	 * Read a body whole. With a {@code Content-Length} it is read into an array of that size;
	 * a body longer or shorter than announced is kept as it arrived.
	 * @param in the body
	 * @param contentLength the announced length, negative when unknown
	 * @param deadline {@link System#nanoTime()} by which it must have arrived
	 * @param what the request, for the timeout's message, e.g. {@code POST /openai/v1/...}
	 * @param attempt the attempt's number in its call, for the timeout
	 * @return every byte of the body
	 * @throws IOException when reading fails
	 * @throws GroqTimeoutException when the deadline passes first
	 */
	static byte[] readBody(InputStream in, long contentLength, long deadline, String what, int attempt)
			throws IOException {
		if (contentLength >= 0 && contentLength <= MAX_PRESIZED_BODY) {
			byte[] body = new byte[(int) contentLength];
			int filled = 0;
			while (filled < body.length) {
				int read = in.read(body, filled, body.length - filled);
				if (read == -1) {
					return Arrays.copyOf(body, filled);
				}
				filled += read;
				checkDeadline(in, deadline, what, filled, attempt);
			}
			int next = in.read();
			if (next == -1) {
				return body;
			}
			ByteArrayOutputStream more = new ByteArrayOutputStream(body.length + 8192);
			more.write(body);
			more.write(next);
			return readRest(in, more, deadline, what, attempt);
		}
		return readRest(in, new ByteArrayOutputStream(8192), deadline, what, attempt);
	}

	private static byte[] readRest(InputStream in, ByteArrayOutputStream out, long deadline, String what,
			int attempt) throws IOException {
		byte[] buffer = new byte[8192];
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			out.write(buffer, 0, read);
			checkDeadline(in, deadline, what, out.size(), attempt);
		}
		return out.toByteArray();
	}

	/**
	 * A view of a body that checks the deadline after every read, keeps its first
	 * {@value #KEPT_START} bytes for an error message and counts the rest. Closing the view
	 * leaves the body open: whoever owns the response closes it.
	 * @param in the body
	 * @param deadline {@link System#nanoTime()} by which it must have arrived
	 * @param method the request's method, for the timeout's message
	 * @param path the request's path, for the timeout's message
	 * @param attempt the attempt's number in its call, for the timeout
	 * @return the view
	 */
	static DeadlineStream withDeadline(InputStream in, long deadline, String method, String path, int attempt) {
		return new DeadlineStream(in, deadline, method, path, attempt);
	}

	private static void checkDeadline(InputStream in, long deadline, String what, long received, int attempt) {
		if (System.nanoTime() - deadline > 0) {
			throw timedOut(in, what, received, attempt);
		}
	}

	private static GroqTimeoutException timedOut(InputStream in, String what, long received, int attempt) {
		ConnectionAbort.abort(in);
		return new GroqTimeoutException("Groq's answer to " + what + " did not complete in time "
				+ "(groq.read-timeout, groq.call-timeout): " + received + " bytes received", attempt, null);
	}

	/** See {@link ResponseBodies#withDeadline}. */
	static final class DeadlineStream extends FilterInputStream {

		private final long deadline;

		private final String method;

		private final String path;

		private final int attempt;

		private final byte[] start = new byte[KEPT_START];

		private long received;

		private DeadlineStream(InputStream in, long deadline, String method, String path, int attempt) {
			super(in);
			this.deadline = deadline;
			this.method = method;
			this.path = path;
			this.attempt = attempt;
		}

		@Override
		public int read() throws IOException {
			int next = this.in.read();
			if (next != -1) {
				if (this.received < KEPT_START) {
					this.start[(int) this.received] = (byte) next;
				}
				arrived(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read > 0) {
				if (this.received < KEPT_START) {
					System.arraycopy(buffer, offset, this.start, (int) this.received,
							(int) Math.min(read, KEPT_START - this.received));
				}
				arrived(read);
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
			int read = read(discard, 0, discard.length);
			return Math.max(read, 0);
		}

		private void arrived(int bytes) {
			this.received += bytes;
			if (System.nanoTime() - this.deadline > 0) {
				throw timedOut(this.in, this.method + " " + this.path, this.received, this.attempt);
			}
		}

		/**
		 * Read whatever follows the parsed value, within the deadline, so that the connection
		 * can be reused.
		 * @throws IOException when reading fails
		 */
		void drain() throws IOException {
			if (read() == -1) {
				return;
			}
			byte[] buffer = new byte[512];
			while (read(buffer, 0, buffer.length) != -1) {
				// discarded
			}
		}

		/**
		 * The bytes read so far.
		 * @return the count
		 */
		long received() {
			return this.received;
		}

		/**
		 * The start of the body as text, for an error message.
		 * @return up to {@value ResponseBodies#KEPT_START} bytes, decoded as UTF-8
		 */
		String start() {
			return new String(this.start, 0, (int) Math.min(this.received, KEPT_START), StandardCharsets.UTF_8);
		}

		@Override
		public void close() {
			// The response's owner closes the body.
		}

	}

}
