package io.github.groqspring.internal.http;

import io.github.groqspring.error.GroqException;

/**
 * Lets a call's attempts through: told before each attempt is sent (so that rate-limit
 * pacing can hold it back within the call's budget, or refuse it unsent) and about each
 * failed attempt (so that the rate limits of every response, errors included, are learnt
 * before a retry). The transport knows nothing of what the gate does.
 */
public interface AttemptGate {

	/** A gate that lets everything through at once. */
	AttemptGate NONE = new AttemptGate() {

		@Override
		public void beforeAttempt(CallBudget budget, int attempt) {
		}

		@Override
		public void afterFailure(GroqException failure) {
		}

	};

	/**
	 * An attempt is about to be sent.
	 * @param budget the call's budget, its deadline included
	 * @param attempt the attempt's number, counted across the call (1 for its first request)
	 * @throws GroqException to end the call without sending, e.g. when the rate limit would
	 * not allow the attempt before the deadline
	 */
	void beforeAttempt(CallBudget budget, int attempt);

	/**
	 * An attempt failed, before any retry is decided.
	 * @param failure what it failed with, its response's rate limits included
	 */
	void afterFailure(GroqException failure);

}
