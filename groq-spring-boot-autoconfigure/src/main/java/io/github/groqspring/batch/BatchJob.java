package io.github.groqspring.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.github.groqspring.error.GroqException;
import org.jspecify.annotations.Nullable;

/**
 * The batches one input was split into, as last seen: an immutable snapshot that
 * {@link BatchJobs} takes and gives back ({@code job = jobs.await(job, ...)}). Each
 * {@link Part} is one batch, or the part of the input that could not be submitted and why.
 *
 * @param parts the parts, in input order
 * @param options the window and metadata every part's batch is created with
 */
public record BatchJob(List<Part> parts, BatchOptions options) {

	public BatchJob {
		parts = List.copyOf(parts);
	}

	/**
	 * The ids of the parts' batches, e.g. to {@link BatchJobs#resume resume} the job after a
	 * restart.
	 * @return the batch ids of the submitted parts, in order
	 */
	public List<String> batchIds() {
		return this.parts.stream().map(Part::batch).filter(Objects::nonNull).map(Batch::id).toList();
	}

	/**
	 * How many requests the job holds.
	 * @return the lines of all parts
	 */
	public long size() {
		return this.parts.stream().mapToLong(Part::lines).sum();
	}

	/**
	 * The job's progress: the requests of all parts, and those done so far.
	 * @return the counts, the total known from the start (not only once Groq has validated)
	 */
	public Batch.RequestCounts requestCounts() {
		long completed = 0;
		long failed = 0;
		for (Part part : this.parts) {
			Batch batch = part.batch();
			if (batch != null) {
				completed += batch.requestCounts().completed();
				failed += batch.requestCounts().failed();
			}
		}
		return new Batch.RequestCounts(size(), completed, failed);
	}

	/**
	 * Whether some part's batch has not finished yet.
	 * @return {@code true} while there is something to wait for
	 */
	public boolean isRunning() {
		return this.parts.stream().anyMatch(Part::isRunning);
	}

	/**
	 * Whether every part was submitted and its batch completed (its requests may still have
	 * failed one by one).
	 * @return {@code true} when nothing failed, expired, was cancelled or was left unsubmitted
	 */
	public boolean isComplete() {
		return this.parts.stream().allMatch((part) -> part.status() == BatchStatus.COMPLETED);
	}

	/**
	 * The parts that are not running at Groq because submitting them failed.
	 * @return those parts, each with its failure and its kept input file
	 */
	public List<Part> unsubmittedParts() {
		return this.parts.stream().filter((part) -> !part.isSubmitted()).toList();
	}

	/**
	 * The parts whose batch finished without completing: failed validation, expired or was
	 * cancelled.
	 * @return those parts
	 */
	public List<Part> unsuccessfulParts() {
		return this.parts.stream().filter((part) -> {
			BatchStatus status = part.status();
			return status == BatchStatus.FAILED || status == BatchStatus.EXPIRED || status == BatchStatus.CANCELLED;
		}).toList();
	}

	@Override
	public String toString() {
		long running = this.parts.stream().filter(Part::isRunning).count();
		return "BatchJob[" + this.parts.size() + " parts, " + size() + " requests, " + running + " running, "
				+ unsubmittedParts().size() + " unsubmitted]";
	}

	/**
	 * One part of a job: its share of the input and its batch, or why it has none.
	 *
	 * @param number the part's place in the job, from 1
	 * @param lines how many requests it holds (for a {@link BatchJobs#resume resumed} job, as
	 * Groq counts them: 0 until validated)
	 * @param bytes the size of its JSONL file (0 for a resumed job)
	 * @param batch its batch as last seen, {@code null} when it was not submitted
	 * @param submitFailure why it was not submitted: its own upload or create failed, or an
	 * earlier part's failure stopped the submission (authentication, permission, rate
	 * limit); {@code null} when submitted
	 * @param inputFile where its JSONL is kept while it is not submitted, so that
	 * {@link BatchJobs#resubmit} can send it again; {@code null} once submitted
	 */
	public record Part(int number, long lines, long bytes, @Nullable Batch batch,
			@Nullable GroqException submitFailure, @Nullable Path inputFile) {

		/**
		 * Whether the part has a batch at Groq.
		 * @return {@code true} when submitted
		 */
		public boolean isSubmitted() {
			return this.batch != null;
		}

		/**
		 * Whether the part's batch has not finished yet.
		 * @return {@code true} while it validates, runs, finalizes or is being cancelled
		 */
		public boolean isRunning() {
			return this.batch != null && !this.batch.isFinished();
		}

		/**
		 * The status of the part's batch.
		 * @return the status, {@code null} when the part was not submitted
		 */
		public @Nullable BatchStatus status() {
			return (this.batch != null) ? this.batch.status() : null;
		}

		/** This part submitted, or read again; a resumed part learns its size once Groq has validated it. */
		Part withBatch(Batch batch) {
			long size = (this.lines > 0) ? this.lines : batch.requestCounts().total();
			return new Part(this.number, size, this.bytes, batch, null, null);
		}

	}

}
