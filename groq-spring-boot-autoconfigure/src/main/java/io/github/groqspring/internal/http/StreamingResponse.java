package io.github.groqspring.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A successful Groq response whose body is still arriving: its metadata, and its body as
 * bytes come in, guarded by an idle timeout. {@link #close()} it after the last byte to give
 * the connection back to the pool; {@link #abort()} it to drop the connection at once
 * without reading the rest (Apache HttpClient 5 would otherwise read a stream to its end
 * before closing it).
 */
public final class StreamingResponse implements AutoCloseable {


	private final ClientHttpResponse response;

	private final ResponseMetadata metadata;

	private final InputStream connection;

	private final WatchedBody body;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final ApiKeyMask keyMask;

	StreamingResponse(ClientHttpResponse response, ResponseMetadata metadata, @Nullable Duration idleTimeout,
			ApiKeyMask keyMask) throws IOException {
		this.response = response;
		this.metadata = metadata;
		this.keyMask = keyMask;
		this.connection = response.getBody();
		this.body = new WatchedBody(this.connection, idleTimeout);
	}

	/**
	 * The response's status, ids and rate limits.
	 * @return the metadata
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

	/**
	 * What masks API keys in messages built from this response (Groq's in-stream errors).
	 * @return the mask of the client that sent the request
	 */
	public ApiKeyMask keyMask() {
		return this.keyMask;
	}

	/**
	 * The response's content type.
	 * @return the type, or {@code null} when Groq sent none
	 */
	public @Nullable MediaType contentType() {
		return this.response.getHeaders().getContentType();
	}

	/**
	 * The body, read as it arrives. A read that waits longer than the idle timeout fails
	 * with an {@link IdleTimeoutException} and drops the connection.
	 * @return the body
	 */
	public InputStream body() {
		return this.body;
	}

	/**
	 * Whether {@link #close()} or {@link #abort()} was called.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * Read what is left of the body (normally only its end) and give the connection back to
	 * the pool. Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.body.transferTo(OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				dropConnection();
			}
			this.response.close();
		}
	}

	/**
	 * Drop the connection now, without reading the rest of the body; a read blocked in
	 * another thread fails. Idempotent.
	 */
	public void abort() {
		if (this.closed.compareAndSet(false, true)) {
			dropConnection();
			this.response.close();
		}
	}

	private void dropConnection() {
		ConnectionAbort.abort(this.connection);
	}

	/**
	 * A read waited longer than the stream's idle timeout, so the connection was dropped.
	 */
	public static final class IdleTimeoutException extends SocketTimeoutException {

		IdleTimeoutException(@Nullable Duration idleTimeout, IOException cause) {
			super("no bytes from Groq for " + ((idleTimeout != null) ? idleTimeout.toMillis() : 0)
					+ " ms (groq.stream.idle-timeout)");
			initCause(cause);
		}

	}

	/**
	 * The body with an idle timeout: a watchdog drops the connection when a read has been
	 * blocked for longer than the timeout. Time the caller spends between reads does not
	 * count.
	 */
	private final class WatchedBody extends FilterInputStream {

		private final long idleNanos;

		private final @Nullable Duration idleTimeout;

		private volatile long readingSince;

		private volatile boolean timedOut;

		WatchedBody(InputStream body, @Nullable Duration idleTimeout) {
			super(body);
			this.idleTimeout = idleTimeout;
			this.idleNanos = (idleTimeout != null) ? idleTimeout.toNanos() : 0;
			if (this.idleNanos > 0) {
				watchAfter(this.idleNanos);
			}
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (this.idleNanos == 0) {
				return this.in.read(bytes, offset, length);
			}
			this.readingSince = System.nanoTime();
			try {
				return this.in.read(bytes, offset, length);
			}
			catch (IOException ex) {
				if (this.timedOut) {
					throw new IdleTimeoutException(this.idleTimeout, ex);
				}
				throw ex;
			}
			finally {
				this.readingSince = 0;
			}
		}

		@Override
		public void close() {
			// Closed with the response.
		}

		private void watchAfter(long nanos) {
			CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run).execute(this::check);
		}

		private void check() {
			if (StreamingResponse.this.closed.get()) {
				return;
			}
			long since = this.readingSince;
			long waited = (since != 0) ? System.nanoTime() - since : 0;
			if (waited >= this.idleNanos) {
				this.timedOut = true;
				dropConnection();
				return;
			}
			watchAfter(this.idleNanos - waited);
		}

	}

}
