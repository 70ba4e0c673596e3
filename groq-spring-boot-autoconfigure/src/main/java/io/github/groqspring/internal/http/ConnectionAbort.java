package io.github.groqspring.internal.http;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.io.EofSensorInputStream;

import org.springframework.util.ClassUtils;

/**
 * Drops the connection under a response body that must not be read to its end (a stalled
 * or dripping answer, a stream closed early). Closing such a body normally drains it so the
 * connection can be reused, which for a stalled server means waiting for it.
 */
final class ConnectionAbort {

	private static final boolean HTTP_CORE_PRESENT = ClassUtils
		.isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", ConnectionAbort.class.getClassLoader());

	private ConnectionAbort() {
	}

	/**
	 * Abort the connection a body is read from, if the HTTP client allows it (Apache
	 * HttpClient 5 does); otherwise close the body.
	 * @param body the response body
	 */
	static void abort(InputStream body) {
		try {
			if (HTTP_CORE_PRESENT && HttpCore.abort(body)) {
				return;
			}
			body.close();
		}
		catch (IOException ex) {
			// The connection is being thrown away: nothing more to do.
		}
	}

	private static final class HttpCore {

		static boolean abort(InputStream body) throws IOException {
			if (body instanceof EofSensorInputStream sensor) {
				sensor.abort();
				return true;
			}
			return false;
		}

	}

}
