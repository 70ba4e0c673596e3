package io.github.groqspring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * Puts an answer on the wire: Groq's headers on every answer, errors included (a fresh
 * {@code x-request-id}, the region, rate limits; a scripted header wins), then the body whole
 * or broken as scripted ({@link EmulatedResponse.Fault}); audio chunked, as Groq sends it.
 */
final class ResponseWriter {

	private ResponseWriter() {
	}

	static void headers(HttpExchange exchange, Exchange request, EmulatedResponse response, int requestsSoFar) {
		var headers = exchange.getResponseHeaders();
		headers.set("x-request-id", request.requestId());
		headers.set("x-groq-region", "emulator");
		Map<String, String> enforced = request.rateLimitHeaders();
		if (enforced != null) {
			enforced.forEach(headers::set);
		}
		else {
			RateLimitHeaders.write(headers, requestsSoFar);
		}
		response.headers().forEach(headers::set);
	}

	static void body(HttpExchange exchange, EmulatedResponse response) throws IOException {
		byte[] body = (response.body() != null) ? response.body() : new byte[0];
		switch (response.fault()) {
			case NO_ANSWER -> sleep(Duration.ofMinutes(5));
			case RESET_MID_BODY -> {
				exchange.sendResponseHeaders(response.status(), body.length);
				OutputStream out = exchange.getResponseBody();
				out.write(body, 0, body.length / 2);
				out.flush();
				throw new IOException("connection cut mid-body, as scripted");
			}
			case DRIP -> {
				exchange.sendResponseHeaders(response.status(), body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					for (int offset = 0; offset < body.length; offset += 16) {
						out.write(body, offset, Math.min(16, body.length - offset));
						out.flush();
						sleep(response.dripInterval());
					}
				}
			}
			case NONE -> {
				if (isAudio(response) && body.length > 0) {
					chunked(exchange, response.status(), body);
					return;
				}
				exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
				if (body.length > 0) {
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				}
			}
		}
	}

	private static boolean isAudio(EmulatedResponse response) {
		String type = response.headers().get("content-type");
		return type != null && type.startsWith("audio/");
	}

	/** Audio goes out as Groq sends it: chunked, in 16 KB pieces. */
	private static void chunked(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int offset = 0; offset < body.length; offset += 16 * 1024) {
				out.write(body, offset, Math.min(16 * 1024, body.length - offset));
				out.flush();
			}
		}
	}

	static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
