package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 400 {@code model_terms_required}: the model's terms must be accepted, once, by an
 * admin of the organisation in Groq's console before the organisation may use it (as
 * Groq's TTS models and some others require). Groq's message:
 * "The model `x` requires terms acceptance. Please have the org admin accept the terms at
 * https://console.groq.com/playground?model=x".
 */
public class ModelTermsRequiredException extends ModelRefusedException {

	/** Groq's error code. */
	public static final String CODE = "model_terms_required";

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param model the model Groq's message names, else the model the request named
	 */
	public ModelTermsRequiredException(String message, int statusCode, GroqError error, @Nullable String requestId,
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
	public ModelTermsRequiredException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts, @Nullable String model) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts, model);
	}

	/**
	 * Where an admin accepts the model's terms.
	 * @return Groq's console page for the model, e.g.
	 * {@code https://console.groq.com/playground?model=canopylabs/orpheus-v1-english}
	 */
	public String getTermsUrl() {
		String model = getModel();
		return "https://console.groq.com/playground" + ((model != null) ? "?model=" + model : "");
	}

}
