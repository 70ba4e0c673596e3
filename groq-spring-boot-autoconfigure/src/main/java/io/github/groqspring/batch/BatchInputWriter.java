package io.github.groqspring.batch;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.groqspring.chat.ChatRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link BatchInput} as Groq's JSONL, one
 * {@code {"custom_id","method":"POST","url":"/v1/chat/completions","body":{...}}} per line,
 * filling in the default model but never a tier.
 */
final class BatchInputWriter {

	static final String ENDPOINT = "/v1/chat/completions";

	private final JsonMapper jsonMapper;

	private final @Nullable String defaultModel;

	BatchInputWriter(JsonMapper jsonMapper, @Nullable String defaultModel) {
		this.jsonMapper = jsonMapper;
		this.defaultModel = defaultModel;
	}

	/**
	 * Check an input against the limits, without writing it anywhere.
	 * @return its size in bytes
	 */
	long measure(BatchInput input, BatchLimits limits) {
		if (input.size() > limits.maxLines()) {
			throw new IllegalArgumentException("The batch has " + input.size() + " requests, more than the "
					+ limits.maxLines() + " Groq accepts in one batch: submit it with jobs().submit(...), which "
					+ "splits it into several batches (or raise BatchLimits if Groq raised your limit)");
		}
		long bytes = 0;
		int number = 0;
		for (BatchLine line : input.lines()) {
			number++;
			bytes += serialize(line).length + 1;
			if (bytes > limits.maxBytes()) {
				throw new IllegalArgumentException("The batch file exceeds " + limits.maxBytes() + " bytes at request "
						+ number + " ('" + line.customId() + "'), more than Groq accepts in one file: submit it with "
						+ "jobs().submit(...), which splits it into several batches (or raise BatchLimits if Groq raised "
						+ "your limit)");
			}
		}
		return bytes;
	}

	void write(BatchInput input, OutputStream out) throws IOException {
		for (BatchLine line : input.lines()) {
			out.write(serialize(line));
			out.write('\n');
		}
	}

	/**
	 * One line of the file, without its line break.
	 * @throws IllegalArgumentException when the request names no model and there is no default
	 */
	byte[] serialize(BatchLine line) {
		ChatRequest request = line.request();
		if (request.serviceTier() != null) {
			throw new IllegalStateException("Batch request '" + line.customId() + "' carries a service_tier");
		}
		if (request.model() == null) {
			if (this.defaultModel == null) {
				throw new IllegalArgumentException("Batch request '" + line.customId() + "' names no model: name one "
						+ "with ChatRequest.builder(model) or set groq.default-model");
			}
			request = request.withModel(this.defaultModel);
		}
		return this.jsonMapper.writeValueAsBytes(new Line(line.customId(), "POST", ENDPOINT, request));
	}

	/** One line of the input file. */
	@JsonPropertyOrder({ "custom_id", "method", "url", "body" })
	record Line(@JsonProperty("custom_id") String customId, String method, String url, ChatRequest body) {
	}

}
