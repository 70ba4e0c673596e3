package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 400 {@code model_decommissioned}: Groq no longer serves the model. Groq's message:
 * "The model `x` has been decommissioned and is no longer supported. Please refer to
 * https://console.groq.com/docs/deprecations for a recommendation on which model to use
 * instead." Change the request's model or {@code groq.default-model}. (A model Groq
 * withdrew only from some plans answers 404 {@code model_not_found} instead:
 * {@link GroqNotFoundException}.)
 */
public class ModelDecommissionedException extends ModelRefusedException {

	/** Groq's error code. */
	public static final String CODE = "model_decommissioned";

	/** Groq's page of decommissioned models and their replacements. */
	public static final String DEPRECATIONS_URL = "https://console.groq.com/docs/deprecations";

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param model the model Groq's message names, else the model the request named
	 */
	public ModelDecommissionedException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable String model) {
		super(message, statusCode, error, requestId, rateLimits, model);
	}

	/**
	 * Create the exception for one attempt of a call, with Groq's retry advice.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param retryHint Groq's {@code x-should-retry} header, {@code null} when it sent none
	 * @param attempts how many requests the call had sent with this one, at least 1
	 * @param model the model Groq's message names, else the model the request named
	 */
	public ModelDecommissionedException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts, @Nullable String model) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts, model);
	}

}
