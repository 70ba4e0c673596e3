package io.github.groqspring.error;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 400 because the model cannot do what the request asks: call tools, read images,
 * follow a JSON schema, take reasoning, or run a built-in tool. Send the request to a model
 * that can (Groq's models page lists what each does). Groq's wording is captured for JSON
 * schemas ("This model does not support response format `json_schema`") and reasoning
 * ("reasoning is not supported with this model"); for tools and images it is not, so those
 * are recognised by the words "does not support" or "not supported" with "tool" or
 * "image"/"vision".
 */
public class ModelCapabilityException extends ModelRefusedException {

	private final Capability capability;

	/**
	 * Create the exception.
	 * @param message the full message
	 * @param statusCode the HTTP status
	 * @param error the decoded error object
	 * @param requestId Groq's request id
	 * @param rateLimits the response's rate limits
	 * @param model the model Groq's message names, else the model the request named
	 * @param capability what the model cannot do
	 */
	public ModelCapabilityException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable String model, Capability capability) {
		this(message, statusCode, error, requestId, rateLimits, null, 1, model, capability);
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
	 * @param capability what the model cannot do
	 */
	public ModelCapabilityException(String message, int statusCode, GroqError error, @Nullable String requestId,
			RateLimits rateLimits, @Nullable Boolean retryHint, int attempts, @Nullable String model,
			Capability capability) {
		super(message, statusCode, error, requestId, rateLimits, retryHint, attempts, model);
		this.capability = capability;
	}

	/**
	 * What the model cannot do.
	 * @return the capability the request needed
	 */
	public Capability getCapability() {
		return this.capability;
	}

	/** What a request may need of a model. */
	public enum Capability {

		/** Function tools ({@code tools}, {@code tool_choice}). */
		TOOL_CALLING("tool calling"),

		/** Image content parts. */
		VISION("images (vision)"),

		/** {@code response_format} {@code json_schema}. */
		JSON_SCHEMA("JSON schema output"),

		/** Reasoning fields or reasoning on assistant messages. */
		REASONING("reasoning"),

		/** Groq's built-in tools ({@code browser_search}, {@code code_interpreter}). */
		BUILT_IN_TOOLS("built-in tools");

		private final String description;

		Capability(String description) {
			this.description = description;
		}

		/**
		 * The capability in words, as the message says it.
		 * @return e.g. {@code tool calling}
		 */
		public String description() {
			return this.description;
		}

	}

}
