package io.github.groqspring.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A response body read as it arrives, releasing its response when closed: read to its end,
 * the connection goes back to the pool; closed early, the connection is dropped instead of
 * reading (and waiting for) the rest.
 */
final class ResponseBodyStream extends FilterInputStream {

	private final ClientHttpResponse response;

	private boolean ended;

	ResponseBodyStream(ClientHttpResponse response) throws IOException {
		super(response.getBody());
		this.response = response;
	}

	@Override
	public int read() throws IOException {
		int value = super.read();
		this.ended |= (value == -1);
		return value;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		this.ended |= (read == -1);
		return read;
	}

	@Override
	public void close() throws IOException {
		try {
			if (!this.ended) {
				ConnectionAbort.abort(this.in);
			}
			super.close();
		}
		finally {
			this.response.close();
		}
	}

}
