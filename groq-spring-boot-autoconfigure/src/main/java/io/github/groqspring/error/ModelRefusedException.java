package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 400 because of the model the request named, not because of the request's shape:
 * its terms are not accepted ({@link ModelTermsRequiredException}), Groq no longer serves
 * it ({@link ModelDecommissionedException}), or it cannot do what the request asks
 * ({@link ModelCapabilityException}). Sending the request again unchanged cannot succeed;
 * the message says what to change, and names the model (from Groq's message, else the
 * model the request named).
 */
public abstract class ModelRefusedException extends GroqBadRequestException {

	private final @Nullable String model;

	/**
	 * Create the exception.
	 * @param message the full message, naming the model when it is known
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param model the model Groq's message names, else the model the request named, or
	 * {@code null}
	 */
	protected ModelRefusedException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable String model) {
		this(message, statusCode, error, requestId, rateLimits, null, 1, model);
	}

	/**
	 * Create the exception for one attempt of a call, with Groq's retry advice.
	 * @param message the full message, naming the model when it is known
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param retryHint Groq's {@code x-should-retry} header, {@code null} when it sent none
	 * @param attempts how many requests the call had sent with this one, at least 1
	 * @param model the model Groq's message names, else the model the request named, or
	 * {@code null}
	 */
	protected ModelRefusedException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts, @Nullable String model) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts);
		this.model = model;
	}

	/**
	 * The model Groq refused.
	 * @return the model id, or {@code null} when neither Groq nor the request named it
	 */
	public @Nullable String getModel() {
		return this.model;
	}

}
