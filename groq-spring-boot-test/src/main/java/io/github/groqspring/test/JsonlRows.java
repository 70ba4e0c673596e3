package io.github.groqspring.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The rows of a JSONL file, kept as offsets into its bytes rather than as parsed trees, so
 * that the emulator holds a batch of 50,000 lines in a few hundred kilobytes beside the
 * file itself; a row is parsed when it is needed.
 */
final class JsonlRows {

	private final byte[] content;

	private final int[] starts;

	private final int[] ends;

	private final int[] numbers;

	private final int size;

	private JsonlRows(byte[] content, int[] starts, int[] ends, int[] numbers, int size) {
		this.content = content;
		this.starts = starts;
		this.ends = ends;
		this.numbers = numbers;
		this.size = size;
	}

	/** The non-blank rows of a file, each without its line break. */
	static JsonlRows of(byte[] content) {
		int[] starts = new int[16];
		int[] ends = new int[16];
		int[] numbers = new int[16];
		int size = 0;
		int start = 0;
		int number = 0;
		while (start <= content.length) {
			int end = start;
			while (end < content.length && content[end] != '\n') {
				end++;
			}
			number++;
			if (!isBlank(content, start, end)) {
				if (size == starts.length) {
					starts = Arrays.copyOf(starts, size * 2);
					ends = Arrays.copyOf(ends, size * 2);
					numbers = Arrays.copyOf(numbers, size * 2);
				}
				starts[size] = start;
				ends[size] = end;
				numbers[size] = number;
				size++;
			}
			start = end + 1;
		}
		return new JsonlRows(content, starts, ends, numbers, size);
	}

	int size() {
		return this.size;
	}

	/** The 1-based line number of a row in the file. */
	int lineNumber(int row) {
		return this.numbers[row];
	}

	/**
	 * A row as JSON.
	 * @throws JacksonException when it is not JSON
	 */
	JsonNode parse(int row) {
		return WireFormat.JSON.readTree(this.content, this.starts[row], this.ends[row] - this.starts[row]);
	}

	/** The custom ids of the rows that are JSON objects with one, in order. */
	List<String> customIds() {
		List<String> customIds = new ArrayList<>();
		for (int row = 0; row < this.size; row++) {
			try {
				JsonNode customId = parse(row).get("custom_id");
				if (customId != null && customId.isString()) {
					customIds.add(customId.asString());
				}
			}
			catch (JacksonException ex) {
				// not a request: no custom id
			}
		}
		return customIds;
	}

	private static boolean isBlank(byte[] content, int start, int end) {
		for (int i = start; i < end; i++) {
			byte b = content[i];
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

}
