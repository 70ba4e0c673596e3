package io.github.groqspring.batch;

import java.time.Duration;

/**
 * Some batches of a job were still running when {@code BatchJobs.await} stopped waiting for
 * them. They go on at Groq: wait again, or cancel the job.
 */
public class BatchJobAwaitTimeoutException extends RuntimeException {

	private final BatchJob job;

	/**
	 * Create the exception.
	 * @param job the job as last seen
	 * @param timeout how long was waited
	 */
	public BatchJobAwaitTimeoutException(BatchJob job, Duration timeout) {
		super(job.parts().stream().filter(BatchJob.Part::isRunning).count() + " of " + job.parts().size()
				+ " batches of the job are still running (" + job.requestCounts().done() + " of " + job.size()
				+ " requests done) after waiting " + timeout + ": they go on at Groq; await the job again or cancel it");
		this.job = job;
	}

	/**
	 * The job as last seen.
	 * @return the job
	 */
	public BatchJob getJob() {
		return this.job;
	}

}
