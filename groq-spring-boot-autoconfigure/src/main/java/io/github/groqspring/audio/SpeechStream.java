package io.github.groqspring.audio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Speech read as it arrives from Groq. Close it (try-with-resources): that releases the
 * connection, and drops it when the audio was not read to its end. The call's
 * {@code speech} observation ends with the stream: a success at its end, a failure when a
 * read fails, cancelled when it is closed before its end.
 */
public final class SpeechStream extends FilterInputStream {

	private final String contentType;

	private final ResponseMetadata metadata;

	private final Listener listener;

	private final WavMeter meter = new WavMeter();

	private boolean ended;

	SpeechStream(InputStream body, String contentType, ResponseMetadata metadata, Listener listener) {
		super(body);
		this.contentType = contentType;
		this.metadata = metadata;
		this.listener = listener;
	}

	/**
	 * The answer's {@code Content-Type}.
	 * @return e.g. {@code audio/wav}
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * The response's status, request id, rate limits and attempts.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * The audio's length so far, from the WAV header and the bytes read.
	 * @return the length, or {@code null} when the audio is not WAV (or its header has not
	 * arrived yet)
	 */
	public @Nullable Duration duration() {
		return this.meter.duration();
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read == 1) ? (one[0] & 0xFF) : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read;
		try {
			read = this.in.read(buffer, offset, length);
		}
		catch (IOException | RuntimeException ex) {
			end(ex);
			throw ex;
		}
		if (read > 0) {
			this.meter.update(buffer, offset, read);
		}
		else if (read < 0) {
			end(null);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
		return Math.max(read(discard, 0, discard.length), 0);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	@Override
	public void close() throws IOException {
		try {
			super.close();
		}
		finally {
			if (!this.ended) {
				this.ended = true;
				this.listener.cancelled(this.metadata);
			}
		}
	}

	private void end(@Nullable Throwable failure) {
		if (this.ended) {
			return;
		}
		this.ended = true;
		if (failure != null) {
			this.listener.failed(failure);
		}
		else {
			this.listener.completed(this.meter.duration());
		}
	}

	/** Told how the stream ended, once. */
	interface Listener {

		void completed(@Nullable Duration duration);

		void failed(Throwable failure);

		void cancelled(ResponseMetadata metadata);

	}

}
