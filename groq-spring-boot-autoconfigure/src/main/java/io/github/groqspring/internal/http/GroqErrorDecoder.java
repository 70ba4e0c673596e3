package io.github.groqspring.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqFailedDependencyException;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.GroqPermissionDeniedException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqRedirectException;
import io.github.groqspring.error.GroqRequestTooLargeException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqUnprocessableEntityException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Turns an error response into the typed {@link GroqApiException} for its status. Decodes
 * Groq's {@code {"error":{...}}} body, and still gives a useful message for anything else
 * (an HTML page from a proxy, an empty body). API keys the server echoes back (Groq's 401
 * says "Invalid API Key: gsk_... is not valid") are masked in the message and in every
 * field of the error, so that neither the exception nor a log line of it holds a key.
 */
public final class GroqErrorDecoder {

	private static final Pattern TIER_NOT_AVAILABLE = Pattern
		.compile("service_tier`?\\s*`?([a-z_]+)`?\\s+is not available", Pattern.CASE_INSENSITIVE);

	private static final int SNIPPET_LENGTH = 200;

	private final JsonMapper jsonMapper;

	private final ApiKeyMask keyMask;

	/**
	 * Create a decoder that masks keys shaped like Groq's ({@code gsk_...}).
	 * @param jsonMapper the mapper for error bodies
	 */
	public GroqErrorDecoder(JsonMapper jsonMapper) {
		this(jsonMapper, ApiKeyMask.GROQ_KEYS);
	}

	/**
	 * Create a decoder.
	 * @param jsonMapper the mapper for error bodies
	 * @param keyMask masks the configured key and Groq-shaped keys in what the server sent
	 */
	public GroqErrorDecoder(JsonMapper jsonMapper, ApiKeyMask keyMask) {
		this.jsonMapper = jsonMapper;
		this.keyMask = keyMask;
	}

	/**
	 * Decode an error response.
	 * @param status the HTTP status, anything outside 2xx
	 * @param headers the response headers
	 * @param body the response body, possibly empty
	 * @param requestedTier the tier that was sent, to name it when Groq refuses it
	 * @param attempts how many requests the call had sent with this one
	 * @return the exception to throw, with Groq's {@code x-should-retry} advice
	 */
	public GroqApiException decode(int status, HttpHeaders headers, byte[] body, @Nullable ServiceTier requestedTier,
			int attempts) {
		return decode(status, headers, body, requestedTier, null, attempts);
	}

	/**
	 * Decode an error response to a request that named a model.
	 * @param status the HTTP status, anything outside 2xx
	 * @param headers the response headers
	 * @param body the response body, possibly empty
	 * @param requestedTier the tier that was sent, to name it when Groq refuses it
	 * @param requestedModel the model that was sent, to name it when Groq refuses it and its
	 * message does not
	 * @param attempts how many requests the call had sent with this one
	 * @return the exception to throw, with Groq's {@code x-should-retry} advice
	 */
	public GroqApiException decode(int status, HttpHeaders headers, byte[] body, @Nullable ServiceTier requestedTier,
			@Nullable String requestedModel, int attempts) {
		GroqError error = this.keyMask.mask(parse(body));
		String requestId = headers.getFirst("x-request-id");
		RateLimits rateLimits = RateLimitHeaders.parse(headers);
		Boolean hint = retryHint(headers.getFirst("x-should-retry"));
		if (status >= 300 && status < 400) {
			return redirect(status, headers, error, requestId, rateLimits, hint, attempts);
		}
		String message = this.keyMask.mask(message(status, headers, body, error, requestId));
		if (status == 400) {
			String refusedTier = refusedTier(error, requestedTier);
			if (refusedTier != null) {
				return new ServiceTierNotAvailableException(message + ". Your organisation cannot use service tier '"
						+ refusedTier + "': send another tier (on the request, @GroqTier or groq.default-service-tier) "
						+ "or none, or upgrade the plan", status, error, requestId, rateLimits, hint, attempts,
						refusedTier);
			}
			GroqBadRequestException modelRefusal = ModelErrors.refusal(message, status, error, requestId, rateLimits,
					hint, attempts, requestedModel);
			return (modelRefusal != null) ? modelRefusal
					: new GroqBadRequestException(message, status, error, requestId, rateLimits, hint, attempts);
		}
		return switch (status) {
			case 401 -> new GroqAuthenticationException(message + ". Check GROQ_API_KEY (groq.api-key)", status, error,
					requestId, rateLimits, hint, attempts);
			case 403 -> new GroqPermissionDeniedException(message, status, error, requestId, rateLimits, hint, attempts);
			case 404 -> new GroqNotFoundException(message, status, error, requestId, rateLimits, hint, attempts);
			case 413 -> new GroqRequestTooLargeException(message, status, error, requestId, rateLimits, hint, attempts);
			case 422 -> new GroqUnprocessableEntityException(message, status, error, requestId, rateLimits, hint,
					attempts);
			case 424 -> new GroqFailedDependencyException(message, status, error, requestId, rateLimits, hint, attempts);
			case 429 -> new GroqRateLimitException(message, status, error, requestId, rateLimits, hint, attempts);
			case FlexCapacityExceededException.STATUS -> new FlexCapacityExceededException(message, status, error,
					requestId, rateLimits, hint, attempts);
			default -> (status >= 500)
					? new GroqServerException(message, status, error, requestId, rateLimits, hint, attempts)
					: new GroqApiException(message, status, error, requestId, rateLimits, hint, attempts);
		};
	}

	/** Groq's {@code x-should-retry}: {@code true} or {@code false}, anything else is no advice. */
	private static @Nullable Boolean retryHint(@Nullable String shouldRetry) {
		if ("true".equalsIgnoreCase(shouldRetry)) {
			return Boolean.TRUE;
		}
		return "false".equalsIgnoreCase(shouldRetry) ? Boolean.FALSE : null;
	}

	private GroqError parse(byte[] body) {
		if (body.length == 0 || firstNonBlank(body) != '{') {
			return GroqError.NONE;
		}
		try {
			JsonNode error = this.jsonMapper.readTree(body).get("error");
			if (error == null || error.isNull()) {
				return GroqError.NONE;
			}
			if (error.isString()) {
				return new GroqError(error.asString(), null, null, null, null);
			}
			return this.jsonMapper.treeToValue(error, GroqError.class);
		}
		catch (JacksonException ex) {
			return GroqError.NONE;
		}
	}

	private static String message(int status, HttpHeaders headers, byte[] body, GroqError error,
			@Nullable String requestId) {
		StringBuilder message = new StringBuilder("Groq answered ").append(status).append(' ').append(reason(status));
		if (error.type() != null || error.code() != null) {
			message.append(" [type=").append(error.type()).append(", code=").append(error.code()).append(']');
		}
		if (error.message() != null) {
			message.append(": ").append(error.message());
		}
		else if (body.length == 0) {
			message.append(" with an empty body");
		}
		else {
			message.append(" with a body that is not Groq's JSON error (")
				.append(headers.getFirst(HttpHeaders.CONTENT_TYPE))
				.append("): ")
				.append(snippet(body));
		}
		if (requestId != null) {
			message.append(" (request ").append(requestId).append(')');
		}
		return message.toString();
	}

	private GroqRedirectException redirect(int status, HttpHeaders headers, GroqError error,
			@Nullable String requestId, RateLimits rateLimits, @Nullable Boolean hint, int attempts) {
		String header = headers.getFirst(HttpHeaders.LOCATION);
		String location = (header != null) ? BaseUrls.withoutUserInfo(this.keyMask.mask(header)) : null;
		StringBuilder message = new StringBuilder("Groq answered ").append(status).append(' ').append(reason(status));
		message.append((location != null) ? " with a redirect to " + location : " without a Location header");
		if (requestId != null) {
			message.append(" (request ").append(requestId).append(')');
		}
		message.append((location != null) ? ", which was not followed: Groq's API does not redirect, and the request "
				+ "would have gone to another address; check groq.base-url"
				: ": Groq's API does not redirect; check groq.base-url");
		return new GroqRedirectException(message.toString(), status, error, requestId, rateLimits, hint, attempts,
				location);
	}

	private static String reason(int status) {
		if (status == FlexCapacityExceededException.STATUS) {
			return "Flex Capacity Exceeded";
		}
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "";
	}

	private static @Nullable String refusedTier(GroqError error, @Nullable ServiceTier requestedTier) {
		String text = error.message();
		if (text == null || !text.contains("service_tier") || !text.contains("not available")) {
			return null;
		}
		Matcher matcher = TIER_NOT_AVAILABLE.matcher(text);
		if (matcher.find()) {
			return matcher.group(1);
		}
		return (requestedTier != null) ? requestedTier.wireValue() : "unknown";
	}

	private static String snippet(byte[] body) {
		String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
		Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(text);
		String plain = title.find() ? title.group(1) : text.replaceAll("<[^>]*>", " ");
		plain = plain.replaceAll("\\s+", " ").trim();
		return (plain.length() > SNIPPET_LENGTH) ? plain.substring(0, SNIPPET_LENGTH) + "..." : plain;
	}

	private static int firstNonBlank(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b;
			}
		}
		return -1;
	}

}
