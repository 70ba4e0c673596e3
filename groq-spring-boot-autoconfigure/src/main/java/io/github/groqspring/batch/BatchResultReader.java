package io.github.groqspring.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.ApiKeyMask;
import io.github.groqspring.internal.http.KeyMaskedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch output or error file into {@link BatchResult}s one line at a time, straight
 * from the stream: only the line being read is in memory, so a file of any size can be
 * read. Close it to release the underlying stream (and its HTTP connection).
 *
 * <p>A line is Groq's {@code {"id","custom_id","response":{"status_code","request_id",
 * "body"},"error"}}: a 2xx response with a completion body is a success; any other
 * status, or an {@code error} (for requests that expired or were cancelled), is a
 * failure. A line that is neither is reported, never skipped.
 */
public final class BatchResultReader implements Iterator<BatchResult>, Closeable {

	private final InputStream content;

	private final JsonParser parser;

	private final JsonMapper jsonMapper;

	private final ObjectReader completionReader;

	private final ObjectReader treeReader;

	private final String source;

	private final ApiKeyMask keyMask;

	private int lineNumber;

	private @Nullable BatchResult next;

	/**
	 * Read results from a stream. Keys shaped like Groq's ({@code gsk_...}) are masked in
	 * the errors of failed lines and in every exception; {@code BatchFiles.readResults}
	 * masks its template's configured key too.
	 * @param content the JSONL content, e.g. from {@code BatchFiles.download}
	 * @param jsonMapper the mapper for the lines
	 * @param source what the content is, for error messages (e.g. {@code file file_01...})
	 */
	public BatchResultReader(InputStream content, JsonMapper jsonMapper, String source) {
		this(content, jsonMapper, source, ApiKeyMask.GROQ_KEYS);
	}

	/**
	 * Read results downloaded with a template's key: the key, and any key shaped like
	 * Groq's, is masked in the errors of failed lines and in every exception.
	 */
	BatchResultReader(InputStream content, JsonMapper jsonMapper, String source, ApiKeyMask keyMask) {
		this.keyMask = keyMask;
		this.content = content;
		this.parser = jsonMapper.createParser(content);
		this.jsonMapper = jsonMapper;
		// Values are read from inside a line, so what follows them is no trailing garbage.
		this.completionReader = jsonMapper.readerFor(ChatCompletion.class)
			.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.treeReader = jsonMapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.source = source;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null) {
			this.next = readNext();
		}
		return this.next != null;
	}

	@Override
	public BatchResult next() {
		if (!hasNext() || this.next == null) {
			throw new NoSuchElementException("No more results in " + this.source);
		}
		BatchResult result = this.next;
		this.next = null;
		return result;
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		finally {
			try {
				this.content.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not close " + this.source, ex);
			}
		}
	}

	private @Nullable BatchResult readNext() {
		try {
			JsonToken token = this.parser.nextToken();
			if (token == null) {
				return null;
			}
			this.lineNumber = this.parser.currentTokenLocation().getLineNr();
			if (token != JsonToken.START_OBJECT) {
				throw invalid("is not a JSON object", null);
			}
			return readLine();
		}
		catch (JacksonIOException ex) {
			throw new GroqTransportException("Could not read " + this.source + " after line " + this.lineNumber + ": "
					+ ex.getOriginalMessage(), ex);
		}
		catch (GroqInvalidResponseException ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			throw invalid("is not valid JSON (" + ex.getOriginalMessage() + ")", KeyMaskedException.of(ex, this.keyMask));
		}
	}

	private BatchResult readLine() {
		String customId = null;
		String id = null;
		Response response = null;
		JsonNode error = null;
		while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			switch (name) {
				case "custom_id" -> customId = (value == JsonToken.VALUE_STRING) ? this.parser.getString() : null;
				case "id" -> id = (value == JsonToken.VALUE_STRING) ? this.parser.getString() : null;
				case "response" -> response = (value == JsonToken.START_OBJECT) ? readResponse() : null;
				case "error" -> error = (value == JsonToken.VALUE_NULL) ? null : this.treeReader.readValue(this.parser);
				default -> this.parser.skipChildren();
			}
		}
		if (customId == null) {
			throw invalid("has no custom_id", null);
		}
		return toResult(customId, id, response, error);
	}

	private Response readResponse() {
		int status = 0;
		String requestId = null;
		ChatCompletion completion = null;
		JsonNode body = null;
		while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			switch (name) {
				case "status_code" -> status = (value == JsonToken.VALUE_NUMBER_INT) ? this.parser.getIntValue() : 0;
				case "request_id" -> requestId = (value == JsonToken.VALUE_STRING) ? this.parser.getString() : null;
				case "body" -> {
					// Groq writes status_code first: then a success body is bound in one pass.
					if (isSuccess(status) && value == JsonToken.START_OBJECT) {
						completion = this.completionReader.readValue(this.parser);
					}
					else if (value != JsonToken.VALUE_NULL) {
						body = this.treeReader.readValue(this.parser);
					}
				}
				default -> this.parser.skipChildren();
			}
		}
		if (completion == null && body != null && body.isObject() && isSuccess(status)) {
			completion = this.jsonMapper.treeToValue(body, ChatCompletion.class);
		}
		return new Response(status, requestId, completion, body);
	}

	private BatchResult toResult(String customId, @Nullable String id, @Nullable Response response,
			@Nullable JsonNode error) {
		if (response != null) {
			if (response.completion() != null && error == null) {
				ResponseMetadata metadata = new ResponseMetadata(response.status(), response.requestId(), null,
						RateLimits.NONE, null, 1, null);
				return new BatchResult.Success(customId, id, new ChatResponse(response.completion(), metadata));
			}
			JsonNode bodyError = (response.body() != null) ? response.body().get("error") : null;
			GroqError groqError = (error != null) ? error(error) : (bodyError != null) ? error(bodyError)
					: new GroqError("The request got status " + response.status() + " without an error body", null, null,
							null, null);
			return new BatchResult.Failure(customId, id, response.status(), response.requestId(), groqError);
		}
		if (error != null) {
			return new BatchResult.Failure(customId, id, 0, null, error(error));
		}
		throw invalid("(custom_id '" + customId + "') has neither a response nor an error", null);
	}

	private GroqError error(JsonNode error) {
		if (error.isString()) {
			return this.keyMask.mask(new GroqError(error.asString(), null, null, null, null));
		}
		return this.keyMask.mask(this.jsonMapper.treeToValue(error, GroqError.class));
	}

	private GroqInvalidResponseException invalid(String problem, @Nullable Throwable cause) {
		return new GroqInvalidResponseException(
				this.keyMask.mask("Line " + this.lineNumber + " of " + this.source + " " + problem), 200, null,
				RateLimits.NONE, cause);
	}

	private static boolean isSuccess(int status) {
		return status >= 200 && status < 300;
	}

	/** A line's {@code response}: the completion for a success, else the raw body. */
	private record Response(int status, @Nullable String requestId, @Nullable ChatCompletion completion,
			@Nullable JsonNode body) {
	}

}
