package io.github.groqspring.internal.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.ModelCapabilityException;
import io.github.groqspring.error.ModelCapabilityException.Capability;
import io.github.groqspring.error.ModelDecommissionedException;
import io.github.groqspring.error.ModelTermsRequiredException;
import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Recognises Groq's 400s that are about the model ({@code model_terms_required},
 * {@code model_decommissioned}, a capability it lacks) and makes their typed exception,
 * with a message that says what to do.
 */
final class ModelErrors {

	/** Groq names the model in backticks: "The model `x` ...", "model `x` does not ...". */
	private static final Pattern MODEL = Pattern.compile("model `([^`]+)`", Pattern.CASE_INSENSITIVE);

	private ModelErrors() {
	}

	/**
	 * The typed refusal for a 400 about the model, or {@code null} for any other 400.
	 * @param requestModel the model the request named, for when Groq's message names none
	 */
	static @Nullable GroqBadRequestException refusal(String message, int status, GroqError error,
			@Nullable String requestId, RateLimits rateLimits, @Nullable Boolean hint, int attempts,
			@Nullable String requestModel) {
		String text = (error.message() != null) ? error.message() : "";
		String named = model(text);
		String model = (named != null) ? named : requestModel;
		if (ModelTermsRequiredException.CODE.equals(error.code())) {
			return new ModelTermsRequiredException(message + ". Accept the model's terms in Groq's console (an admin of "
					+ "the organisation must, once): https://console.groq.com/playground"
					+ ((model != null) ? "?model=" + model : ""), status, error, requestId, rateLimits, hint, attempts,
					model);
		}
		if (ModelDecommissionedException.CODE.equals(error.code()) || text.contains("has been decommissioned")) {
			return new ModelDecommissionedException(message + ". Groq no longer serves "
					+ ((model != null) ? model : "the request's model") + ": choose a current model ("
					+ ModelDecommissionedException.DEPRECATIONS_URL + ") for the request or groq.default-model", status,
					error, requestId, rateLimits, hint, attempts, model);
		}
		Capability capability = capability(text.toLowerCase(Locale.ROOT));
		if (capability != null) {
			return new ModelCapabilityException(message + ". " + ((model != null) ? "Model " + model : "The request's model")
					+ " does not support " + capability.description() + ": send this request to a model that does (see "
					+ "https://console.groq.com/docs/models)", status, error, requestId, rateLimits, hint, attempts, model,
					capability);
		}
		return null;
	}

	private static @Nullable Capability capability(String text) {
		boolean unsupported = text.contains("does not support") || text.contains("not supported");
		if (!unsupported && !text.contains("content must be a string")) {
			return null;
		}
		if (text.contains("json_schema")) {
			return Capability.JSON_SCHEMA;
		}
		if (text.contains("browser_search") || text.contains("code_interpreter")) {
			return Capability.BUILT_IN_TOOLS;
		}
		if (text.contains("reasoning")) {
			return Capability.REASONING;
		}
		if (text.contains("image") || text.contains("vision")) {
			return Capability.VISION;
		}
		if (text.contains("content must be a string")) {
			// Captured (2024) for an image part sent to a model without vision.
			return Capability.VISION;
		}
		if (text.contains("tool") || text.contains("function calling")) {
			return Capability.TOOL_CALLING;
		}
		return null;
	}

	private static @Nullable String model(String text) {
		Matcher matcher = MODEL.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

}
