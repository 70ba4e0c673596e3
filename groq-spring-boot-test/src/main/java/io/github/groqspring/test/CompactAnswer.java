package io.github.groqspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/**
 * The result line of a {@link Batches#compactAnswers compact answer}: rendered once per
 * batch and model by {@link WireFormat#completion}, so that it has exactly the usual shape,
 * with markers where each line's ids and text go; a line is then the pieces and its
 * values strung together, without building or writing a tree.
 */
final class CompactAnswer {

	private static final long SEED_MARKER = 987_654_321_987_654_321L;

	private static final Pattern MARKERS = Pattern.compile("\"@@(\\d)@@\"|" + SEED_MARKER);

	private static final int RESULT_ID = 0;

	private static final int CUSTOM_ID = 1;

	private static final int REQUEST_ID = 2;

	private static final int COMPLETION_ID = 3;

	private static final int CONTENT = 4;

	private static final int SEED = 5;

	private final List<String> pieces = new ArrayList<>();

	private final List<Integer> values = new ArrayList<>();

	CompactAnswer(String model, long created) {
		Completion completion = new Completion(marker(COMPLETION_ID), created, marker(CONTENT), List.of(), List.of(),
				"stop", 1, 4, AnswerExtras.NONE);
		ObjectNode line = WireFormat.JSON.createObjectNode().put("id", marker(RESULT_ID)).put("custom_id", marker(CUSTOM_ID));
		line.putObject("response")
			.put("status_code", 200)
			.put("request_id", marker(REQUEST_ID))
			.set("body", WireFormat.completion(completion, model, marker(REQUEST_ID), SEED_MARKER, "batch"));
		line.putNull("error");
		String rendered = WireFormat.JSON.writeValueAsString(line);
		Matcher matcher = MARKERS.matcher(rendered);
		int end = 0;
		while (matcher.find()) {
			this.pieces.add(rendered.substring(end, matcher.start()));
			this.values.add((matcher.group(1) != null) ? Integer.parseInt(matcher.group(1)) : SEED);
			end = matcher.end();
		}
		this.pieces.add(rendered.substring(end));
	}

	/** The result line of one request, answered {@code Emulated reply for <custom_id>}. */
	String line(String customId, String requestId) {
		String[] filled = new String[SEED + 1];
		filled[RESULT_ID] = quoted("batch_req_" + Ids.ulid());
		filled[CUSTOM_ID] = quoted(customId);
		filled[REQUEST_ID] = quoted(requestId);
		filled[COMPLETION_ID] = quoted(Ids.completionId());
		filled[CONTENT] = quoted("Emulated reply for " + customId);
		filled[SEED] = Long.toString(requestId.hashCode() & 0x7FFFFFFFL);
		StringBuilder line = new StringBuilder(1024);
		for (int i = 0; i < this.values.size(); i++) {
			line.append(this.pieces.get(i)).append(filled[this.values.get(i)]);
		}
		return line.append(this.pieces.get(this.pieces.size() - 1)).toString();
	}

	private static String marker(int value) {
		return "@@" + value + "@@";
	}

	private static String quoted(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return WireFormat.JSON.writeValueAsString(value);
			}
		}
		return "\"" + value + "\"";
	}

}
