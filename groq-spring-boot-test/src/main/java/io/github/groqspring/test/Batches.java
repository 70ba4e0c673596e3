package io.github.groqspring.test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The emulated Files and Batch APIs ({@code /openai/v1/files}, {@code /openai/v1/batches}) as
 * a test scripts them, on a fast, step-driven clock: each retrieve of a batch answers with the batch as it is,
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

	private final ChatCompletions chat;

	/** Groq's batch guide: 50,000 lines; its API reference: files up to 100 MB (the guide says 200 MB). */
	static final int DEFAULT_MAX_LINES = 50_000;

	static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

	private final EmulatedFiles files = new EmulatedFiles(Clock.systemUTC(), this::uploadRefusal);

	private final Map<String, EmulatedBatch> batches = new ConcurrentHashMap<>();

	private final List<String> newestFirst = new ArrayList<>();

	private final Map<String, EmulatedResponse> failedRequests = new ConcurrentHashMap<>();

	private volatile Clock clock = Clock.systemUTC();

	private volatile int linesPerStep;

	private volatile boolean advanceOnRetrieve = true;

	private volatile Script next = Script.NONE;

	private volatile boolean cursorPaging;

	private volatile int maxLines = DEFAULT_MAX_LINES;

	private volatile long maxBytes = DEFAULT_MAX_BYTES;

	private volatile boolean compactAnswers;

	private final Map<String, Script> scriptsByCustomId = new ConcurrentHashMap<>();

	private final Map<String, EmulatedResponse> uploadRefusals = new ConcurrentHashMap<>();

	private final Set<String> droppedResults = ConcurrentHashMap.newKeySet();

	Batches(ChatCompletions chat) {
		this.chat = chat;
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
	 * List batches with OpenAI's cursor paging: honour {@code after} and {@code limit} (1 to
	 * 100, 20 by default) and add {@code first_id}, {@code last_id} and {@code has_more}.
	 * Off by default, because Groq's API reference (the official SDKs) lists batches with no
	 * parameters as {@code {"object":"list","data":[...]}}; whether the live API pages is
	 * unconfirmed, so a client that pages should work with both answers.
	 * @param paging whether to page
	 * @return this
	 */
	public Batches cursorPaging(boolean paging) {
		this.cursorPaging = paging;
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
	 * Limit batches as an organisation's are limited: an upload larger than {@code maxBytes}
	 * is refused (400), and a batch of more than {@code maxLines} lines fails validation
	 * ({@code too_many_tasks}). The defaults are Groq's documented 50,000 lines and 100 MB
	 * (104,857,600 bytes; the API reference's size, the batch guide says 200 MB); small
	 * limits let a test split a job at a few lines or bytes.
	 * @param maxLines the most lines of one batch
	 * @param maxBytes the largest input file, in bytes
	 * @return this
	 */
	public Batches limits(int maxLines, long maxBytes) {
		if (maxLines < 1 || maxBytes < 1) {
			throw new IllegalArgumentException("Limits must be positive, were " + maxLines + " lines and " + maxBytes
					+ " bytes");
		}
		this.maxLines = maxLines;
		this.maxBytes = maxBytes;
		return this;
	}

	/**
	 * Answer every batch line with a plain completion ({@code "Emulated reply for <custom_id>"},
	 * 1 prompt and 4 completion tokens, Groq's shape) without checking its request against
	 * the model or planning an answer, so that a volume test runs a million lines in seconds.
	 * The input file is still validated as a batch's is (limits, custom ids, method, url).
	 * Off by default; a line answered with {@link #failRequest} still fails.
	 * @param compact whether to answer compactly
	 * @return this
	 */
	public Batches compactAnswers(boolean compact) {
		this.compactAnswers = compact;
		return this;
	}

	/**
	 * Let the batch whose input holds this custom id fail validation with this message,
	 * whichever batch of a job it is. Used up by that batch.
	 * @param customId a custom id of the batch's input
	 * @param message the error message
	 * @return this
	 */
	public Batches failBatchContaining(String customId, String message) {
		this.scriptsByCustomId.merge(customId, Script.NONE.withFailValidation(message), Script::and);
		return this;
	}

	/**
	 * Let the batch whose input holds this custom id expire after processing this many
	 * lines. Used up by that batch.
	 * @param customId a custom id of the batch's input
	 * @param processedLines the lines done before it expires
	 * @return this
	 */
	public Batches expireBatchContaining(String customId, int processedLines) {
		this.scriptsByCustomId.merge(customId, Script.NONE.withExpireAfter(processedLines), Script::and);
		return this;
	}

	/**
	 * Let the batch whose input holds this custom id be cancelled (as from Groq's console)
	 * after processing this many lines. Used up by that batch.
	 * @param customId a custom id of the batch's input
	 * @param processedLines the lines done before it is cancelled
	 * @return this
	 */
	public Batches cancelBatchContaining(String customId, int processedLines) {
		this.scriptsByCustomId.merge(customId, Script.NONE.withCancelAfter(processedLines), Script::and);
		return this;
	}

	/**
	 * Answer the next upload of a file holding this custom id with this response (e.g. a
	 * 500) instead of storing it. Used up by that upload, so uploading it again succeeds.
	 * @param customId a custom id of the file's lines
	 * @param response the answer
	 * @return this
	 */
	public Batches failUploadContaining(String customId, EmulatedResponse response) {
		this.uploadRefusals.put(customId, response);
		return this;
	}

	/**
	 * Leave the request with this custom id out of its batch's result files while counting
	 * it as completed: a batch whose results are incomplete, which Groq does not document
	 * but a client should notice.
	 * @param customId the request's custom id
	 * @return this
	 */
	public Batches dropResult(String customId) {
		this.droppedResults.add(customId);
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
		this.cursorPaging = false;
		this.maxLines = DEFAULT_MAX_LINES;
		this.maxBytes = DEFAULT_MAX_BYTES;
		this.compactAnswers = false;
		this.scriptsByCustomId.clear();
		this.uploadRefusals.clear();
		this.droppedResults.clear();
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

	int maxLines() {
		return this.maxLines;
	}

	boolean answersCompactly() {
		return this.compactAnswers;
	}

	boolean dropsResult(String customId) {
		return this.droppedResults.contains(customId);
	}

	/** The script for the batch holding this custom id, used up; {@code null} when none. */
	@Nullable Script takeScript(String customId) {
		return this.scriptsByCustomId.isEmpty() ? null : this.scriptsByCustomId.remove(customId);
	}

	/** The answer to an upload that is too large or scripted to fail, {@code null} to store it. */
	private @Nullable EmulatedResponse uploadRefusal(byte[] content) {
		if (content.length > this.maxBytes) {
			// Groq's status and wording for a file over the limit are unconfirmed: the emulator's own.
			return WireFormat.invalidRequest("The file is " + content.length + " bytes, more than the " + this.maxBytes
					+ " bytes a batch input file may have");
		}
		if (this.uploadRefusals.isEmpty()) {
			return null;
		}
		for (String customId : JsonlRows.of(content).customIds()) {
			EmulatedResponse refusal = this.uploadRefusals.remove(customId);
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	/** Captured Groq result lines carry {@code request_id} {@code req_01...}, equal to the body's {@code x_groq.id}. */
	String nextRequestId() {
		return Ids.requestId();
	}

	@Nullable EmulatedResponse scriptedFailure(String customId) {
		return this.failedRequests.get(customId);
	}

	@Nullable EmulatedBatch find(String batchId) {
		return this.batches.get(batchId);
	}

	/** Keep a new batch, newest first, with the script set for the next one (which is then used up). */
	EmulatedBatch add(String fileId, String window, @Nullable JsonNode metadata, long created, long expires) {
		Script script = this.next;
		this.next = Script.NONE;
		EmulatedBatch batch = new EmulatedBatch(this, Ids.batchId(), fileId, window, metadata, created, expires, script);
		this.batches.put(batch.id(), batch);
		synchronized (this.newestFirst) {
			this.newestFirst.add(0, batch.id());
		}
		return batch;
	}

	List<EmulatedBatch> newestFirst() {
		synchronized (this.newestFirst) {
			return this.newestFirst.stream().map(this.batches::get).toList();
		}
	}

	boolean pagesLists() {
		return this.cursorPaging;
	}

	boolean advancesOnRetrieve() {
		return this.advanceOnRetrieve;
	}

	private EmulatedBatch batch(String batchId) {
		EmulatedBatch batch = this.batches.get(batchId);
		if (batch == null) {
			throw new IllegalArgumentException("The emulator holds no batch " + batchId);
		}
		return batch;
	}

	long now() {
		return this.clock.instant().getEpochSecond();
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

		/** This script with what the other one sets on top. */
		Script and(Script other) {
			return new Script((other.expireAfter != null) ? other.expireAfter : this.expireAfter,
					(other.cancelAfter != null) ? other.cancelAfter : this.cancelAfter,
					(other.failValidation != null) ? other.failValidation : this.failValidation);
		}

	}

}
