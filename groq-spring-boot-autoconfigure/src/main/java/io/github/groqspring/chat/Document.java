package io.github.groqspring.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A document for the request's top-level {@code documents}: text or JSON the model may
 * draw on and, with {@link CitationOptions#ENABLED}, cite in the answer's
 * {@code annotations} by its id ({@link Annotation.DocumentCitation#documentId()}). Which
 * models honour documents Groq does not document: they are passed through as Groq's API
 * reference defines them.
 *
 * <pre>{@code
 * ChatRequest.builder("openai/gpt-oss-120b")
 *     .user("What was Q3 revenue? Cite the source.")
 *     .documents(List.of(Document.text("doc-1", "Q3 revenue was $12.5M, up 8%.")))
 *     .citationOptions(CitationOptions.ENABLED);
 * }</pre>
 *
 * @param id the id citations name, or {@code null}
 * @param source the document's content
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "source" })
public record Document(@Nullable String id, Source source) {

	public Document {
		if (source == null) {
			throw new IllegalArgumentException("A document needs a source: Document.text(...) or Document.json(...)");
		}
	}

	/**
	 * A text document: {@code {"id":..., "source":{"type":"text","text":...}}}.
	 * @param id the id citations name, or {@code null}
	 * @param text the text
	 * @return the document
	 */
	public static Document text(@Nullable String id, String text) {
		return new Document(id, new TextSource(text));
	}

	/**
	 * A JSON document: {@code {"id":..., "source":{"type":"json","data":{...}}}}.
	 * @param id the id citations name, or {@code null}
	 * @param data the document, a JSON object
	 * @return the document
	 */
	public static Document json(@Nullable String id, Map<String, ?> data) {
		return new Document(id, new JsonSource(data));
	}

	/** A document's content: {@link TextSource} or {@link JsonSource}. */
	public sealed interface Source permits TextSource, JsonSource {

		/**
		 * The source's wire type.
		 * @return {@code text} or {@code json}
		 */
		String type();

	}

	/**
	 * {@code {"type":"text","text":"..."}}.
	 *
	 * @param text the document's text
	 */
	@JsonPropertyOrder({ "type", "text" })
	public record TextSource(String text) implements Source {

		public TextSource {
			if (text == null) {
				throw new IllegalArgumentException("A text document needs its text");
			}
		}

		@Override
		@JsonProperty("type")
		public String type() {
			return "text";
		}

	}

	/**
	 * {@code {"type":"json","data":{...}}}.
	 *
	 * @param data the document, a JSON object
	 */
	@JsonPropertyOrder({ "type", "data" })
	public record JsonSource(Map<String, ?> data) implements Source {

		public JsonSource {
			if (data == null) {
				throw new IllegalArgumentException("A JSON document needs its data, a JSON object");
			}
			data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
		}

		@Override
		@JsonProperty("type")
		public String type() {
			return "json";
		}

	}

}
