package io.github.groqspring.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.github.groqspring.test.EmulatedModel.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's own deterministic answers to what goes beyond text: a description of the
 * images of the last user message (from their bytes: type, size, dimensions, a hash; an
 * image by URL by its URL, which the emulator never fetches), a run of each built-in tool
 * offered ({@code browser_search}: one web search for the last user message;
 * {@code code_interpreter}: Python that counts its characters), citations of the request's
 * {@code documents}, and reasoning when the request asks a reasoning model for it.
 */
final class RichAnswers {

	private RichAnswers() {
	}

	/**
	 * The answer's text and extras, or {@code null} when the request has nothing beyond text.
	 *
	 * @param content the assistant's text
	 * @param extras its executed tools and annotations
	 */
	record Answer(String content, AnswerExtras extras) {
	}

	static @Nullable Answer answer(RecordedRequest request, JsonNode body) {
		Answer answer = images(lastUserContent(body.path("messages")));
		if (answer == null) {
			answer = builtInTools(request, body);
		}
		if (answer == null) {
			answer = documents(body);
		}
		return answer;
	}

	/**
	 * Reasoning for a request that asks a reasoning model for it explicitly
	 * ({@code include_reasoning: true}, {@code reasoning_format} {@code parsed} or
	 * {@code raw}). (Groq's GPT-OSS models reason by default; the emulator does only when
	 * asked, so that answers to requests that do not ask stay as they were.)
	 */
	static @Nullable String reasoning(RecordedRequest request, JsonNode body, @Nullable EmulatedModel model) {
		if (model == null || !model.can(Capability.REASONING)) {
			return null;
		}
		String format = body.path("reasoning_format").asString("");
		boolean asked = body.path("include_reasoning").asBoolean(false) || format.equals("parsed")
				|| format.equals("raw");
		return asked ? "Emulated reasoning about: " + request.lastUserMessage() : null;
	}

	private static @Nullable JsonNode lastUserContent(JsonNode messages) {
		JsonNode last = null;
		for (JsonNode message : messages) {
			if ("user".equals(message.path("role").asString(""))) {
				last = message.path("content");
			}
		}
		return last;
	}

	private static @Nullable Answer images(@Nullable JsonNode content) {
		if (content == null || !content.isArray()) {
			return null;
		}
		List<String> descriptions = new ArrayList<>();
		for (JsonNode part : content) {
			if ("image_url".equals(part.path("type").asString(""))) {
				descriptions.add("Emulated description of image " + (descriptions.size() + 1) + ": "
						+ describe(part.path("image_url").path("url").asString("")) + ".");
			}
		}
		return descriptions.isEmpty() ? null : new Answer(String.join(" ", descriptions), AnswerExtras.NONE);
	}

	/** What the emulator can tell of an image: from a data URL its type, dimensions, size and hash. */
	static String describe(String url) {
		if (!url.startsWith("data:")) {
			return "the image at " + url + " (Groq fetches it; the emulator does not)";
		}
		int comma = url.indexOf(',');
		String mediaType = url.substring(5, url.indexOf(';'));
		byte[] bytes = Base64.getDecoder().decode(url.substring(comma + 1));
		String format = mediaType.substring(mediaType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
		String size = dimensions(bytes);
		return "a " + ((size != null) ? size + " " : "") + format + " image of " + bytes.length + " bytes (sha-256 "
				+ sha256(bytes).substring(0, 8) + ")";
	}

	private static @Nullable String dimensions(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				return reader.getWidth(0) + "x" + reader.getHeight(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One run per built-in tool offered, unless {@code tool_choice} is {@code none} or names a function. */
	private static @Nullable Answer builtInTools(RecordedRequest request, JsonNode body) {
		JsonNode choice = body.path("tool_choice");
		if ("none".equals(choice.asString("")) || choice.isObject()) {
			return null;
		}
		String query = request.lastUserMessage();
		List<String> runs = new ArrayList<>();
		List<String> what = new ArrayList<>();
		for (JsonNode tool : body.path("tools")) {
			String type = tool.path("type").asString("");
			if (type.equals("browser_search")) {
				runs.add(GroqShapes.webSearch(runs.size(), query, "Emulated result for: " + query,
						"https://example.com/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
						"Emulated page text about " + query));
				what.add("a web search");
			}
			else if (type.equals("code_interpreter")) {
				runs.add(GroqShapes.codeRun(runs.size(), "print(len(" + WireFormat.JSON.writeValueAsString(query) + "))",
						Integer.toString(query.length())));
				what.add("Python");
			}
		}
		if (runs.isEmpty()) {
			return null;
		}
		return new Answer("Emulated answer using " + String.join(" and ", what) + " for: " + query,
				AnswerExtras.NONE.withExecutedTools(runs));
	}

	/** The answer quotes each document; with citations enabled (Groq's default) each quote is cited. */
	private static @Nullable Answer documents(JsonNode body) {
		JsonNode documents = body.path("documents");
		if (!documents.isArray() || documents.isEmpty()) {
			return null;
		}
		boolean cite = !"disabled".equals(body.path("citation_options").asString(""));
		StringBuilder content = new StringBuilder("Emulated answer from the documents.");
		List<String> citations = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			JsonNode document = documents.get(i);
			String id = document.hasNonNull("id") ? document.get("id").asString() : Integer.toString(i);
			JsonNode source = document.path("source");
			String quote = "text".equals(source.path("type").asString("")) ? source.path("text").asString("")
					: WireFormat.JSON.writeValueAsString(source.path("data"));
			content.append(' ').append(id).append(": ");
			int start = content.length();
			content.append(quote);
			if (cite) {
				citations.add(GroqShapes.documentCitation(id, start, content.length()));
			}
		}
		return new Answer(content.toString(), AnswerExtras.NONE.withAnnotations(citations));
	}

}
