package io.github.groqspring.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One emulated batch and its life: {@code validating}, {@code in_progress} (a share of the
 * lines per step), {@code finalizing}, then {@code completed}; or {@code failed},
 * {@code expired} and {@code cancelled} with the partial results Groq would give. Each
 * {@link #step} moves it on by one stage, so tests drive it without waiting.
 */
final class EmulatedBatch {

	private final Batches batches;

	private final String id;

	private final String inputFileId;

	private final String completionWindow;

	private final @Nullable JsonNode metadata;

	private final long createdAt;

	private final long expiresAt;

	private Batches.Script script;

	private final Map<String, Long> timestamps = new LinkedHashMap<>();

	private final List<String> outputLines = new ArrayList<>();

	private final List<String> errorLines = new ArrayList<>();

	private final Map<String, CompactAnswer> compactAnswers = new HashMap<>();

	private String status = "validating";

	/** The valid lines of the input, as offsets into its bytes: a million lines are not held as trees. */
	private @Nullable JsonlRows rows;

	private int[] lines = new int[0];

	/** The custom id and model of each valid line, read once when it was validated. */
	private String[] customIds = new String[0];

	private String[] models = new String[0];

	private int total;

	private int processed;

	private int completed;

	private int failed;

	private @Nullable ArrayNode errors;

	private @Nullable String outputFileId;

	private @Nullable String errorFileId;

	EmulatedBatch(Batches batches, String id, String inputFileId, String completionWindow, @Nullable JsonNode metadata,
			long createdAt, long expiresAt, Batches.Script script) {
		this.batches = batches;
		this.id = id;
		this.inputFileId = inputFileId;
		this.completionWindow = completionWindow;
		this.metadata = metadata;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.script = script;
	}

	String id() {
		return this.id;
	}

	synchronized String status() {
		return this.status;
	}

	synchronized void step(long now) {
		switch (this.status) {
			case "validating" -> validate(now);
			case "in_progress" -> process(now);
			case "finalizing" -> finish("completed", now);
			case "cancelling" -> finish("cancelled", now);
			default -> {
			}
		}
	}

	/** Start cancelling; {@code false} when the batch has already finished. */
	synchronized boolean cancel(long now) {
		if (isTerminal()) {
			return false;
		}
		if (!this.status.equals("cancelling")) {
			this.status = "cancelling";
			this.timestamps.put("cancelling_at", now);
		}
		return true;
	}

	synchronized boolean isTerminal() {
		return Set.of("completed", "failed", "expired", "cancelled").contains(this.status);
	}

	synchronized ObjectNode toJson() {
		ObjectNode json = WireFormat.JSON.createObjectNode()
			.put("id", this.id)
			.put("object", "batch")
			.put("endpoint", "/v1/chat/completions");
		if (this.errors != null) {
			json.putObject("errors").put("object", "list").set("data", this.errors);
		}
		else {
			json.putNull("errors");
		}
		json.put("input_file_id", this.inputFileId)
			.put("completion_window", this.completionWindow)
			.put("status", this.status)
			.put("output_file_id", this.outputFileId)
			.put("error_file_id", this.errorFileId);
		json.putObject("request_counts")
			.put("total", this.total)
			.put("completed", this.completed)
			.put("failed", this.failed);
		if (this.metadata != null) {
			json.set("metadata", this.metadata);
		}
		else {
			json.putNull("metadata");
		}
		json.put("created_at", this.createdAt).put("expires_at", this.expiresAt);
		for (String timestamp : List.of("in_progress_at", "finalizing_at", "completed_at", "failed_at", "expired_at",
				"cancelling_at", "cancelled_at")) {
			Long value = this.timestamps.get(timestamp);
			if (value != null) {
				json.put(timestamp, value);
			}
			else {
				json.putNull(timestamp);
			}
		}
		return json;
	}

	private void validate(long now) {
		EmulatedFiles.StoredFile input = this.batches.files().get(this.inputFileId);
		ArrayNode found = WireFormat.JSON.createArrayNode();
		if (input == null) {
			error(found, "file_not_found", "The input file " + this.inputFileId + " no longer exists", null);
		}
		else {
			parse(JsonlRows.of(input.content()), found);
		}
		if (this.script.failValidation() != null) {
			error(found, "invalid_request", this.script.failValidation(), null);
		}
		if (!found.isEmpty()) {
			this.errors = found;
			this.lines = new int[0];
			this.customIds = new String[0];
			this.models = new String[0];
			this.status = "failed";
			this.timestamps.put("failed_at", now);
			return;
		}
		this.total = this.lines.length;
		this.status = "in_progress";
		this.timestamps.put("in_progress_at", now);
	}

	/**
	 * Validates the input file line by line, keeping the valid rows. Groq's own codes and
	 * messages for a failed validation are unconfirmed: these are the ones OpenAI documents
	 * for the Batch API that Groq's is compatible with ({@code invalid_json_line},
	 * {@code duplicate_custom_id}, {@code missing_required_parameter}, {@code url_mismatch},
	 * {@code empty_file}, {@code too_many_tasks}), plus Groq's rule that batch lines carry no
	 * {@code service_tier} (batch docs). A line's custom id may pick a script
	 * ({@link Batches#failBatchContaining} and the like).
	 */
	private void parse(JsonlRows rows, ArrayNode found) {
		int[] valid = new int[rows.size()];
		String[] validIds = new String[rows.size()];
		String[] validModels = new String[rows.size()];
		int count = 0;
		Set<String> customIds = new HashSet<>();
		for (int row = 0; row < rows.size(); row++) {
			int number = rows.lineNumber(row);
			JsonNode line;
			try {
				line = rows.parse(row);
			}
			catch (JacksonException ex) {
				error(found, "invalid_json_line", "This line is not parseable as valid JSON.", number);
				continue;
			}
			String[] problem = problem(line, customIds);
			if (problem != null) {
				error(found, problem[0], problem[1], number);
				continue;
			}
			String customId = line.get("custom_id").asString();
			Batches.Script scripted = this.batches.takeScript(customId);
			if (scripted != null) {
				this.script = this.script.and(scripted);
			}
			validIds[count] = customId;
			validModels[count] = line.path("body").path("model").asString("");
			valid[count++] = row;
		}
		if (count == 0 && found.isEmpty()) {
			error(found, "empty_file",
					"The batch input file is empty. Please ensure that the batch contains at least one request.", null);
		}
		int maxLines = this.batches.maxLines();
		if (count > maxLines) {
			error(found, "too_many_tasks",
					"The batch input file has " + count + " requests: a batch holds at most " + maxLines + ".", null);
		}
		this.rows = rows;
		this.lines = Arrays.copyOf(valid, count);
		this.customIds = Arrays.copyOf(validIds, count);
		this.models = Arrays.copyOf(validModels, count);
	}

	/** The code and message of what is wrong with a line, or {@code null}. */
	private static String @Nullable [] problem(JsonNode line, Set<String> customIds) {
		if (!line.isObject()) {
			return new String[] { "invalid_json_line", "This line is not a JSON object." };
		}
		JsonNode customId = line.get("custom_id");
		if (customId == null || !customId.isString() || customId.asString().isBlank()) {
			return missing("custom_id");
		}
		if (!customIds.add(customId.asString())) {
			return new String[] { "duplicate_custom_id", "The custom_id for this request is a duplicate of another "
					+ "request. The custom_id parameter must be unique for each request in a batch." };
		}
		if (!"POST".equals(line.path("method").asString(""))) {
			return new String[] { "invalid_request", "The method of this request must be POST." };
		}
		if (!"/v1/chat/completions".equals(line.path("url").asString(""))) {
			return new String[] { "url_mismatch",
					"The provided URL for this request does not match the batch endpoint /v1/chat/completions." };
		}
		JsonNode body = line.get("body");
		if (body == null || !body.isObject()) {
			return missing("body");
		}
		if (body.has("service_tier")) {
			return new String[] { "invalid_request", "service_tier is not supported in batch requests" };
		}
		return null;
	}

	private static String[] missing(String name) {
		return new String[] { "missing_required_parameter",
				"This line is missing the required parameter '" + name + "'." };
	}

	private void process(long now) {
		int perStep = (this.batches.linesPerStep() > 0) ? this.batches.linesPerStep() : Math.max(1, (this.total + 3) / 4);
		for (int i = 0; i < perStep && this.processed < this.total; i++) {
			if (reached(this.script.expireAfter())) {
				finish("expired", now);
				return;
			}
			if (reached(this.script.cancelAfter())) {
				cancel(now);
				return;
			}
			run(this.processed, now);
			this.processed++;
		}
		if (this.processed == this.total) {
			this.status = "finalizing";
			this.timestamps.put("finalizing_at", now);
		}
	}

	private JsonNode line(int index) {
		JsonlRows input = this.rows;
		if (input == null) {
			throw new IllegalStateException("Batch " + this.id + " has no validated input");
		}
		return input.parse(this.lines[index]);
	}

	private boolean reached(@Nullable Integer lines) {
		return lines != null && this.processed >= lines;
	}

	private void run(int index, long now) {
		String customId = this.customIds[index];
		EmulatedResponse scripted = this.batches.scriptedFailure(customId);
		String requestId = this.batches.nextRequestId();
		if (scripted == null && this.batches.answersCompactly()) {
			String model = this.models[index];
			CompactAnswer compact = this.compactAnswers.computeIfAbsent(model, (key) -> new CompactAnswer(key, now));
			if (!this.batches.dropsResult(customId)) {
				this.outputLines.add(compact.line(customId, requestId));
			}
			this.completed++;
			return;
		}
		byte[] body = WireFormat.JSON.writeValueAsBytes(line(index).get("body"));
		EmulatedResponse answer = (scripted != null) ? scripted : this.batches.chat()
			.batchLine(new RecordedRequest("POST", GroqEmulator.CHAT_COMPLETIONS, Map.of(), body, null, requestId),
					requestId);
		byte[] answerBody = (answer.body() != null) ? answer.body() : new byte[0];
		ObjectNode result = resultLine(customId);
		ObjectNode response = result.putObject("response").put("status_code", answer.status()).put("request_id", requestId);
		response.set("body", WireFormat.JSON.readTree(new String(answerBody, StandardCharsets.UTF_8)));
		result.putNull("error");
		boolean succeeded = answer.status() == 200;
		if (!this.batches.dropsResult(customId)) {
			(succeeded ? this.outputLines : this.errorLines).add(WireFormat.JSON.writeValueAsString(result));
		}
		if (succeeded) {
			this.completed++;
		}
		else {
			this.failed++;
		}
	}

	private void finish(String terminal, long now) {
		String code = terminal.equals("expired") ? "batch_expired" : "batch_cancelled";
		String message = terminal.equals("expired")
				? "This request could not be executed before the completion window expired."
				: "This request was not executed because the batch was cancelled.";
		for (int index = this.processed; index < this.total; index++) {
			ObjectNode result = resultLine(this.customIds[index]);
			result.putNull("response");
			result.putObject("error").put("code", code).put("message", message);
			this.errorLines.add(WireFormat.JSON.writeValueAsString(result));
			this.failed++;
		}
		this.processed = this.total;
		this.rows = null;
		this.customIds = new String[0];
		this.models = new String[0];
		Random random = new Random(this.id.hashCode());
		this.outputFileId = store(this.outputLines, "output", random);
		this.errorFileId = store(this.errorLines, "error", random);
		// the files hold them now: a million-line job is not kept twice
		this.outputLines.clear();
		this.errorLines.clear();
		this.compactAnswers.clear();
		this.status = terminal;
		this.timestamps.put(terminal + "_at", now);
	}

	private @Nullable String store(List<String> results, String kind, Random random) {
		if (results.isEmpty()) {
			return null;
		}
		List<String> shuffled = new ArrayList<>(results);
		Collections.shuffle(shuffled, random);
		ByteArrayOutputStream content = new ByteArrayOutputStream(shuffled.size() * (shuffled.get(0).length() + 16));
		for (String line : shuffled) {
			content.writeBytes(line.getBytes(StandardCharsets.UTF_8));
			content.write('\n');
		}
		return this.batches.files().store(this.id + "_" + kind + ".jsonl", "batch_output", content.toByteArray()).id();
	}

	private ObjectNode resultLine(String customId) {
		return WireFormat.JSON.createObjectNode()
			.put("id", "batch_req_" + Ids.ulid())
			.put("custom_id", customId);
	}

	private static void error(ArrayNode errors, String code, String message, @Nullable Integer line) {
		ObjectNode error = errors.addObject().put("code", code).put("message", message);
		error.putNull("param");
		if (line != null) {
			error.put("line", line);
		}
		else {
			error.putNull("line");
		}
	}

}
