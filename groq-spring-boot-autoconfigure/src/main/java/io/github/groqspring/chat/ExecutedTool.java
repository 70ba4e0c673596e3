package io.github.groqspring.chat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A tool Groq ran server-side while answering, from {@code executed_tools} on the message
 * (and, in pieces, on stream deltas): a built-in tool of a GPT-OSS model
 * ({@link Tool#browserSearch()}, {@link Tool#codeInterpreter()}) or of a compound system.
 * The shape is Groq's API reference's ({@code ChatCompletionMessage.ExecutedTool} in the
 * official SDKs); every field but {@code index} may be absent, and unknown fields are
 * ignored.
 *
 * <p>{@code type} is an open value: Groq's docs show {@code search}, {@code python},
 * {@code function} (GPT-OSS code execution), {@code wolfram} and
 * {@code browser_automation}. {@code arguments} is usually JSON (e.g.
 * {@code {"query": "..."}}) but GPT-OSS code execution sends the raw Python code: never
 * assume JSON.
 *
 * @param index the tool run's position, the key that stream pieces are merged by
 * @param type what ran, e.g. {@code search} or {@code python}
 * @param name the tool's name, when Groq sends one (not in the API reference, seen on the wire)
 * @param arguments what it was called with, as sent
 * @param output its output text
 * @param searchResults the results of a web search
 * @param codeResults the results of code execution: text, PNG images, charts
 * @param browserResults the pages a browser visited
 */
public record ExecutedTool(int index, @Nullable String type, @Nullable String name, @Nullable String arguments,
		@Nullable String output, @JsonProperty("search_results") @Nullable SearchResults searchResults,
		@JsonProperty("code_results") @Nullable List<CodeResult> codeResults,
		@JsonProperty("browser_results") @Nullable List<BrowserResult> browserResults) {

	/**
	 * This tool run with a later stream piece of it merged in: the later piece's non-null
	 * fields win, except that output text is appended and result lists are joined, so that
	 * no piece is lost however Groq splits a run over chunks (how it does is unconfirmed).
	 * @param later a piece with the same {@code index}
	 * @return the merged tool run
	 */
	public ExecutedTool mergedWith(ExecutedTool later) {
		return new ExecutedTool(this.index, pick(later.type, this.type), pick(later.name, this.name),
				pick(later.arguments, this.arguments),
				(this.output != null && later.output != null) ? this.output + later.output : pick(later.output, this.output),
				pick(later.searchResults, this.searchResults), join(this.codeResults, later.codeResults),
				join(this.browserResults, later.browserResults));
	}

	private static <T> @Nullable T pick(@Nullable T later, @Nullable T earlier) {
		return (later != null) ? later : earlier;
	}

	private static <T> @Nullable List<T> join(@Nullable List<T> earlier, @Nullable List<T> later) {
		if (earlier == null || later == null) {
			return (later != null) ? later : earlier;
		}
		List<T> all = new ArrayList<>(earlier);
		all.addAll(later);
		return List.copyOf(all);
	}

	/**
	 * A web search's results.
	 *
	 * @param results the pages found (Groq sends {@code null} or {@code []} when there are none)
	 * @param images image URLs, with {@code include_images}
	 */
	public record SearchResults(@Nullable List<SearchResult> results, @Nullable List<String> images) {
	}

	/**
	 * One page a web search found.
	 *
	 * @param title the page's title
	 * @param url its URL
	 * @param content the relevant text
	 * @param score how relevant it is
	 */
	public record SearchResult(@Nullable String title, @Nullable String url, @Nullable String content,
			@Nullable Double score) {
	}

	/**
	 * One result of code execution.
	 *
	 * @param text printed or returned text
	 * @param png an image the code drew, base64-encoded PNG
	 * @param chart a chart the code drew
	 * @param charts several charts
	 */
	public record CodeResult(@Nullable String text, @Nullable String png, @Nullable Chart chart,
			@Nullable List<Chart> charts) {
	}

	/**
	 * A chart from code execution, as Groq describes it.
	 *
	 * @param type {@code bar}, {@code box_and_whisker}, {@code line}, {@code pie},
	 * {@code scatter}, {@code superchart} or {@code unknown}
	 * @param title the chart's title
	 * @param elements its bars, lines, slices or points
	 * @param xLabel the x axis's label
	 * @param yLabel the y axis's label
	 * @param xUnit the x axis's unit
	 * @param yUnit the y axis's unit
	 */
	public record Chart(@Nullable String type, @Nullable String title, @Nullable List<ChartElement> elements,
			@JsonProperty("x_label") @Nullable String xLabel, @JsonProperty("y_label") @Nullable String yLabel,
			@JsonProperty("x_unit") @Nullable String xUnit, @JsonProperty("y_unit") @Nullable String yUnit) {
	}

	/**
	 * One element of a chart.
	 *
	 * @param label its label
	 * @param group its group
	 * @param value its value
	 * @param points its points, as {@code [x, y]} pairs
	 */
	public record ChartElement(@Nullable String label, @Nullable String group, @Nullable Double value,
			@Nullable List<List<Double>> points) {
	}

	/**
	 * A page a browser visited.
	 *
	 * @param title the page's title
	 * @param url its URL
	 * @param content its text
	 * @param liveViewUrl where to watch the browser
	 */
	public record BrowserResult(@Nullable String title, @Nullable String url, @Nullable String content,
			@JsonProperty("live_view_url") @Nullable String liveViewUrl) {
	}

}
