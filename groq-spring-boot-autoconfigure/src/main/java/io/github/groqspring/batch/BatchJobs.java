package io.github.groqspring.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.groqspring.batch.BatchJob.Part;
import io.github.groqspring.batch.BatchPartWriter.PartFile;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.GroqPermissionDeniedException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.RateLimitExhaustedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch jobs: inputs of any size, split into as many batches as one batch's
 * {@link BatchLimits limits} need, submitted and followed together. Obtain it from
 * {@code groq.batches().jobs()}; thread-safe.
 *
 * <pre>{@code
 * BatchJobs jobs = groq.batches().jobs();
 * BatchJob job = jobs.submit(tickets.stream().map((t) -> new BatchLine(t.id(), summarize(t))),
 *         BatchOptions.defaults());                         // 1,000,000 requests: 20 batches
 * job = jobs.await(job, (progress) -> log.info("{}/{}", progress.requestCounts().done(), progress.size()));
 * jobs.forEachResult(job, (result) -> store(result));      // every request once, streamed
 * }</pre>
 *
 * <p><b>Splitting.</b> The requests are read once and written, checked line by line, as
 * JSONL part files in a temporary directory ({@code java.io.tmpdir}): a part ends where the
 * next line would pass the most lines or bytes of one batch. Custom ids must be unique
 * across the whole input; this is checked exactly, with about 16 bytes of heap per request
 * (see the docs). Any request Groq would refuse fails the job before a byte is sent. Then
 * each part is uploaded (streamed from its file) and its batch created, one after the other;
 * a part's file is deleted once its batch exists. The disk holds the input's JSONL for as
 * long as that takes.
 *
 * <p><b>Partial failure.</b> When a part cannot be uploaded or created, the others are
 * still submitted; the part keeps its file and its failure ({@link BatchJob#unsubmittedParts()})
 * for {@link #resubmit}. An authentication, permission or rate-limit failure would recur for
 * every part, so it stops the submission there, and the rest wait for {@code resubmit}. A
 * batch that fails validation, expires or is cancelled leaves the others running.
 *
 * <p><b>Results.</b> {@link #forEachResult} gives every request of the job exactly once,
 * streamed file by file: what Groq returned, and a {@link BatchResult.Failure} for each
 * request without a result line (code {@link BatchResult.Failure#NOT_SUBMITTED},
 * {@link BatchResult.Failure#BATCH_FAILED} or {@link BatchResult.Failure#NO_RESULT}).
 */
public final class BatchJobs {

	private static final BatchPoller.Watch<BatchJob> JOB = new BatchPoller.Watch<>() {

		@Override
		public boolean isFinished(BatchJob job) {
			return !job.isRunning();
		}

		@Override
		public boolean changed(BatchJob previous, BatchJob current) {
			for (int i = 0; i < current.parts().size(); i++) {
				Batch before = previous.parts().get(i).batch();
				Batch now = current.parts().get(i).batch();
				if (before != null && now != null && BatchPoller.BATCH.changed(before, now)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public RuntimeException timedOut(BatchJob job, Duration timeout) {
			return new BatchJobAwaitTimeoutException(job, timeout);
		}

		@Override
		public String describe(BatchJob job) {
			return "the job's batches " + running(job);
		}

	};

	private final GroqBatchTemplate batches;

	private final BatchPartWriter partWriter;

	private final BatchPoller poller;

	private final JsonMapper jsonMapper;

	BatchJobs(GroqBatchTemplate batches, BatchPartWriter partWriter, BatchPoller poller, JsonMapper jsonMapper) {
		this.batches = batches;
		this.partWriter = partWriter;
		this.poller = poller;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Submit an input in as many batches as it needs, with a 24 hour window.
	 * @param input the requests
	 * @return the job, its parts' batches usually {@code validating}
	 * @throws IllegalArgumentException when a request names no model and there is no default,
	 * or is alone larger than one batch file; nothing is sent then
	 */
	public BatchJob submit(BatchInput input) {
		return submit(input, BatchOptions.defaults());
	}

	/**
	 * Submit an input in as many batches as it needs.
	 * @param input the requests
	 * @param options the window and metadata of every part's batch
	 * @return the job, its parts' batches usually {@code validating}
	 * @throws IllegalArgumentException when a request names no model and there is no default,
	 * or is alone larger than one batch file; nothing is sent then
	 */
	public BatchJob submit(BatchInput input, BatchOptions options) {
		return submit(input.lines().stream(), options);
	}

	/**
	 * Submit requests read once from a stream, e.g. generated from a database cursor, in as
	 * many batches as they need. Memory does not grow with the number of requests beyond
	 * the custom ids' check (about 16 bytes each).
	 * @param lines the requests; consumed and closed
	 * @param options the window and metadata of every part's batch
	 * @return the job, its parts' batches usually {@code validating}
	 * @throws IllegalArgumentException for a request no batch would accept (a custom id that
	 * is blank or repeats an earlier one, a service tier, streaming, no model, larger than a
	 * batch file), naming it; nothing is sent then
	 * @throws UncheckedIOException when the part files cannot be written
	 */
	public BatchJob submit(Stream<BatchLine> lines, BatchOptions options) {
		Path directory = createDirectory();
		List<PartFile> files;
		try (lines) {
			files = this.partWriter.write(lines.iterator(), directory);
		}
		catch (RuntimeException ex) {
			BatchPartWriter.deleteQuietly(directory);
			throw ex;
		}
		List<Part> parts = new ArrayList<>();
		for (PartFile file : files) {
			parts.add(new Part(parts.size() + 1, file.lines(), file.bytes(), null, null, file.path()));
		}
		BatchJob job = submitUnsubmitted(new BatchJob(parts, options));
		BatchPartWriter.deleteQuietly(directory);
		return job;
	}

	/**
	 * Submit again the parts that could not be submitted, from their kept files.
	 * @param job the job
	 * @return the job with those parts submitted, or with their new failures
	 */
	public BatchJob resubmit(BatchJob job) {
		return submitUnsubmitted(job);
	}

	/**
	 * Follow the batches of a job again, e.g. after a restart, from the ids it had
	 * ({@link BatchJob#batchIds()}). Each batch is read once.
	 * @param batchIds the batches, in the job's order
	 * @return the job, with default options (it has nothing left to submit)
	 */
	public BatchJob resume(Collection<String> batchIds) {
		List<Part> parts = new ArrayList<>();
		for (String batchId : batchIds) {
			Batch batch = this.batches.get(batchId);
			parts.add(new Part(parts.size() + 1, batch.requestCounts().total(), 0, batch, null, null));
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("A batch job needs at least one batch id to resume");
		}
		return new BatchJob(parts, BatchOptions.defaults());
	}

	/**
	 * Read each running batch of a job once.
	 * @param job the job
	 * @return the job as it is now
	 */
	public BatchJob refresh(BatchJob job) {
		List<Part> parts = new ArrayList<>();
		for (Part part : job.parts()) {
			Batch batch = part.batch();
			parts.add((batch != null && part.isRunning()) ? part.withBatch(this.batches.get(batch.id())) : part);
		}
		return new BatchJob(parts, job.options());
	}

	/**
	 * Wait for every batch of a job to finish, polling with {@link BatchPolling#DEFAULT}.
	 * @param job the job
	 * @param onProgress told the job at the first poll and whenever a batch's status or counts
	 * change, on the calling thread
	 * @return the job with every submitted part finished
	 */
	public BatchJob await(BatchJob job, Consumer<BatchJob> onProgress) {
		return await(job, BatchPolling.DEFAULT, onProgress);
	}

	/**
	 * Wait for every batch of a job to finish. Each round reads every running batch once
	 * (a {@code get_batch} each), then waits the polling's interval.
	 * @param job the job
	 * @param polling how often to poll and how long to wait
	 * @param onProgress told the job at the first poll and whenever a batch's status or counts
	 * change, on the calling thread
	 * @return the job with every submitted part finished
	 * @throws BatchJobAwaitTimeoutException when the polling's timeout passes first
	 */
	public BatchJob await(BatchJob job, BatchPolling polling, Consumer<BatchJob> onProgress) {
		BatchJob[] last = { job };
		return this.poller.await(() -> {
			last[0] = refresh(last[0]);
			return last[0];
		}, JOB, polling, onProgress);
	}

	/**
	 * Ask Groq to cancel every running batch of a job; the results of done requests stay
	 * available. A batch that finished meanwhile is left as it is.
	 * @param job the job
	 * @return the job, its running batches usually {@code cancelling}
	 * @throws GroqException when some batch could not be cancelled, after trying all (the
	 * others' failures suppressed); cancelling the job again is safe
	 */
	public BatchJob cancel(BatchJob job) {
		List<Part> parts = new ArrayList<>();
		List<GroqException> failures = new ArrayList<>();
		for (Part part : job.parts()) {
			Batch batch = part.batch();
			if (batch == null || !part.isRunning()) {
				parts.add(part);
				continue;
			}
			try {
				parts.add(part.withBatch(this.batches.cancel(batch.id())));
			}
			catch (GroqBadRequestException ex) {
				Batch current = this.batches.get(batch.id());
				parts.add(part.withBatch(current));
				if (!current.isFinished()) {
					failures.add(ex);
				}
			}
			catch (GroqException ex) {
				parts.add(part);
				failures.add(ex);
			}
		}
		if (!failures.isEmpty()) {
			GroqException first = failures.get(0);
			failures.subList(1, failures.size()).forEach(first::addSuppressed);
			throw first;
		}
		return new BatchJob(parts, job.options());
	}

	/**
	 * Stream every request's result, part by part, each result file read one line at a
	 * time: memory holds one part's custom ids at most (to find requests without a result),
	 * never the results. Every request of the job is given exactly once, in no particular
	 * order: a request with no result line in its batch's files gets a
	 * {@link BatchResult.Failure} saying why ({@link BatchResult.Failure#NOT_SUBMITTED},
	 * {@link BatchResult.Failure#BATCH_FAILED}, {@link BatchResult.Failure#NO_RESULT}).
	 * @param job the job; running batches are read again first
	 * @param action told each result
	 * @throws IllegalStateException when a batch is still running, or an unsubmitted part's
	 * file is gone, before any result is given
	 */
	public void forEachResult(BatchJob job, Consumer<BatchResult> action) {
		BatchJob current = refresh(job);
		if (current.isRunning()) {
			throw new IllegalStateException("The job's batches " + running(current) + " are still running ("
					+ current.requestCounts().done() + " of " + current.size() + " requests done): the job's "
					+ "results come when they finish; wait for them with await(job, ...)");
		}
		for (Part part : current.unsubmittedParts()) {
			Path file = part.inputFile();
			if (file == null || !Files.isRegularFile(file)) {
				throw new IllegalStateException("Part " + part.number() + " of the job was not submitted and its input "
						+ "file " + file + " is gone, so its requests cannot be reported: submit them again");
			}
		}
		for (Part part : current.parts()) {
			Batch batch = part.batch();
			if (batch == null) {
				reportUnsubmitted(part, current.parts().size(), action);
			}
			else if (batch.status() == BatchStatus.FAILED) {
				reportFromGroqInput(batch, null, failure(BatchResult.Failure.BATCH_FAILED,
						"Batch " + batch.id() + " failed validation: " + this.batches.failureReasons(batch)), action);
			}
			else {
				readResults(part, batch, action);
			}
		}
	}

	/**
	 * All results of a job, by custom id. Holds every result in memory: for large jobs use
	 * {@link #forEachResult}.
	 * @param job the job
	 * @return the results, one per request
	 * @throws IllegalStateException when a batch is still running
	 */
	public BatchResults results(BatchJob job) {
		return GroqBatchTemplate.collect("The job", (action) -> forEachResult(job, action));
	}

	/**
	 * Delete a finished job's files: at Groq every part's input, output and error file
	 * (one already gone is skipped), and the kept files of unsubmitted parts.
	 * @param job the job
	 * @return how many files were deleted at Groq
	 * @throws IllegalStateException when a batch is still running (its input is in use)
	 */
	public int deleteFiles(BatchJob job) {
		BatchJob current = refresh(job);
		if (current.isRunning()) {
			throw new IllegalStateException("The job's batches " + running(current) + " are still running: delete "
					+ "their files once they finish");
		}
		int deleted = 0;
		for (Part part : current.parts()) {
			Batch batch = part.batch();
			Path file = part.inputFile();
			if (file != null) {
				deletePartFile(file);
			}
			if (batch != null) {
				for (String fileId : Stream.of(batch.inputFileId(), batch.outputFileId(), batch.errorFileId())
					.flatMap(Stream::ofNullable)
					.toList()) {
					try {
						this.batches.files().delete(fileId);
						deleted++;
					}
					catch (GroqNotFoundException ex) {
						// deleted before
					}
				}
			}
		}
		return deleted;
	}

	private BatchJob submitUnsubmitted(BatchJob job) {
		List<Part> parts = new ArrayList<>();
		GroqException stop = null;
		for (Part part : job.parts()) {
			Path file = part.inputFile();
			if (part.isSubmitted() || file == null) {
				parts.add(part);
			}
			else if (stop != null) {
				parts.add(new Part(part.number(), part.lines(), part.bytes(), null, stop, file));
			}
			else {
				try {
					parts.add(part.withBatch(submitPart(part.number(), job.parts().size(), file, job.options())));
					deletePartFile(file);
				}
				catch (GroqException ex) {
					parts.add(new Part(part.number(), part.lines(), part.bytes(), null, ex, file));
					stop = stopsSubmission(ex) ? ex : null;
				}
			}
		}
		return new BatchJob(parts, job.options());
	}

	private Batch submitPart(int number, int count, Path file, BatchOptions options) {
		long length;
		try {
			length = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the kept part file " + file, ex);
		}
		BatchFile uploaded = this.batches.files()
			.upload("batch-" + number + "-of-" + count + ".jsonl", length, (out) -> Files.copy(file, out));
		return this.batches.createOrDelete(uploaded, options);
	}

	/** Whether a failure would recur for every part: then the rest are not tried. */
	private static boolean stopsSubmission(GroqException ex) {
		return ex instanceof GroqAuthenticationException || ex instanceof GroqPermissionDeniedException
				|| ex instanceof GroqRateLimitException || ex instanceof RateLimitExhaustedException;
	}

	private void reportUnsubmitted(Part part, int count, Consumer<BatchResult> action) {
		Path file = part.inputFile();
		GroqException failure = part.submitFailure();
		GroqError error = failure(BatchResult.Failure.NOT_SUBMITTED,
				"Part " + part.number() + " of " + count + " of the job was not submitted"
						+ ((failure != null) ? " (" + failure.getMessage() + ")" : "") + ": its requests are kept in "
						+ file + "; resubmit(job) sends them again");
		try {
			InputCustomIds.forEach(Files.newInputStream(file), this.jsonMapper, "file " + file,
					(customId) -> action.accept(new BatchResult.Failure(customId, null, 0, null, error)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the kept part file " + file, ex);
		}
	}

	/**
	 * A finished batch's results, then a failure for each request it returned none for: Groq
	 * documents an error line for each request an expired or cancelled batch did not run, but
	 * not for a batch cancelled before it was validated, so those are reported here as
	 * {@code batch_cancelled} (or {@code batch_expired}) too.
	 */
	private void readResults(Part part, Batch batch, Consumer<BatchResult> action) {
		long expected = Math.max(part.lines(), batch.requestCounts().total());
		Set<String> seen = new HashSet<>((int) Math.min(expected * 4 / 3 + 1, 1 << 30));
		this.batches.forEachResult(batch, (result) -> {
			if (!seen.add(result.customId())) {
				throw GroqBatchTemplate.duplicateResult("Batch " + batch.id(), result.customId());
			}
			action.accept(result);
		});
		// a resumed part cancelled or expired before Groq validated it knows no size at all
		boolean sizeUnknown = expected == 0;
		if (seen.size() < expected || sizeUnknown) {
			String code = switch (batch.status()) {
				case EXPIRED -> BatchResult.Failure.EXPIRED;
				case CANCELLED -> BatchResult.Failure.CANCELLED;
				default -> BatchResult.Failure.NO_RESULT;
			};
			reportFromGroqInput(batch, seen,
					failure(code, "Batch " + batch.id() + " (" + batch.status() + ") returned no result for this request"),
					action);
		}
	}

	/** A failure for each request of a batch's input file (at Groq) not in {@code except}. */
	private void reportFromGroqInput(Batch batch, @Nullable Set<String> except, GroqError error,
			Consumer<BatchResult> action) {
		String inputFileId = batch.inputFileId();
		if (inputFileId == null) {
			throw new IllegalStateException("Batch " + batch.id() + " names no input file, so the requests it gave no "
					+ "result for cannot be reported");
		}
		InputCustomIds.forEach(this.batches.files().download(inputFileId), this.jsonMapper, "file " + inputFileId,
				(customId) -> {
					if (except == null || !except.contains(customId)) {
						action.accept(new BatchResult.Failure(customId, null, 0, null, error));
					}
				});
	}

	private static GroqError failure(String code, String message) {
		return new GroqError(message, null, code, null, null);
	}

	private static String running(BatchJob job) {
		return job.parts()
			.stream()
			.map(Part::batch)
			.filter((batch) -> batch != null && !batch.isFinished())
			.map((batch) -> batch.id() + " (" + batch.status() + ")")
			.collect(Collectors.joining(", "));
	}

	/** A kept part file, and its directory once it holds no other part. */
	private static void deletePartFile(Path file) {
		BatchPartWriter.deleteQuietly(file);
		Path directory = file.getParent();
		if (directory != null) {
			BatchPartWriter.deleteQuietly(directory);
		}
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("groq-batch-job-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for the batch job's part files", ex);
		}
	}

	@Override
	public String toString() {
		return "BatchJobs[limits=" + this.batches.getLimits() + "]";
	}

}
