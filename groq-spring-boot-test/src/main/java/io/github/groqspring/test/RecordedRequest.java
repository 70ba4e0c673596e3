package io.github.groqspring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request the emulator received, exactly as it came over the wire.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param headers the headers, names in lower case
 * @param body the body bytes
 * @param query the raw query string (without {@code ?}), or {@code null} when there was none
 * @param requestId the {@code x-request-id} the emulator answered with ({@code req_01...},
 * also {@code x_groq.id} of a chat completion), {@code null} for a request made by hand
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
		@Nullable String query, @Nullable String requestId) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A request the emulator did not answer.
	 * @param method the HTTP method
	 * @param path the path
	 * @param headers the headers, names in lower case
	 * @param body the body bytes
	 * @param query the raw query string, or {@code null}
	 */
	public RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
			@Nullable String query) {
		this(method, path, headers, body, query, null);
	}

	/**
	 * A request without a query string.
	 * @param method the HTTP method
	 * @param path the path
	 * @param headers the headers, names in lower case
	 * @param body the body bytes
	 */
	public RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
		this(method, path, headers, body, null, null);
	}

	/**
	 * The first value of a query parameter, decoded.
	 * @param name the parameter's name
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String queryParameter(String name) {
		if (this.query == null) {
			return null;
		}
		for (String pair : this.query.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			if (key.equals(name)) {
				return (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

	/**
	 * The first value of a header.
	 * @param name the header's name, any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The body as text.
	 * @return the UTF-8 body
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body as JSON.
	 * @return the parsed body
	 */
	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	/**
	 * The {@code service_tier} the request sent.
	 * @return the raw value, or {@code null} when none was sent
	 */
	public @Nullable String serviceTier() {
		JsonNode tier = json().get("service_tier");
		return (tier == null || tier.isNull()) ? null : tier.asString();
	}

	/**
	 * The model the request named.
	 * @return the model, or {@code null}
	 */
	public @Nullable String model() {
		JsonNode model = json().get("model");
		return (model == null || model.isNull()) ? null : model.asString();
	}

	/**
	 * The messages sent, as role and content pairs: a content given as an array of parts is
	 * its text parts joined by line breaks (as Groq reads them, the prompt); the content is
	 * empty for tool-call-only assistant messages.
	 * @return the messages, in order
	 */
	public List<Message> messages() {
		JsonNode messages = json().path("messages");
		List<Message> result = new java.util.ArrayList<>();
		for (JsonNode message : messages) {
			result.add(new Message(message.path("role").asString(""), text(message.path("content"))));
		}
		return result;
	}

	/**
	 * The text of the last user message (its text parts, when it has parts).
	 * @return the text, empty when there is none
	 */
	public String lastUserMessage() {
		String last = "";
		for (Message message : messages()) {
			if (message.role().equals("user")) {
				last = message.content();
			}
		}
		return last;
	}

	/** A message content's text: the string itself, or the text parts of an array joined by line breaks. */
	static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			if ("text".equals(part.path("type").asString("")) && part.path("text").isString()) {
				text.append((text.length() > 0) ? "\n" : "").append(part.get("text").asString());
			}
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + ((this.query != null) ? "?" + this.query : "") + " " + bodyText();
	}

	/**
	 * One message of a recorded request.
	 *
	 * @param role the role
	 * @param content the text
	 */
	public record Message(String role, String content) {
	}

}
