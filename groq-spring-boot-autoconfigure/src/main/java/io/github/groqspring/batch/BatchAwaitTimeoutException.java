package io.github.groqspring.batch;

import java.time.Duration;

/**
 * A batch was still running when {@code GroqBatchTemplate.await} stopped waiting for it.
 * The batch goes on at Groq: wait again, or cancel it.
 */
public class BatchAwaitTimeoutException extends RuntimeException {

	private final Batch batch;

	/**
	 * Create the exception.
	 * @param batch the batch as last seen
	 * @param timeout how long was waited
	 */
	public BatchAwaitTimeoutException(Batch batch, Duration timeout) {
		super("Batch " + batch.id() + " is still " + batch.status() + " (" + batch.requestCounts().done() + " of "
				+ batch.requestCounts().total() + " requests done) after waiting " + timeout
				+ ": it goes on at Groq; await it again or cancel it");
		this.batch = batch;
	}

	/**
	 * The batch as last seen.
	 * @return the batch
	 */
	public Batch getBatch() {
		return this.batch;
	}

}
