package io.github.groqspring.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.ResponseBodies.DeadlineStream;
import io.github.groqspring.tier.ServiceTier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
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
 * <p>This is the only retry layer: Apache HttpClient's own retries are switched off. Every
 * status outside 2xx is a typed exception, a 3xx included: Groq's API never redirects, and
 * the request factory {@link GroqRequestFactory} makes follows no redirect. Every exception
 * is created knowing the attempt it ends, counted across the call, and is never changed
 * afterwards.
 */
public final class GroqHttpClient implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(GroqHttpClient.class);

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	private final GroqErrorDecoder errorDecoder;

	private final ApiKeyMask keyMask;

	/** One reader per response type: its type and deserializer resolved once, not per call. */
	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	private final @Nullable AutoCloseable resources;

	private final Supplier<CallBudget> defaultBudget;

	/**
	 * Create a client that masks the key it sends wherever a response echoes it.
	 * @param restClient a client with Groq's base URL and the authorization header set
	 * @param jsonMapper the mapper for bodies
	 * @param resources what to close with this client (e.g. its request factory), may be
	 * {@code null}
	 * @param defaultBudget the budget of calls that take none (models, batches, files)
	 * @param keyMask masks the configured key and Groq-shaped keys in every exception built
	 * from a response
	 */
	public GroqHttpClient(RestClient restClient, JsonMapper jsonMapper, @Nullable AutoCloseable resources,
			Supplier<CallBudget> defaultBudget, ApiKeyMask keyMask) {
		this.restClient = restClient;
		this.jsonMapper = jsonMapper;
		this.keyMask = keyMask;
		this.errorDecoder = new GroqErrorDecoder(jsonMapper, keyMask);
		this.resources = resources;
		this.defaultBudget = defaultBudget;
	}

	/**
	 * POST a JSON body and decode the answer, retrying transient failures.
	 * @param <T> the body type
	 * @param path the path under the base URL, e.g. {@code /openai/v1/chat/completions}
	 * @param body the request body
	 * @param responseType the response body type
	 * @param tier the tier sent, so that a refusal can name it
	 * @param model the model sent, so that a refusal because of it can name it
	 * @param budget the call's retries, timeouts and deadline
	 * @param listener told before each retry
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body,
	 * once retries are spent
	 */
	public <T> HttpResult<T> post(String path, Object body, Class<T> responseType, @Nullable ServiceTier tier,
			@Nullable String model, CallBudget budget, RetryListener listener) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		// Written as is, past the application's message converters (one that put Jackson
		// first would re-encode bytes as a base64 string). No Accept header: Groq answers JSON
		// either way, and each header set here is copied three times on its way to the wire
		// (about 1 KB a call).
		return withRetries("POST", path, budget, listener, (attemptDeadline, attempt) -> this.restClient.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(json.length)
			.body(new JsonBody(json))
			.exchange((request, response) -> decode(response, responseType, tier, model, attemptDeadline, attempt,
					"POST", path), true));
	}

	/**
	 * GET a resource and decode the answer, retrying transient failures within the default
	 * budget.
	 * @param <T> the body type
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param responseType the response body type
	 * @param listener told before each retry
	 * @param uriVariables values for the path's variables
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body,
	 * once retries are spent
	 */
	public <T> HttpResult<T> get(String path, Class<T> responseType, RetryListener listener, Object... uriVariables) {
		return withRetries("GET", path, this.defaultBudget.get(), listener,
				(attemptDeadline, attempt) -> this.restClient.get()
					.uri(path, uriVariables)
					.accept(MediaType.APPLICATION_JSON)
					.exchange((request, response) -> decode(response, responseType, null, null, attemptDeadline, attempt,
							"GET", path), true));
	}

	/**
	 * The mapper bodies are read and written with.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * What masks API keys in messages built from this client's responses.
	 * @return the mask
	 */
	public ApiKeyMask keyMask() {
		return this.keyMask;
	}

	private <T> HttpResult<T> withRetries(String method, String path, CallBudget budget, RetryListener listener,
			RetryLoop.Attempt<HttpResult<T>> attempt) {
		return RetryLoop.run(budget, listener, attempt, HttpResult::withAttempts,
				(ex, number) -> transportFailure(method + " " + path, ex, number), (failure) -> false);
	}

	private <T> HttpResult<T> decode(ClientHttpResponse response, Class<T> responseType, @Nullable ServiceTier tier,
			@Nullable String model, long attemptDeadline, int attempt, String method, String path) throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = response.getHeaders();
		if (isError(status)) {
			byte[] body = ResponseBodies.readBody(response.getBody(), headers.getContentLength(), attemptDeadline,
					method + " " + path, attempt);
			logAnswer(status, body.length, headers, tier);
			throw this.errorDecoder.decode(status, headers, body, tier, model, attempt);
		}
		ResponseMetadata metadata = metadata(response, tier);
		DeadlineStream body = ResponseBodies.withDeadline(response.getBody(), attemptDeadline, method, path, attempt);
		try {
			T value = reader(responseType).readValue(body);
			body.drain();
			logAnswer(status, body.received(), headers, tier);
			return new HttpResult<>(value, metadata);
		}
		catch (JacksonException ex) {
			rethrowReadFailure(ex);
			throw new GroqInvalidResponseException("Groq answered " + status + " with a body that is not a valid "
					+ responseType.getSimpleName() + " (" + this.keyMask.mask(String.valueOf(ex.getOriginalMessage()))
					+ "); body starts: " + this.keyMask.mask(body.start()),
					status, metadata.requestId(), metadata.rateLimits(), attempt, KeyMaskedException.of(ex, this.keyMask));
		}
	}

	/** The metadata of a response as its first attempt; the retry loop counts the others. */
	private static ResponseMetadata metadata(ClientHttpResponse response, @Nullable ServiceTier requestedTier)
			throws IOException {
		HttpHeaders headers = response.getHeaders();
		return new ResponseMetadata(response.getStatusCode().value(), headers.getFirst("x-request-id"),
				headers.getFirst("x-groq-region"), RateLimitHeaders.parse(headers), requestedTier, 1, null);
	}

	/**
	 * Whether a status is an error: anything outside 2xx. Groq's API never redirects and no
	 * redirect is followed, so a 3xx is an error too, never a success to decode.
	 */
	private static boolean isError(int status) {
		return status < 200 || status >= 300;
	}

	private ObjectReader reader(Class<?> type) {
		ObjectReader reader = this.readers.get(type);
		if (reader == null) {
			reader = this.readers.computeIfAbsent(type, this.jsonMapper::readerFor);
		}
		return reader;
	}

	/**
	 * Jackson wraps what the body's stream throws: a broken connection or a passed deadline
	 * is not an invalid body, so it is raised as itself (and a broken connection is retried).
	 */
	private static void rethrowReadFailure(JacksonException ex) throws IOException {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof GroqException groq) {
				throw groq;
			}
			if (cause instanceof IOException io) {
				throw io;
			}
		}
	}

	private static void logAnswer(int status, long bytes, HttpHeaders headers, @Nullable ServiceTier tier) {
		if (logger.isDebugEnabled()) {
			logger.debug("Groq answered " + status + " (" + bytes + " bytes, request " + headers.getFirst("x-request-id")
					+ ", tier sent " + tier + ")");
		}
	}

	private static GroqTransportException transportFailure(String what, ResourceAccessException ex, int attempt) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof InterruptedIOException || cause.getClass().getSimpleName().contains("Timeout")) {
			return new GroqTimeoutException("Groq did not answer " + what + " in time (groq.connect-timeout, "
					+ "groq.read-timeout): " + cause.getMessage(), attempt, cause);
		}
		return new GroqTransportException("Could not talk to Groq for " + what + ": " + cause, attempt, cause);
	}

	@Override
	public void close() throws Exception {
		if (this.resources != null) {
			this.resources.close();
		}
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

	/**
	 * POST a JSON body, or none, and decode the answer; for endpoints that take no
	 * {@code service_tier} (batches, files). Not retried: creating a batch twice would run
	 * it twice.
	 * @param <T> the body type
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param body the request body, {@code null} to send none
	 * @param responseType the response body type
	 * @param uriVariables values for the path's variables
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> postWithoutTier(String path, @Nullable Object body, Class<T> responseType,
			Object... uriVariables) {
		byte[] json = (body != null) ? this.jsonMapper.writeValueAsBytes(body) : new byte[0];
		return withRetries("POST", path, this.defaultBudget.get().withoutRetries(), RetryListener.NONE,
				(attemptDeadline, attempt) -> {
					RestClient.RequestBodySpec request = this.restClient.post()
						.uri(path, uriVariables)
						.contentLength(json.length)
						.accept(MediaType.APPLICATION_JSON);
					if (body != null) {
						request.contentType(MediaType.APPLICATION_JSON);
					}
					return request.body(new JsonBody(json))
						.exchange((req, response) -> decode(response, responseType, null, null, attemptDeadline, attempt,
								"POST", path), true);
				});
	}

	/**
	 * GET a resource with query parameters (e.g. a cursor) and decode the answer, retrying
	 * transient failures within the default budget.
	 * @param <T> the body type
	 * @param path the path under the base URL, without variables
	 * @param query the query parameters; {@code null} values are left out
	 * @param responseType the response body type
	 * @param listener told before each retry
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> getWithQuery(String path, Map<String, ? extends @Nullable Object> query,
			Class<T> responseType, RetryListener listener) {
		Map<String, Object> values = new LinkedHashMap<>();
		query.forEach((name, value) -> {
			if (value != null) {
				values.put(name, value);
			}
		});
		return withRetries("GET", path, this.defaultBudget.get(), listener,
				(attemptDeadline, attempt) -> this.restClient.get()
					.uri((builder) -> {
						builder.path(path);
						values.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
						return builder.build(values);
					})
					.accept(MediaType.APPLICATION_JSON)
					.exchange((req, response) -> decode(response, responseType, null, null, attemptDeadline, attempt, "GET",
							path), true));
	}

	/**
	 * DELETE a resource and decode the answer, retrying transient failures within the
	 * default budget (deleting twice is harmless).
	 * @param <T> the body type
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param responseType the response body type
	 * @param listener told before each retry
	 * @param uriVariables values for the path's variables
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> delete(String path, Class<T> responseType, RetryListener listener,
			Object... uriVariables) {
		return withRetries("DELETE", path, this.defaultBudget.get(), listener,
				(attemptDeadline, attempt) -> this.restClient.delete()
					.uri(path, uriVariables)
					.accept(MediaType.APPLICATION_JSON)
					.exchange((req, response) -> decode(response, responseType, null, null, attemptDeadline, attempt,
							"DELETE", path), true));
	}

	/**
	 * GET a resource's raw content as a stream, read as it arrives: nothing is buffered
	 * beyond the HTTP client's own buffer, so a file of any size can be read line by line.
	 * The wait for the response is retried like any GET; once the body is handed over,
	 * each read is bounded by {@code groq.read-timeout}.
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param listener told before each retry
	 * @param uriVariables values for the path's variables
	 * @return the body with its response's metadata; the caller must close the body, which
	 * releases the connection (and drops it when the body was not read to its end, rather
	 * than reading the rest)
	 * @throws GroqException on an error status or a transport failure
	 */
	public HttpResult<InputStream> download(String path, RetryListener listener, Object... uriVariables) {
		return withRetries("GET", path, this.defaultBudget.get(), listener,
				(attemptDeadline, attempt) -> this.restClient.get()
					.uri(path, uriVariables)
					.accept(MediaType.ALL)
					.exchange((req, response) -> {
						int status = response.getStatusCode().value();
						if (isError(status)) {
							try (response) {
								byte[] body = ResponseBodies.readBody(response.getBody(),
										response.getHeaders().getContentLength(), attemptDeadline, "GET " + path,
										attempt);
								throw this.errorDecoder.decode(status, response.getHeaders(), body, null, attempt);
							}
						}
						return new HttpResult<InputStream>(new ResponseBodyStream(response), metadata(response, null));
					}, false));
	}

	/**
	 * POST a {@code multipart/form-data} body of text fields and one file, streamed: the
	 * file's bytes go from {@code file} to the connection without being held in memory,
	 * and never through a message converter (which could re-encode them, e.g. as base64).
	 * Not retried: an upload that reached Groq would be stored twice.
	 * @param <T> the body type
	 * @param path the path under the base URL
	 * @param fields the text fields, in order, e.g. {@code purpose=batch}
	 * @param fileField the file part's name, e.g. {@code file}
	 * @param filename the file name sent, without {@code "}, CR or LF
	 * @param fileLength exactly how many bytes {@code file} writes
	 * @param file writes the file's bytes; called again if the request is re-sent
	 * @param responseType the response body type
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> postMultipart(String path, Map<String, String> fields, String fileField, String filename,
			long fileLength, ContentWriter file, Class<T> responseType) {
		MultipartBody body = new MultipartBody("groq-" + UUID.randomUUID().toString().replace("-", ""), fields,
				fileField, filename, fileLength, file);
		return withRetries("POST", path, this.defaultBudget.get().withoutRetries(), RetryListener.NONE,
				(attemptDeadline, attempt) -> this.restClient.post()
					.uri(path)
					.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + body.boundary()))
					.contentLength(body.length())
					.accept(MediaType.APPLICATION_JSON)
					.body(body)
					.exchange((req, response) -> decode(response, responseType, null, null, attemptDeadline, attempt, "POST",
							path), true));
	}

	/**
	 * POST a JSON body that asks for a stream ({@code "stream":true}) and hand the open
	 * response to {@code start}, which reads up to the first chunk. An error status raises
	 * the same typed {@link GroqException} as {@link #post}. The body is requested
	 * uncompressed, so that every event can be read the moment it arrives.
	 * @param <T> what {@code start} makes of the response
	 * @param path the path under the base URL
	 * @param body the request body
	 * @param tier the tier sent, so that a refusal can name it
	 * @param model the model sent, so that a refusal because of it can name it
	 * @param idleTimeout how long a read may wait for bytes before the connection is
	 * dropped; {@code null} leaves only the socket's read timeout
	 * @param budget retries and deadline of the part before the first chunk, which is
	 * retried like a blocking call; nothing after the first chunk is
	 * @param listener told before each retry
	 * @param start reads the response up to its first chunk; owns the response once it
	 * returns, and the response is aborted if it throws; says which of its failures may be
	 * retried
	 * @return what {@code start} returned
	 * @throws GroqException on an error status, a transport failure, or whatever
	 * {@code start} throws
	 */
	public <T> T postForStream(String path, Object body, @Nullable ServiceTier tier, @Nullable String model,
			@Nullable Duration idleTimeout, CallBudget budget, RetryListener listener, StreamStart<T> start) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		return RetryLoop.run(budget, listener,
				(attemptDeadline, attempt) -> openStream(path, json, tier, model, idleTimeout, attemptDeadline,
						attempt, start),
				(result, attempts) -> result, (ex, attempt) -> transportFailure("POST " + path, ex, attempt),
				start::isRetryable);
	}

	/**
	 * Everything a streaming call does before its first chunk can reach the caller: send,
	 * decode an error status, read up to the first chunk. A failure here delivered nothing,
	 * so this one method is what a retry may repeat; nothing after it may be retried.
	 */
	private <T> T openStream(String path, byte[] json, @Nullable ServiceTier tier, @Nullable String model,
			@Nullable Duration idleTimeout, long attemptDeadline, int attempt, StreamStart<T> start) {
		ClientHttpResponse response;
		try {
			response = this.restClient.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.contentLength(json.length)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.header(HttpHeaders.ACCEPT_ENCODING, "identity")
				.body(new JsonBody(json))
				.exchange((request, clientResponse) -> clientResponse, false);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("POST " + path, ex, attempt);
		}
		StreamingResponse streaming = streamingResponse(path, Objects.requireNonNull(response), tier, model,
				idleTimeout, attemptDeadline, attempt);
		try {
			return start.start(streaming);
		}
		catch (RuntimeException | Error ex) {
			streaming.abort();
			throw ex;
		}
	}

	private StreamingResponse streamingResponse(String path, ClientHttpResponse response, @Nullable ServiceTier tier,
			@Nullable String model, @Nullable Duration idleTimeout, long attemptDeadline, int attempt) {
		try {
			int status = response.getStatusCode().value();
			HttpHeaders headers = response.getHeaders();
			if (logger.isDebugEnabled()) {
				logger.debug("Groq answered " + status + " to a stream request (request "
						+ headers.getFirst("x-request-id") + ", tier sent " + tier + ")");
			}
			if (isError(status)) {
				byte[] body;
				try (response) {
					body = ResponseBodies.readBody(response.getBody(), headers.getContentLength(), attemptDeadline,
							"POST " + path, attempt);
				}
				throw this.errorDecoder.decode(status, headers, body, tier, model, attempt);
			}
			ResponseMetadata metadata = metadata(response, tier);
			return new StreamingResponse(response, (attempt > 1) ? metadata.withCall(attempt, null) : metadata,
					idleTimeout, this.keyMask);
		}
		catch (IOException ex) {
			response.close();
			throw transportFailure("POST " + path, new ResourceAccessException(String.valueOf(ex.getMessage()), ex),
					attempt);
		}
	}

	/**
	 * Reads an open streaming response up to its first chunk.
	 *
	 * @param <T> what it makes of the response
	 */
	public interface StreamStart<T> {

		/**
		 * Start reading.
		 * @param response the open response, status 2xx; its metadata counts the attempts
		 * this call has made so far, this one included
		 * @return the caller's view of the stream, which now owns the response
		 */
		T start(StreamingResponse response);

		/**
		 * Whether a failure of {@link #start} delivered nothing to the caller and may be
		 * retried like a broken connection, beyond what every call retries.
		 * @param failure what {@code start} threw
		 * @return {@code true} to retry it
		 */
		boolean isRetryable(GroqException failure);

	}

}
