package io.github.groqspring.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

	private static final int MAX_PRESIZED_BODY = 16 * 1024 * 1024;

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
		byte[] body = readBody(response.getBody(), headers.getContentLength());
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
	 * Read a body into an array of exactly its {@code Content-Length} when the server sent
	 * one: {@link InputStream#readAllBytes()} allocates 8 KB chunks and then copies them,
	 * which was a fifth of a small call's allocation (measured with {@code -prof gc}).
	 */
	static byte[] readBody(InputStream in, long contentLength) throws IOException {
		if (contentLength < 0 || contentLength > MAX_PRESIZED_BODY) {
			return in.readAllBytes();
		}
		byte[] body = new byte[(int) contentLength];
		int read = in.readNBytes(body, 0, body.length);
		if (read < body.length) {
			return Arrays.copyOf(body, read);
		}
		int next = in.read();
		if (next == -1) {
			return body;
		}
		// more than announced: keep it all, as readAllBytes would
		byte[] rest = in.readAllBytes();
		byte[] all = Arrays.copyOf(body, body.length + 1 + rest.length);
		all[body.length] = (byte) next;
		System.arraycopy(rest, 0, all, body.length + 1, rest.length);
		return all;
	}

}
