package io.github.groqspring.http;

import java.io.FilterInputStream;
import java.io.IOException;

import org.springframework.http.client.ClientHttpResponse;

/**
 * A response body read as it arrives, releasing its response (and connection) when closed.
 */
final class ResponseBodyStream extends FilterInputStream {

	private final ClientHttpResponse response;

	ResponseBodyStream(ClientHttpResponse response) throws IOException {
		super(response.getBody());
		this.response = response;
	}

	@Override
	public void close() throws IOException {
		try {
			super.close();
		}
		finally {
			this.response.close();
		}
	}

}
