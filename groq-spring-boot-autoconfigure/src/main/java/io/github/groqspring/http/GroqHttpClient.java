package io.github.groqspring.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import io.github.groqspring.ServiceTier;
import io.github.groqspring.error.GroqErrorDecoder;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
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
 * go out, with a {@code Content-Length}, whatever message converters the application has), sends it through a {@link RestClient}
 * that carries the base URL and the {@code Authorization} header, and decodes the answer
 * into a typed body or a typed {@link GroqException}.
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
	 * POST a JSON body and decode the answer.
	 * @param <T> the body type
	 * @param path the path under the base URL, e.g. {@code /openai/v1/chat/completions}
	 * @param body the request body
	 * @param responseType the response body type
	 * @param tier the tier sent, so that a refusal can name it
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> post(String path, Object body, Class<T> responseType, @Nullable ServiceTier tier) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		try {
			return this.restClient.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.contentLength(json.length)
				.accept(MediaType.APPLICATION_JSON)
				.body(new JsonBody(json))
				.exchange((request, response) -> decode(response, responseType, tier), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("POST", path, ex);
		}
	}

	/**
	 * GET a resource and decode the answer.
	 * @param <T> the body type
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param responseType the response body type
	 * @param uriVariables values for the path's variables
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> get(String path, Class<T> responseType, Object... uriVariables) {
		try {
			return this.restClient.get()
				.uri(path, uriVariables)
				.accept(MediaType.APPLICATION_JSON)
				.exchange((request, response) -> decode(response, responseType, null), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("GET", path, ex);
		}
	}

	/**
	 * The mapper bodies are read and written with.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	private <T> HttpResult<T> decode(ClientHttpResponse response, Class<T> responseType, @Nullable ServiceTier tier)
			throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = response.getHeaders();
		byte[] body = response.getBody().readAllBytes();
		if (logger.isDebugEnabled()) {
			logger.debug("Groq answered " + status + " (" + body.length + " bytes, request "
					+ headers.getFirst("x-request-id") + ", tier sent " + tier + ")");
		}
		if (status >= 400) {
			throw this.errorDecoder.decode(status, headers, body, tier);
		}
		ResponseMetadata metadata = new ResponseMetadata(status, headers.getFirst("x-request-id"),
				headers.getFirst("x-groq-region"), RateLimits.from(headers), tier);
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

	private static GroqTransportException transportFailure(String method, String path, ResourceAccessException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String what = method + " " + path;
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
	 * @param metadata status, ids and rate limits
	 */
	public record HttpResult<T>(T body, ResponseMetadata metadata) {
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
	 * @param idleTimeout how long a read may wait for bytes before the connection is
	 * dropped; {@code null} leaves only the socket's read timeout
	 * @param start reads the response up to its first chunk; owns the response once it
	 * returns, and the response is aborted if it throws
	 * @return what {@code start} returned
	 * @throws GroqException on an error status, a transport failure, or whatever
	 * {@code start} throws
	 */
	public <T> T postForStream(String path, Object body, @Nullable ServiceTier tier, @Nullable Duration idleTimeout,
			StreamStart<T> start) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		return openStream(path, json, tier, idleTimeout, start);
	}

	/**
	 * Everything a streaming call does before its first chunk can reach the caller: send,
	 * decode an error status, read up to the first chunk. A failure here delivered nothing,
	 * so this one method is what a retry may repeat; nothing after it may be retried.
	 */
	private <T> T openStream(String path, byte[] json, @Nullable ServiceTier tier, @Nullable Duration idleTimeout,
			StreamStart<T> start) {
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
			throw transportFailure("POST", path, ex);
		}
		StreamingResponse streaming = streamingResponse(path, Objects.requireNonNull(response), tier, idleTimeout);
		try {
			return start.start(streaming);
		}
		catch (RuntimeException | Error ex) {
			streaming.abort();
			throw ex;
		}
	}

	private StreamingResponse streamingResponse(String path, ClientHttpResponse response, @Nullable ServiceTier tier,
			@Nullable Duration idleTimeout) {
		try {
			int status = response.getStatusCode().value();
			HttpHeaders headers = response.getHeaders();
			if (logger.isDebugEnabled()) {
				logger.debug("Groq answered " + status + " to a stream request (request "
						+ headers.getFirst("x-request-id") + ", tier sent " + tier + ")");
			}
			if (status >= 400) {
				byte[] body;
				try (response) {
					body = response.getBody().readAllBytes();
				}
				throw this.errorDecoder.decode(status, headers, body, tier);
			}
			ResponseMetadata metadata = new ResponseMetadata(status, headers.getFirst("x-request-id"),
					headers.getFirst("x-groq-region"), RateLimits.from(headers), tier);
			return new StreamingResponse(response, metadata, idleTimeout);
		}
		catch (IOException ex) {
			response.close();
			throw transportFailure("POST", path, new ResourceAccessException(String.valueOf(ex.getMessage()), ex));
		}
	}

	/**
	 * Reads an open streaming response up to its first chunk.
	 *
	 * @param <T> what it makes of the response
	 */
	@FunctionalInterface
	public interface StreamStart<T> {

		/**
		 * Start reading.
		 * @param response the open response, status below 400
		 * @return the caller's view of the stream, which now owns the response
		 */
		T start(StreamingResponse response);

	}

}
