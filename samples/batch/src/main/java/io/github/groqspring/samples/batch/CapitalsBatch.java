package io.github.groqspring.samples.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.groqspring.batch.Batch;
import io.github.groqspring.batch.BatchInput;
import io.github.groqspring.batch.BatchJob;
import io.github.groqspring.batch.BatchJobs;
import io.github.groqspring.batch.BatchLimits;
import io.github.groqspring.batch.BatchOptions;
import io.github.groqspring.batch.BatchPolling;
import io.github.groqspring.batch.BatchResult;
import io.github.groqspring.batch.BatchResults;
import io.github.groqspring.batch.BatchStatus;
import io.github.groqspring.batch.GroqBatchTemplate;
import io.github.groqspring.chat.ChatRequest;

/**
 * Asks for eight capitals in one batch (or, with {@code sample.batch.lines-per-batch}, in a
 * job of several) and prints the answers in the order asked, whatever order Groq returns
 * them in.
 */
class CapitalsBatch {

	static final List<String> COUNTRIES = List.of("France", "Japan", "Brazil", "Kenya", "Canada", "India", "Norway",
			"Peru");

	private final GroqBatchTemplate batches;

	private final Duration pollInterval;

	private final PrintStream out;

	private final int linesPerBatch;

	/**
	 * @param linesPerBatch 0 to send one batch; more to send the questions as a job of
	 * batches of at most this many lines, as a job of more than 50,000 requests would be
	 */
	CapitalsBatch(GroqBatchTemplate batches, Duration pollInterval, PrintStream out, int linesPerBatch) {
		this.batches = batches;
		this.pollInterval = pollInterval;
		this.out = out;
		this.linesPerBatch = linesPerBatch;
	}

	void run() {
		BatchInput.Builder builder = BatchInput.builder();
		for (String country : COUNTRIES) {
			builder.add(customId(country), ChatRequest.builder("llama-3.1-8b-instant")
				.user("What is the capital of " + country + "? Answer in one word."));
		}
		BatchInput input = builder.build();
		if (this.linesPerBatch > 0) {
			runAsJob(input);
			return;
		}
		Batch batch = this.batches.submit(input, BatchOptions.defaults().withMetadata("sample", "capitals"));
		this.out.println("Submitted " + batch.id() + " (" + COUNTRIES.size() + " requests, window "
				+ batch.completionWindow() + ")");
		ProgressBar progress = new ProgressBar(this.out, System.console() != null);
		Batch done = this.batches.await(batch.id(),
				new BatchPolling(this.pollInterval, this.pollInterval.multipliedBy(4), null), progress);
		progress.finish();
		if (done.status() == BatchStatus.FAILED) {
			this.out.println("Batch " + done.id() + " failed validation: " + ((done.errors() != null)
					? done.errors().data().stream().map(Batch.InputError::message).toList() : "no reason given"));
			return;
		}
		BatchResults results = this.batches.results(done);
		for (String country : COUNTRIES) {
			this.out.println(results.get(customId(country)).map(CapitalsBatch::describe).orElse(country + ": no result"));
		}
		List<String> files = Stream.of(done.inputFileId(), done.outputFileId(), done.errorFileId())
			.flatMap(Stream::ofNullable)
			.toList();
		files.forEach(this.batches.files()::delete);
		this.out.println("Deleted the batch's " + files.size() + " files");
	}

	/** The same questions split into several batches, followed and read back as one job. */
	private void runAsJob(BatchInput input) {
		BatchJobs jobs = this.batches.withLimits(new BatchLimits(this.linesPerBatch, BatchLimits.DEFAULT.maxBytes()))
			.jobs();
		BatchJob job = jobs.submit(input, BatchOptions.defaults().withMetadata("sample", "capitals"));
		this.out.println("Submitted " + job.parts().size() + " batches of at most " + this.linesPerBatch + " requests "
				+ job.parts().stream().map((part) -> Long.toString(part.lines())).toList() + ": " + job.batchIds());
		ProgressBar progress = new ProgressBar(this.out, System.console() != null);
		BatchJob done = jobs.await(job, new BatchPolling(this.pollInterval, this.pollInterval.multipliedBy(4), null),
				(current) -> progress.show(current.requestCounts(), current.parts()
					.stream()
					.map((part) -> String.valueOf(part.status()))
					.collect(Collectors.joining(" "))));
		progress.finish();
		done.unsuccessfulParts()
			.forEach((part) -> this.out.println("Batch " + part.number() + " ended " + part.status()));
		done.unsubmittedParts()
			.forEach((part) -> this.out.println("Batch " + part.number() + " was not submitted: " + part.submitFailure()));
		BatchResults results = jobs.results(done);
		for (String country : COUNTRIES) {
			this.out.println(results.get(customId(country)).map(CapitalsBatch::describe).orElse(country + ": no result"));
		}
		this.out.println("Deleted the job's " + jobs.deleteFiles(done) + " files");
	}

	private static String customId(String country) {
		return "capital-" + country.toLowerCase(Locale.ROOT);
	}

	private static String describe(BatchResult result) {
		if (result instanceof BatchResult.Success success) {
			return result.customId() + ": " + success.content();
		}
		BatchResult.Failure failure = (BatchResult.Failure) result;
		return result.customId() + ": failed (" + failure.error().code() + ") " + failure.error().message();
	}

}
