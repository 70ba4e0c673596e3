package io.github.groqspring.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.internal.http.GroqHttpClient;
import io.github.groqspring.internal.http.GroqHttpClient.HttpResult;
import io.github.groqspring.internal.http.RetryListener;
import io.github.groqspring.internal.observation.GroqObserver;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqOperationType;
import org.jspecify.annotations.Nullable;

/**
 * Groq's Batch API: submit chat requests as a batch, follow it, collect its results, and
 * keep its {@link #files() files} tidy. Batches cost half as much as synchronous calls,
 * have their own rate limits, and finish within their completion window (24 hours to 7
 * days).
 *
 * <p>Obtain it from {@code GroqTemplate.batches()}: it shares the template's HTTP client
 * and default model, but never its service tier, since the Batch API does not accept
 * {@code service_tier}. Thread-safe.
 *
 * <p>Each HTTP call is one observation named after its operation ({@code upload_file},
 * {@code create_batch}, {@code get_batch}, {@code list_batches}, {@code cancel_batch}, and
 * the {@link BatchFiles file} operations), without a model or tier: a {@code submit} is an
 * {@code upload_file} then a {@code create_batch}, each poll of an {@code await} is a
 * {@code get_batch}, and each result file read is a {@code download_file}.
 *
 * <pre>{@code
 * Batch batch = groq.batches().submit(BatchInput.builder()
 *         .add("q1", ChatRequest.builder(model).user("..."))
 *         .build());
 * batch = groq.batches().await(batch.id(), (progress) -> log(progress.requestCounts()));
 * BatchResults results = groq.batches().results(batch);
 * }</pre>
 */
public class GroqBatchTemplate {

	static final String BATCHES = "/openai/v1/batches";

	private static final int LIST_ALL_PAGE_SIZE = 100;

	private final GroqHttpClient httpClient;

	private final @Nullable String defaultModel;

	private final BatchLimits limits;

	private final BatchInputWriter writer;

	private final BatchPoller.Sleeper sleeper;

	private final Clock clock;

	private final BatchPoller poller;

	private final BatchFiles files;

	private final BatchJobs jobs;

	private final GroqObserver observer;

	/**
	 * Create a template. Internal: obtain it from {@code GroqTemplate.batches()} instead;
	 * this constructor takes the starter's internal types and may change without notice.
	 * @param httpClient the client that talks to Groq
	 * @param defaultModel the model for requests that name none, may be {@code null}
	 * @param observer what wraps each HTTP call in an observation
	 */
	public GroqBatchTemplate(GroqHttpClient httpClient, @Nullable String defaultModel, GroqObserver observer) {
		this(httpClient, defaultModel, observer, BatchLimits.DEFAULT,
				(duration) -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()), Clock.systemUTC());
	}

	GroqBatchTemplate(GroqHttpClient httpClient, @Nullable String defaultModel, GroqObserver observer,
			BatchLimits limits, BatchPoller.Sleeper sleeper, Clock clock) {
		this.httpClient = httpClient;
		this.defaultModel = defaultModel;
		this.observer = observer;
		this.limits = limits;
		this.writer = new BatchInputWriter(httpClient.jsonMapper(), defaultModel);
		this.sleeper = sleeper;
		this.clock = clock;
		this.poller = new BatchPoller(sleeper, clock);
		this.files = new BatchFiles(httpClient, observer);
		this.jobs = new BatchJobs(this, new BatchPartWriter(this.writer, limits), this.poller, httpClient.jsonMapper());
	}

	/**
	 * This template with other input file limits.
	 * @param limits the most lines and bytes an input file may have
	 * @return a copy sharing the HTTP client
	 */
	public GroqBatchTemplate withLimits(BatchLimits limits) {
		return new GroqBatchTemplate(this.httpClient, this.defaultModel, this.observer, limits, this.sleeper,
				this.clock);
	}

	GroqBatchTemplate withTiming(BatchPoller.Sleeper sleeper, Clock clock) {
		return new GroqBatchTemplate(this.httpClient, this.defaultModel, this.observer, this.limits, sleeper, clock);
	}

	/**
	 * The input file limits checked before each upload.
	 * @return the limits, {@link BatchLimits#DEFAULT} unless changed
	 */
	public BatchLimits getLimits() {
		return this.limits;
	}

	/**
	 * Upload an input and create a batch from it, with a 24 hour window.
	 * @param input the requests
	 * @return the new batch, usually {@code validating}
	 * @throws IllegalArgumentException when the input breaks the limits or a request has no model
	 */
	public Batch submit(BatchInput input) {
		return submit(input, BatchOptions.defaults());
	}

	/**
	 * Upload an input and create a batch from it. If creating fails, the uploaded file is
	 * deleted again.
	 * @param input the requests
	 * @param options the completion window and metadata
	 * @return the new batch, usually {@code validating}
	 * @throws IllegalArgumentException when the input breaks the limits or a request has no model
	 */
	public Batch submit(BatchInput input, BatchOptions options) {
		return createOrDelete(upload(input), options);
	}

	/** Create a batch from an uploaded file, deleting the file again if creating fails. */
	Batch createOrDelete(BatchFile file, BatchOptions options) {
		try {
			return create(file.id(), options);
		}
		catch (GroqException ex) {
			try {
				this.files.delete(file.id());
			}
			catch (GroqException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	/**
	 * Upload an input as a JSONL file ({@code purpose=batch}), streamed. The limits are
	 * checked first, so nothing is sent for an input Groq would refuse.
	 * @param input the requests
	 * @return the uploaded file
	 * @throws IllegalArgumentException when the input breaks the limits or a request has no model
	 */
	public BatchFile upload(BatchInput input) {
		long length = this.writer.measure(input, this.limits);
		return this.files.upload("batch.jsonl", length, (out) -> this.writer.write(input, out));
	}

	/**
	 * Write an input as the JSONL that {@link #upload(BatchInput)} sends, e.g. to keep a copy.
	 * @param input the requests
	 * @param out where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void writeJsonl(BatchInput input, OutputStream out) throws IOException {
		this.writer.write(input, out);
	}

	/**
	 * Create a batch from an uploaded input file.
	 * @param inputFileId the file's id
	 * @param options the completion window and metadata
	 * @return the new batch
	 */
	public Batch create(String inputFileId, BatchOptions options) {
		CreateBatch body = new CreateBatch(requireId("inputFileId", inputFileId), BatchInputWriter.ENDPOINT,
				options.completionWindow().wireValue(), options.metadata().isEmpty() ? null : options.metadata());
		return observe(GroqOperationType.CREATE_BATCH,
				(listener) -> this.httpClient.postWithoutTier(BATCHES, body, Batch.class));
	}

	/**
	 * Read a batch.
	 * @param batchId the batch's id
	 * @return the batch as it is now
	 */
	public Batch get(String batchId) {
		String id = requireId("batchId", batchId);
		return observe(GroqOperationType.GET_BATCH,
				(listener) -> this.httpClient.get(BATCHES + "/{id}", Batch.class, listener, id));
	}

	/**
	 * The first page of the organisation's batches, as Groq pages them by default.
	 * @return the page
	 */
	public BatchPage list() {
		return list(null, null);
	}

	/**
	 * One page of the organisation's batches.
	 * @param after the cursor: the last batch id of the previous page ({@link BatchPage#nextCursor()}),
	 * {@code null} for the first page
	 * @param limit how many batches per page, {@code null} for Groq's default
	 * @return the page
	 */
	public BatchPage list(@Nullable String after, @Nullable Integer limit) {
		if (limit != null && limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
		Map<String, @Nullable Object> query = new LinkedHashMap<>();
		query.put("after", after);
		query.put("limit", limit);
		return observe(GroqOperationType.LIST_BATCHES,
				(listener) -> this.httpClient.getWithQuery(BATCHES, query, BatchPage.class, listener));
	}

	/**
	 * All of the organisation's batches: the first page is fetched now, the next ones as the
	 * stream reaches them.
	 * @return the batches, newest first as Groq lists them
	 */
	public Stream<Batch> listAll() {
		return listAll(LIST_ALL_PAGE_SIZE);
	}

	/**
	 * All of the organisation's batches, in pages of a given size, following Groq's
	 * {@code has_more} and cursor: the first page is fetched now, the next ones as the stream
	 * reaches them.
	 * @param pageSize how many batches per request
	 * @return the batches, newest first as Groq lists them
	 */
	public Stream<Batch> listAll(int pageSize) {
		if (pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
		}
		// The stream's elements are typed @Nullable (null ends it), though hasNext lets none through.
		return Stream.iterate(list(null, pageSize), Objects::nonNull,
				(page) -> nextPage(Objects.requireNonNull(page), pageSize))
			.flatMap((page) -> Objects.requireNonNull(page).data().stream());
	}

	/**
	 * Ask Groq to cancel a batch. Requests in flight finish (the batch is {@code cancelling}
	 * for up to 10 minutes); the results of done requests stay available.
	 * @param batchId the batch's id
	 * @return the batch, usually {@code cancelling}
	 */
	public Batch cancel(String batchId) {
		String id = requireId("batchId", batchId);
		return observe(GroqOperationType.CANCEL_BATCH,
				(listener) -> this.httpClient.postWithoutTier(BATCHES + "/{id}/cancel", null, Batch.class, id));
	}

	/**
	 * Wait for a batch to finish, polling with {@link BatchPolling#DEFAULT}.
	 * @param batchId the batch's id
	 * @param onProgress told the batch at the first poll and whenever its status or request
	 * counts change, on the calling thread
	 * @return the finished batch: completed, failed, expired or cancelled
	 */
	public Batch await(String batchId, Consumer<Batch> onProgress) {
		return await(batchId, BatchPolling.DEFAULT, onProgress);
	}

	/**
	 * Wait for a batch to finish. There is no observation of the whole wait: each poll is
	 * its own {@code get_batch} observation.
	 * @param batchId the batch's id
	 * @param polling how often to poll and how long to wait
	 * @param onProgress told the batch at the first poll and whenever its status or request
	 * counts change, on the calling thread
	 * @return the finished batch: completed, failed, expired or cancelled
	 * @throws BatchAwaitTimeoutException when the polling's timeout passes first
	 */
	public Batch await(String batchId, BatchPolling polling, Consumer<Batch> onProgress) {
		String id = requireId("batchId", batchId);
		return this.poller.await(() -> get(id), BatchPoller.BATCH, polling, onProgress);
	}

	/**
	 * Stream a finished batch's results, output file first, then error file, one line at a
	 * time: memory use does not grow with the batch. Results come in any order; match them
	 * by {@link BatchResult#customId()}. An expired or cancelled batch gives the results it
	 * has.
	 * @param batch the batch; read again when not finished yet
	 * @param action told each result
	 * @throws IllegalStateException when the batch is still running or failed validation
	 */
	public void forEachResult(Batch batch, Consumer<BatchResult> action) {
		Batch finished = finished(batch);
		for (String fileId : resultFiles(finished)) {
			try (BatchResultReader reader = this.files.readResults(fileId)) {
				reader.forEachRemaining(action);
			}
		}
	}

	/**
	 * All of a finished batch's results, output and error files merged by custom id. Holds
	 * every result in memory: for very large batches use {@link #forEachResult}.
	 * @param batch the batch; read again when not finished yet
	 * @return the results by custom id
	 * @throws IllegalStateException when the batch is still running or failed validation
	 */
	public BatchResults results(Batch batch) {
		return collect("Batch " + batch.id(), (action) -> forEachResult(batch, action));
	}

	/**
	 * Inputs of any size, split into as many batches as Groq's limits need and followed
	 * together: submit, await, results and cancel over all of them.
	 * @return the job operations, with this template's limits
	 */
	public BatchJobs jobs() {
		return this.jobs;
	}

	/**
	 * The organisation's files: batch inputs and outputs, to read or delete.
	 * @return the file operations
	 */
	public BatchFiles files() {
		return this.files;
	}

	private <T> T observe(GroqOperationType operation, Function<RetryListener, HttpResult<T>> call) {
		return this.observer.observe(() -> new GroqObservationContext(operation), call).body();
	}

	private @Nullable BatchPage nextPage(BatchPage page, int pageSize) {
		String cursor = page.nextCursor();
		return (page.hasMore() && cursor != null) ? list(cursor, pageSize) : null;
	}

	/** Collect streamed results by custom id, refusing a second result for one id. */
	static BatchResults collect(String source, Consumer<Consumer<BatchResult>> results) {
		Map<String, BatchResult> byCustomId = new LinkedHashMap<>();
		results.accept((result) -> {
			if (byCustomId.putIfAbsent(result.customId(), result) != null) {
				throw duplicateResult(source, result.customId());
			}
		});
		return new BatchResults(byCustomId);
	}

	static GroqInvalidResponseException duplicateResult(String source, String customId) {
		return new GroqInvalidResponseException(source + " returned two results for custom_id '" + customId + "'", 200,
				null, RateLimits.NONE, null);
	}

	/** Why a batch failed validation, keys masked. */
	String failureReasons(Batch batch) {
		return this.httpClient.keyMask().mask(describe(batch.errors()));
	}

	private Batch finished(Batch batch) {
		Batch current = batch.isFinished() ? batch : get(batch.id());
		if (!current.isFinished()) {
			throw new IllegalStateException("Batch " + current.id() + " is " + current.status() + " ("
					+ current.requestCounts().done() + " of " + current.requestCounts().total()
					+ " requests done): its results come when it finishes; wait for it with await(...)");
		}
		if (current.status() == BatchStatus.FAILED) {
			throw new IllegalStateException("Batch " + current.id() + " failed validation, so it has no results: "
					+ failureReasons(current));
		}
		return current;
	}

	private static List<String> resultFiles(Batch batch) {
		return Stream.of(batch.outputFileId(), batch.errorFileId()).filter(Objects::nonNull).toList();
	}

	private static String describe(Batch.@Nullable Errors errors) {
		if (errors == null || errors.data().isEmpty()) {
			return "Groq gave no reason";
		}
		return errors.data()
			.stream()
			.map((error) -> ((error.line() != null) ? "line " + error.line() + ": " : "") + error.message())
			.collect(Collectors.joining("; "));
	}

	private static String requireId(String name, String id) {
		if (id.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return id;
	}

	@Override
	public String toString() {
		return "GroqBatchTemplate[defaultModel=" + this.defaultModel + ", limits=" + this.limits + "]";
	}

	/** The body of a create-batch request. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateBatch(@JsonProperty("input_file_id") String inputFileId, String endpoint,
			@JsonProperty("completion_window") String completionWindow, @Nullable Map<String, String> metadata) {
	}

}
