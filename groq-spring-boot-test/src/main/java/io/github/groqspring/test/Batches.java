package io.github.groqspring.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's Files and Batch APIs ({@code /openai/v1/files}, {@code /openai/v1/batches}),
 * on a fast, step-driven clock: each retrieve of a batch answers with the batch as it is,
 * then moves it one stage on ({@code validating}, {@code in_progress} in four steps,
 * {@code finalizing}, {@code completed}), so a test polls it to the end without waiting. Results are written
 * in Groq's output line shape, shuffled, to an output file (successes) and an error file.
 * Failures, expiry and cancellation can be scripted.
 *
 * <pre>{@code
 * emulator.batches().expireNextBatchAfter(2);            // 2 lines done, the rest expire
 * emulator.batches().failRequest("q3", EmulatedResponse.error(400, ...));
 * }</pre>
 */
public final class Batches {

	static final String PATH = "/openai/v1/batches";

	private static final Pattern WINDOW = Pattern.compile("(\\d{1,4})([hd])");

	private static final Set<String> CREATE_FIELDS = Set.of("input_file_id", "endpoint", "completion_window",
			"metadata");

	private final ChatCompletions chat;

	private final EmulatedFiles files = new EmulatedFiles(Clock.systemUTC());

	private final Map<String, EmulatedBatch> batches = new ConcurrentHashMap<>();

	private final List<String> newestFirst = new ArrayList<>();

	private final Map<String, EmulatedResponse> failedRequests = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong requestNumbers = new AtomicLong();

	private volatile Clock clock = Clock.systemUTC();

	private volatile int linesPerStep;

	private volatile boolean advanceOnRetrieve = true;

	private volatile Script next = Script.NONE;

	Batches(GroqEmulator emulator) {
		this.chat = new ChatCompletions(emulator);
	}

	/**
	 * Use this clock for the timestamps of files and batches.
	 * @param clock e.g. a fixed clock
	 * @return this
	 */
	public Batches clock(Clock clock) {
		this.clock = clock;
		this.files.clock(clock);
		return this;
	}

	/**
	 * How many lines an {@code in_progress} step processes.
	 * @param lines at least 1; 0 for a quarter of the batch (the default)
	 * @return this
	 */
	public Batches linesPerStep(int lines) {
		if (lines < 0) {
			throw new IllegalArgumentException("lines must not be negative, was " + lines);
		}
		this.linesPerStep = lines;
		return this;
	}

	/**
	 * Whether retrieving a batch moves it one stage on after answering (the default); switch
	 * it off to move batches only with {@link #advance(String)}.
	 * @param advance the flag
	 * @return this
	 */
	public Batches advanceOnRetrieve(boolean advance) {
		this.advanceOnRetrieve = advance;
		return this;
	}

	/**
	 * Move a batch one stage on.
	 * @param batchId the batch
	 * @return its status afterwards
	 */
	public String advance(String batchId) {
		EmulatedBatch batch = batch(batchId);
		batch.step(now());
		return batch.status();
	}

	/**
	 * Answer the request with this custom id, in any batch, with this response (e.g. an
	 * error); it lands in the batch's error file unless its status is 200.
	 * @param customId the request's custom id
	 * @param response the answer
	 * @return this
	 */
	public Batches failRequest(String customId, EmulatedResponse response) {
		this.failedRequests.put(customId, response);
		return this;
	}

	/**
	 * Let the next batch created expire after processing this many lines: those are in
	 * its output (or error) file, the rest in its error file as {@code batch_expired}.
	 * @param processedLines the lines done before it expires
	 * @return this
	 */
	public Batches expireNextBatchAfter(int processedLines) {
		this.next = this.next.withExpireAfter(processedLines);
		return this;
	}

	/**
	 * Let the next batch created be cancelled (as from Groq's console) after processing
	 * this many lines.
	 * @param processedLines the lines done before it is cancelled
	 * @return this
	 */
	public Batches cancelNextBatchAfter(int processedLines) {
		this.next = this.next.withCancelAfter(processedLines);
		return this;
	}

	/**
	 * Let the next batch created fail validation with this message.
	 * @param message the error message
	 * @return this
	 */
	public Batches failNextBatchValidation(String message) {
		this.next = this.next.withFailValidation(message);
		return this;
	}

	/**
	 * The content of a stored file, e.g. an uploaded input.
	 * @param fileId the file's id
	 * @return the content as text
	 * @throws IllegalArgumentException when there is no such file
	 */
	public String fileContent(String fileId) {
		EmulatedFiles.StoredFile file = this.files.get(fileId);
		if (file == null) {
			throw new IllegalArgumentException("The emulator holds no file " + fileId);
		}
		return file.text();
	}

	static boolean handles(String path) {
		return path.equals(EmulatedFiles.PATH) || path.startsWith(EmulatedFiles.PATH + "/") || path.equals(PATH)
				|| path.startsWith(PATH + "/");
	}

	EmulatedResponse answer(RecordedRequest request) {
		if (request.path().startsWith(EmulatedFiles.PATH)) {
			return this.files.answer(request);
		}
		String rest = request.path().substring(PATH.length());
		String method = request.method();
		if (rest.isEmpty() || rest.equals("/")) {
			return switch (method) {
				case "POST" -> create(request);
				case "GET" -> list(request);
				default -> methodNotAllowed(request);
			};
		}
		boolean cancel = rest.endsWith("/cancel");
		String id = rest.substring(1, cancel ? rest.length() - "/cancel".length() : rest.length());
		EmulatedBatch batch = this.batches.get(id);
		if (batch == null) {
			return notFound("batch", id);
		}
		if (cancel && method.equals("POST")) {
			return batch.cancel(now()) ? json(batch.toJson())
					: invalid("Batch " + id + " cannot be cancelled: it is " + batch.status());
		}
		if (!cancel && method.equals("GET")) {
			ObjectNode current = batch.toJson();
			if (this.advanceOnRetrieve) {
				batch.step(now());
			}
			return json(current);
		}
		return methodNotAllowed(request);
	}

	void reset() {
		this.files.reset();
		this.batches.clear();
		synchronized (this.newestFirst) {
			this.newestFirst.clear();
		}
		this.failedRequests.clear();
		this.next = Script.NONE;
		this.linesPerStep = 0;
		this.advanceOnRetrieve = true;
		clock(Clock.systemUTC());
	}

	EmulatedFiles files() {
		return this.files;
	}

	ChatCompletions chat() {
		return this.chat;
	}

	int linesPerStep() {
		return this.linesPerStep;
	}

	long nextRequestNumber() {
		return this.requestNumbers.incrementAndGet();
	}

	@Nullable EmulatedResponse scriptedFailure(String customId) {
		return this.failedRequests.get(customId);
	}

	private EmulatedResponse create(RecordedRequest request) {
		WireFormat.ObjectBody parsed = WireFormat.ObjectBody.of(request);
		if (parsed.refusal() != null) {
			return parsed.refusal();
		}
		JsonNode body = Objects.requireNonNull(parsed.json());
		for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!CREATE_FIELDS.contains(name)) {
				return invalid("property '" + name + "' is unsupported");
			}
		}
		String fileId = body.path("input_file_id").asString("");
		EmulatedFiles.StoredFile file = this.files.get(fileId);
		if (file == null || !file.purpose().equals("batch")) {
			return invalid("input_file_id '" + fileId + "' is not an uploaded file with purpose batch");
		}
		if (!"/v1/chat/completions".equals(body.path("endpoint").asString(""))) {
			return invalid("'endpoint' : value must be one of [/v1/chat/completions]");
		}
		String window = body.path("completion_window").asString("");
		Duration duration = window(window);
		if (duration == null) {
			return invalid("completion_window must be a duration from 24h to 7d, was '" + window + "'");
		}
		JsonNode metadata = body.get("metadata");
		if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
			return invalid("metadata must be an object");
		}
		long created = now();
		String id = String.format("batch_emulated%012d", this.sequence.incrementAndGet());
		Script script = this.next;
		this.next = Script.NONE;
		EmulatedBatch batch = new EmulatedBatch(this, id, fileId, window,
				(metadata != null && !metadata.isNull()) ? metadata : null, created, created + duration.toSeconds(), script);
		this.batches.put(id, batch);
		synchronized (this.newestFirst) {
			this.newestFirst.add(0, id);
		}
		return json(batch.toJson());
	}

	private EmulatedResponse list(RecordedRequest request) {
		String after = request.queryParameter("after");
		String limitText = request.queryParameter("limit");
		int limit;
		try {
			limit = (limitText != null) ? Integer.parseInt(limitText) : 20;
		}
		catch (NumberFormatException ex) {
			return invalid("limit must be a number, was '" + limitText + "'");
		}
		if (limit < 1 || limit > 100) {
			return invalid("limit must be from 1 to 100, was " + limit);
		}
		List<String> ids;
		synchronized (this.newestFirst) {
			ids = new ArrayList<>(this.newestFirst);
		}
		int start = 0;
		if (after != null) {
			int index = ids.indexOf(after);
			if (index < 0) {
				return invalid("after: no batch '" + after + "'");
			}
			start = index + 1;
		}
		List<String> page = ids.subList(Math.min(start, ids.size()), Math.min(start + limit, ids.size()));
		ObjectNode body = WireFormat.JSON.createObjectNode().put("object", "list");
		ArrayNode data = body.putArray("data");
		for (String id : page) {
			// null when a concurrent reset() removed it
			EmulatedBatch batch = this.batches.get(id);
			if (batch != null) {
				data.add(batch.toJson());
			}
		}
		body.put("first_id", page.isEmpty() ? null : page.get(0))
			.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1))
			.put("has_more", start + page.size() < ids.size());
		return json(body);
	}

	private EmulatedBatch batch(String batchId) {
		EmulatedBatch batch = this.batches.get(batchId);
		if (batch == null) {
			throw new IllegalArgumentException("The emulator holds no batch " + batchId);
		}
		return batch;
	}

	private long now() {
		return this.clock.instant().getEpochSecond();
	}

	private static @Nullable Duration window(String value) {
		Matcher matcher = WINDOW.matcher(value);
		if (!matcher.matches()) {
			return null;
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
		boolean inRange = duration.compareTo(Duration.ofHours(24)) >= 0 && duration.compareTo(Duration.ofDays(7)) <= 0;
		return inRange ? duration : null;
	}

	static EmulatedResponse json(JsonNode body) {
		return EmulatedResponse.raw(200, "application/json", WireFormat.JSON.writeValueAsString(body));
	}

	static EmulatedResponse invalid(String message) {
		return WireFormat.invalidRequest(message);
	}

	static EmulatedResponse notFound(String kind, String id) {
		return EmulatedResponse.error(404, "invalid_request_error", "not_found", "No " + kind + " with id '" + id + "'");
	}

	static EmulatedResponse methodNotAllowed(RecordedRequest request) {
		return EmulatedResponse.error(405, "invalid_request_error", "method_not_allowed",
				request.method() + " is not allowed on " + request.path());
	}

	/** What the next batch created is scripted to do. */
	record Script(@Nullable Integer expireAfter, @Nullable Integer cancelAfter, @Nullable String failValidation) {

		static final Script NONE = new Script(null, null, null);

		Script withExpireAfter(int lines) {
			return new Script(lines, this.cancelAfter, this.failValidation);
		}

		Script withCancelAfter(int lines) {
			return new Script(this.expireAfter, lines, this.failValidation);
		}

		Script withFailValidation(String message) {
			return new Script(this.expireAfter, this.cancelAfter, message);
		}

	}

}
