package io.github.groqspring.test;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Groq's documented JSON shapes for what the emulator scripts beside an answer's text:
 * {@code executed_tools} items and {@code annotations}. Each method returns one JSON
 * object as text, for {@link EmulatedResponse#withExecutedTools(String...)},
 * {@link EmulatedResponse#withAnnotations(String...)} and their {@link EmulatedStream}
 * counterparts; any other shape can be scripted as raw JSON.
 */
public final class GroqShapes {

	private GroqShapes() {
	}

	/**
	 * A web search, as Groq's built-in tools docs show one: {@code type} {@code search},
	 * {@code arguments} {@code {"query": ...}}, the output text and one search result. (What
	 * {@code type} GPT-OSS's {@code browser_search} reports is unconfirmed; the docs show
	 * {@code search} for compound.)
	 * @param index the run's position
	 * @param query what was searched
	 * @param title the result's title
	 * @param url the result's URL
	 * @param content the result's text
	 * @return the executed tool, JSON
	 */
	public static String webSearch(int index, String query, String title, String url, String content) {
		ObjectNode tool = WireFormat.JSON.createObjectNode()
			.put("index", index)
			.put("type", "search")
			.put("arguments", WireFormat.JSON.writeValueAsString(WireFormat.JSON.createObjectNode().put("query", query)))
			.put("output", "Title: " + title + "\nURL: " + url + "\nContent: " + content + "\n");
		ArrayNode results = tool.putObject("search_results").putArray("results");
		results.addObject().put("title", title).put("url", url).put("content", content).put("score", 0.9);
		return WireFormat.JSON.writeValueAsString(tool);
	}

	/**
	 * A code run of GPT-OSS's {@code code_interpreter}, as Groq's code execution docs show
	 * one: {@code name} {@code python}, {@code type} {@code function}, the raw code as
	 * {@code arguments}, {@code search_results} {@code {"results": null}} and the printed text
	 * in {@code code_results}.
	 * @param index the run's position
	 * @param code the Python code
	 * @param printed what it printed
	 * @return the executed tool, JSON
	 */
	public static String codeRun(int index, String code, String printed) {
		ObjectNode tool = WireFormat.JSON.createObjectNode()
			.put("name", "python")
			.put("index", index)
			.put("type", "function")
			.put("arguments", code);
		tool.putObject("search_results").putNull("results");
		tool.putArray("code_results").addObject().put("text", printed);
		return WireFormat.JSON.writeValueAsString(tool);
	}

	/**
	 * A citation of a request document (API reference, {@code document_citation}).
	 * @param documentId the document's id
	 * @param startIndex where the citing text starts in the content
	 * @param endIndex where it ends
	 * @return the annotation, JSON
	 */
	public static String documentCitation(String documentId, int startIndex, int endIndex) {
		ObjectNode annotation = WireFormat.JSON.createObjectNode().put("type", "document_citation");
		annotation.putObject("document_citation")
			.put("document_id", documentId)
			.put("start_index", startIndex)
			.put("end_index", endIndex);
		return WireFormat.JSON.writeValueAsString(annotation);
	}

}
