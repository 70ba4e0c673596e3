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

	private @Nullable String model;

	private final boolean modelInMessage;

	/**
	 * Create the exception.
	 * @param message the full message, naming the model when it is known
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param model the model Groq's message names, or {@code null}
	 */
	protected ModelRefusedException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable String model) {
		super(message, statusCode, error, requestId, rateLimits);
		this.model = model;
		this.modelInMessage = model != null;
	}

	/**
	 * The model Groq refused.
	 * @return the model id, or {@code null} when neither Groq nor the request named it
	 */
	public @Nullable String getModel() {
		return this.model;
	}

	/**
	 * Name the model the request was sent to, when Groq's message did not; set by
	 * {@code GroqTemplate}.
	 * @param model the request's model
	 */
	public void setModel(@Nullable String model) {
		if (this.model == null) {
			this.model = model;
		}
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		return (this.modelInMessage || this.model == null) ? message : message + " (model " + this.model + ")";
	}

}
