package io.github.groqspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A scripted answer for the {@link GroqEmulator}: an error in Groq's shape, a chosen reply,
 * or any raw response, optionally delayed.
 *
 * @param status the HTTP status
 * @param headers extra headers
 * @param body the body, or {@code null} to let the emulator answer as usual (with
 * {@link #reply(String)})
 * @param content the reply's text for a normal completion, or {@code null}
 * @param delay how long to wait before answering
 */
public record EmulatedResponse(int status, Map<String, String> headers, byte @Nullable [] body,
		@Nullable String content, Duration delay) {

	public EmulatedResponse {
		headers = Map.copyOf(headers);
	}

	/**
	 * A normal completion whose message says this.
	 * @param content the assistant's text
	 * @return the response
	 */
	public static EmulatedResponse reply(String content) {
		return new EmulatedResponse(200, Map.of(), null, content, Duration.ZERO);
	}

	/**
	 * An error with Groq's error body.
	 * @param status the status, e.g. 400
	 * @param type Groq's error type
	 * @param code Groq's error code, may be {@code null}
	 * @param message Groq's message
	 * @return the response
	 */
	public static EmulatedResponse error(int status, String type, @Nullable String code, String message) {
		return json(status, WireFormat.errorBody(type, code, message, null));
	}

	/**
	 * Groq's 498 for a full flex tier.
	 * @return the response
	 */
	public static EmulatedResponse flexCapacityExceeded() {
		return error(498, "capacity_exceeded", "capacity_exceeded",
				"Flex tier capacity exceeded. This is a transient error: retry with backoff.");
	}

	/**
	 * Groq's 429 with a {@code retry-after} header.
	 * @param retryAfterSeconds the seconds Groq asks the caller to wait
	 * @return the response
	 */
	public static EmulatedResponse rateLimited(long retryAfterSeconds) {
		return error(429, "tokens", "rate_limit_exceeded",
				"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_emulated` service tier "
						+ "`on_demand` on tokens per minute (TPM): Limit 12000, Used 4437, Requested 9854. "
						+ "Please try again in " + retryAfterSeconds + "s.")
			.withHeader("retry-after", Long.toString(retryAfterSeconds));
	}

	/**
	 * Any response.
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 * @return the response
	 */
	public static EmulatedResponse raw(int status, String contentType, String body) {
		return new EmulatedResponse(status, Map.of("content-type", contentType), body.getBytes(StandardCharsets.UTF_8),
				null, Duration.ZERO);
	}

	static EmulatedResponse json(int status, String body) {
		return raw(status, "application/json", body);
	}

	/**
	 * This response with one more header.
	 * @param name the header's name
	 * @param value its value
	 * @return a copy
	 */
	public EmulatedResponse withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new EmulatedResponse(this.status, copy, this.body, this.content, this.delay);
	}

	/**
	 * This response, sent only after a delay.
	 * @param delay how long to wait
	 * @return a copy
	 */
	public EmulatedResponse delayedBy(Duration delay) {
		return new EmulatedResponse(this.status, this.headers, this.body, this.content, delay);
	}

}
