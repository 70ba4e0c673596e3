package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Groq answered with an error status. Subclasses name the statuses a caller can act on;
 * this class itself stands for any other status.
 */
public class GroqApiException extends GroqException {

	private final GroqError error;

	private final @Nullable Boolean retryHint;

	/**
	 * Create an exception for an error response.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object, {@link GroqError#NONE} for a non-JSON body
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 */
	public GroqApiException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits) {
		this(message, statusCode, error, requestId, rateLimits, null, 1);
	}

	/**
	 * Create an exception for the error response to one attempt of a call, with Groq's
	 * retry advice.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object, {@link GroqError#NONE} for a non-JSON body
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param retryHint Groq's {@code x-should-retry} header, {@code null} when it sent none
	 * @param attempts how many requests the call had sent with this one, at least 1
	 */
	public GroqApiException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts) {
		super(message, statusCode, requestId, rateLimits, attempts, null);
		this.error = error;
		this.retryHint = retryHint;
	}

	/**
	 * The decoded error object.
	 * @return the error, {@link GroqError#NONE} when the body was not Groq's JSON
	 */
	public GroqError getError() {
		return this.error;
	}

	/**
	 * What Groq's {@code x-should-retry} header said.
	 * @return {@code true} or {@code false} as Groq said, {@code null} when it said nothing
	 */
	public @Nullable Boolean getRetryHint() {
		return this.retryHint;
	}

	/**
	 * Groq's error type.
	 * @return e.g. {@code invalid_request_error}, or {@code null}
	 */
	public @Nullable String getErrorType() {
		return this.error.type();
	}

	/**
	 * Groq's error code.
	 * @return e.g. {@code rate_limit_exceeded}, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.error.code();
	}

	/**
	 * Groq's own message, without the status and ids this exception's message adds.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getErrorMessage() {
		return this.error.message();
	}

}
