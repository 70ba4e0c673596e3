package io.github.groqspring.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.groqspring.ServiceTier;
import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqErrorDecoder;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.error.ServiceTierNotAvailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one place that talks HTTP to Groq: serializes the body itself (so exactly these bytes
 * go out, with a {@code Content-Length}, whatever message converters the application has),
 * sends it through a {@link RestClient} that carries the base URL and the
 * {@code Authorization} header, decodes the answer into a typed body or a typed
 * {@link GroqException}, and retries what Groq says is transient, within the call's budget.
 *
 * <p>This is the only retry layer: Apache HttpClient's own retries are switched off.
 */
public final class GroqHttpClient implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(GroqHttpClient.class);

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	private final GroqErrorDecoder errorDecoder;

	private final @Nullable AutoCloseable resources;

	/**
	 * Create a client.
	 * @param restClient a client with Groq's base URL and the authorization header set
	 * @param jsonMapper the mapper for bodies
	 * @param resources what to close with this client (e.g. its request factory), may be
	 * {@code null}
	 */
	public GroqHttpClient(RestClient restClient, JsonMapper jsonMapper, @Nullable AutoCloseable resources) {
		this.restClient = restClient;
		this.jsonMapper = jsonMapper;
		this.errorDecoder = new GroqErrorDecoder(jsonMapper);
		this.resources = resources;
	}

	/**
	 * POST a JSON body and decode the answer, retrying transient failures.
	 * @param <T> the body type
	 * @param path the path under the base URL, e.g. {@code /openai/v1/chat/completions}
	 * @param body the request body
	 * @param responseType the response body type
	 * @param tier the tier sent, so that a refusal can name it
	 * @param budget the call's retries, timeouts and deadline
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body,
	 * once retries are spent
	 */
	public <T> HttpResult<T> post(String path, Object body, Class<T> responseType, @Nullable ServiceTier tier,
			CallBudget budget) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		return withRetries("POST " + path, budget, (attemptDeadline) -> this.restClient.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(json.length)
			.accept(MediaType.APPLICATION_JSON)
			.body(new JsonBody(json))
			.exchange((request, response) -> decode(response, responseType, tier, attemptDeadline, "POST " + path), true));
	}

	/**
	 * GET a resource and decode the answer, retrying transient failures.
	 * @param <T> the body type
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param responseType the response body type
	 * @param budget the call's retries, timeouts and deadline
	 * @param uriVariables values for the path's variables
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body,
	 * once retries are spent
	 */
	public <T> HttpResult<T> get(String path, Class<T> responseType, CallBudget budget, Object... uriVariables) {
		return withRetries("GET " + path, budget, (attemptDeadline) -> this.restClient.get()
			.uri(path, uriVariables)
			.accept(MediaType.APPLICATION_JSON)
			.exchange((request, response) -> decode(response, responseType, null, attemptDeadline, "GET " + path), true));
	}

	/**
	 * The mapper bodies are read and written with.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Whether a failure is worth another attempt: transport failures, 408, 409, 429, 498 and
	 * 5xx, unless Groq's {@code x-should-retry} header says otherwise; never a tier the
	 * organisation may not use, another 4xx, or an unreadable success body.
	 * @param failure the failure
	 * @return whether to retry
	 */
	public static boolean isRetryable(GroqException failure) {
		if (failure instanceof GroqApiException api) {
			if (api.getRetryHint() != null) {
				return api.getRetryHint();
			}
			if (api instanceof ServiceTierNotAvailableException) {
				return false;
			}
			int status = api.getStatusCode();
			return status == 408 || status == 409 || status == 429 || status == 498 || status >= 500;
		}
		return failure instanceof GroqTransportException;
	}

	private <T> HttpResult<T> withRetries(String what, CallBudget budget, Attempt<T> attempt) {
		for (int number = 1;; number++) {
			long attemptDeadline = budget.attemptDeadlineNanos();
			try {
				AttemptTimeout.set(Duration.ofNanos(attemptDeadline - System.nanoTime()).toMillis());
				HttpResult<T> result = attempt.run(attemptDeadline);
				return (number == 1) ? result : result.withAttempts(number);
			}
			catch (ResourceAccessException ex) {
				retryOrThrow(transportFailure(what, ex), number, budget);
			}
			catch (GroqException ex) {
				retryOrThrow(ex, number, budget);
			}
			finally {
				AttemptTimeout.clear();
			}
		}
	}

	private void retryOrThrow(GroqException failure, int attempt, CallBudget budget) {
		RetrySettings retry = budget.retry();
		if (attempt > retry.maxRetries() || !isRetryable(failure)) {
			failure.setAttempts(attempt);
			throw failure;
		}
		Duration wait = waitBeforeRetry(failure, attempt - 1, retry);
		if (wait.compareTo(budget.remaining()) >= 0) {
			failure.setAttempts(attempt);
			throw failure;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying Groq call in " + wait.toMillis() + " ms after attempt " + attempt + ": "
					+ failure.getMessage());
		}
		Sleeper.sleep(wait);
	}

	private static Duration waitBeforeRetry(GroqException failure, int retry, RetrySettings settings) {
		Duration retryAfter = failure.getRateLimits().retryAfter();
		if (retryAfter != null && !retryAfter.isZero() && retryAfter.compareTo(settings.maxRetryAfter()) <= 0) {
			return retryAfter;
		}
		return settings.backoff(retry, ThreadLocalRandom.current().nextDouble(0.75, 1.0));
	}

	private <T> HttpResult<T> decode(ClientHttpResponse response, Class<T> responseType, @Nullable ServiceTier tier,
			long attemptDeadline, String what) throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = response.getHeaders();
		byte[] body = readBody(response.getBody(), headers.getContentLength(), attemptDeadline, what);
		if (logger.isDebugEnabled()) {
			logger.debug("Groq answered " + status + " (" + body.length + " bytes, request "
					+ headers.getFirst("x-request-id") + ", tier sent " + tier + ")");
		}
		if (status >= 400) {
			throw this.errorDecoder.decode(status, headers, body, tier);
		}
		ResponseMetadata metadata = new ResponseMetadata(status, headers.getFirst("x-request-id"),
				headers.getFirst("x-groq-region"), RateLimits.from(headers), tier, 1, null);
		try {
			return new HttpResult<>(this.jsonMapper.readValue(body, responseType), metadata);
		}
		catch (JacksonException ex) {
			String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
			throw new GroqInvalidResponseException("Groq answered " + status + " with a body that is not a valid "
					+ responseType.getSimpleName() + " (" + ex.getOriginalMessage() + "); body starts: " + text, status,
					metadata.requestId(), metadata.rateLimits(), ex);
		}
	}

	/** Reads the body, giving up when the attempt's deadline passes (a slow drip cannot stall a call). */
	private static byte[] readBody(InputStream in, long contentLength, long deadline, String what) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream((contentLength > 0 && contentLength < 1 << 24)
				? (int) contentLength : 8192);
		byte[] buffer = new byte[8192];
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			out.write(buffer, 0, read);
			if (System.nanoTime() - deadline > 0) {
				ConnectionAbort.abort(in);
				throw new GroqTimeoutException("Groq's answer to " + what + " did not complete in time "
						+ "(groq.read-timeout, groq.call-timeout): " + out.size() + " bytes received", null);
			}
		}
		return out.toByteArray();
	}

	private static GroqTransportException transportFailure(String what, ResourceAccessException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof InterruptedIOException || cause.getClass().getSimpleName().contains("Timeout")) {
			return new GroqTimeoutException("Groq did not answer " + what + " in time (groq.connect-timeout, "
					+ "groq.read-timeout): " + cause.getMessage(), cause);
		}
		return new GroqTransportException("Could not talk to Groq for " + what + ": " + cause, cause);
	}

	@Override
	public void close() throws Exception {
		if (this.resources != null) {
			this.resources.close();
		}
	}

	@FunctionalInterface
	private interface Attempt<T> {

		HttpResult<T> run(long attemptDeadline);

	}

	/** Pre-serialized JSON, written as is: no message converter can re-encode it. */
	private record JsonBody(byte[] json) implements StreamingHttpOutputMessage.Body {

		@Override
		public void writeTo(OutputStream outputStream) throws IOException {
			outputStream.write(this.json);
		}

		@Override
		public boolean repeatable() {
			return true;
		}

	}

	/**
	 * A decoded body and its response's metadata.
	 *
	 * @param <T> the body type
	 * @param body the body
	 * @param metadata status, ids, rate limits and attempts
	 */
	public record HttpResult<T>(T body, ResponseMetadata metadata) {

		HttpResult<T> withAttempts(int attempts) {
			return new HttpResult<>(this.body, this.metadata.withCall(attempts, this.metadata.fallbackFrom()));
		}

	}

}
