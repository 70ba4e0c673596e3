package io.github.groqspring.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An annotation of the answer's text, from {@code annotations} on the message (and on
 * stream deltas): a citation of one of the request's {@link Document documents}, or of a
 * tool call's result (Groq's API reference, {@code ChatCompletionMessage.Annotation}).
 * The indexes are character positions in the message's content; whether Groq counts
 * UTF-16 units or code points is unconfirmed, so {@link #citedText(String)} clamps them.
 * Groq's GPT-OSS browser search cites inline instead (markers such as {@code 【2†L6-L10】} in
 * the content), not here.
 *
 * @param type {@link #DOCUMENT_CITATION}, {@link #FUNCTION_CITATION}, or a newer type
 * @param documentCitation the document cited, for a document citation
 * @param functionCitation the tool call cited, for a function citation
 */
public record Annotation(@Nullable String type,
		@JsonProperty("document_citation") @Nullable DocumentCitation documentCitation,
		@JsonProperty("function_citation") @Nullable FunctionCitation functionCitation) {

	/** A citation of a request document. */
	public static final String DOCUMENT_CITATION = "document_citation";

	/** A citation of a tool call's result. */
	public static final String FUNCTION_CITATION = "function_citation";

	/**
	 * The part of the content this annotation covers.
	 * @param content the message's content
	 * @return the cited text, clamped to the content; empty when the annotation has no range
	 */
	public String citedText(@Nullable String content) {
		if (content == null) {
			return "";
		}
		int start;
		int end;
		if (this.documentCitation != null) {
			start = this.documentCitation.startIndex();
			end = this.documentCitation.endIndex();
		}
		else if (this.functionCitation != null) {
			start = this.functionCitation.startIndex();
			end = this.functionCitation.endIndex();
		}
		else {
			return "";
		}
		int from = Math.max(0, Math.min(start, content.length()));
		int to = Math.max(from, Math.min(end, content.length()));
		return content.substring(from, to);
	}

	/**
	 * A cited document.
	 *
	 * @param documentId the document's {@link Document#id()}
	 * @param startIndex where the citing text starts in the content
	 * @param endIndex where it ends (exclusive)
	 */
	public record DocumentCitation(@JsonProperty("document_id") @Nullable String documentId,
			@JsonProperty("start_index") int startIndex, @JsonProperty("end_index") int endIndex) {
	}

	/**
	 * A cited tool call.
	 *
	 * @param toolCallId the tool call's id
	 * @param startIndex where the citing text starts in the content
	 * @param endIndex where it ends (exclusive)
	 */
	public record FunctionCitation(@JsonProperty("tool_call_id") @Nullable String toolCallId,
			@JsonProperty("start_index") int startIndex, @JsonProperty("end_index") int endIndex) {
	}

}
