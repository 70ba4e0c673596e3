package io.github.groqspring.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
	 * POST a JSON body, or none, and decode the answer; for endpoints that take no
	 * {@code service_tier} (batches, files).
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
		try {
			RestClient.RequestBodySpec request = this.restClient.post()
				.uri(path, uriVariables)
				.contentLength(json.length)
				.accept(MediaType.APPLICATION_JSON);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON);
			}
			return request.body(new JsonBody(json))
				.exchange((req, response) -> decode(response, responseType, null), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("POST", path, ex);
		}
	}

	/**
	 * GET a resource with query parameters (e.g. a cursor) and decode the answer.
	 * @param <T> the body type
	 * @param path the path under the base URL, without variables
	 * @param query the query parameters; {@code null} values are left out
	 * @param responseType the response body type
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> getWithQuery(String path, Map<String, ? extends @Nullable Object> query,
			Class<T> responseType) {
		Map<String, Object> values = new LinkedHashMap<>();
		query.forEach((name, value) -> {
			if (value != null) {
				values.put(name, value);
			}
		});
		try {
			return this.restClient.get().uri((builder) -> {
				builder.path(path);
				values.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
				return builder.build(values);
			}).accept(MediaType.APPLICATION_JSON).exchange((req, response) -> decode(response, responseType, null), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("GET", path, ex);
		}
	}

	/**
	 * DELETE a resource and decode the answer.
	 * @param <T> the body type
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param responseType the response body type
	 * @param uriVariables values for the path's variables
	 * @return the decoded body with its metadata
	 * @throws GroqException on an error status, a transport failure or an unreadable body
	 */
	public <T> HttpResult<T> delete(String path, Class<T> responseType, Object... uriVariables) {
		try {
			return this.restClient.delete()
				.uri(path, uriVariables)
				.accept(MediaType.APPLICATION_JSON)
				.exchange((req, response) -> decode(response, responseType, null), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("DELETE", path, ex);
		}
	}

	/**
	 * GET a resource's raw content as a stream, read as it arrives: nothing is buffered
	 * beyond the HTTP client's own buffer, so a file of any size can be read line by line.
	 * @param path the path under the base URL, may hold {@code {}} variables
	 * @param uriVariables values for the path's variables
	 * @return the body; the caller must close it, which releases the connection
	 * @throws GroqException on an error status or a transport failure
	 */
	public InputStream download(String path, Object... uriVariables) {
		try {
			return this.restClient.get().uri(path, uriVariables).accept(MediaType.ALL).exchange((req, response) -> {
				int status = response.getStatusCode().value();
				if (status >= 400) {
					try (response) {
						throw this.errorDecoder.decode(status, response.getHeaders(), response.getBody().readAllBytes(),
								null);
					}
				}
				return new ResponseBodyStream(response);
			}, false);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("GET", path, ex);
		}
	}

	/**
	 * POST a {@code multipart/form-data} body of text fields and one file, streamed: the
	 * file's bytes go from {@code file} to the connection without being held in memory,
	 * and never through a message converter (which could re-encode them, e.g. as base64).
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
		try {
			return this.restClient.post()
				.uri(path)
				.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + body.boundary()))
				.contentLength(body.length())
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((req, response) -> decode(response, responseType, null), true);
		}
		catch (ResourceAccessException ex) {
			throw transportFailure("POST", path, ex);
		}
	}

}
