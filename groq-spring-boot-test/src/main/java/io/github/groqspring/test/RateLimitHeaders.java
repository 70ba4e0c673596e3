package io.github.groqspring.test;

import com.sun.net.httpserver.Headers;

/**
 * Groq's rate-limit headers, on every answer (errors included): requests per day, tokens
 * per minute, Go-style reset durations. The emulator reports a fixed budget and does not
 * enforce it.
 */
final class RateLimitHeaders {

	private RateLimitHeaders() {
	}

	static void write(Headers headers, int requestsSoFar) {
		headers.set("x-ratelimit-limit-requests", "14400");
		headers.set("x-ratelimit-remaining-requests", Long.toString(Math.max(0, 14400 - requestsSoFar)));
		headers.set("x-ratelimit-reset-requests", "2m59.56s");
		headers.set("x-ratelimit-limit-tokens", "6000");
		headers.set("x-ratelimit-remaining-tokens", "5997");
		headers.set("x-ratelimit-reset-tokens", "7.66s");
	}

}
