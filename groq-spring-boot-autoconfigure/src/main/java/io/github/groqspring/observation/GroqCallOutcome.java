package io.github.groqspring.observation;

import java.io.InterruptedIOException;

import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.error.RateLimitExhaustedException;
import org.jspecify.annotations.Nullable;

/**
 * How a Groq call ended: every value the {@code outcome} key can take on a call's
 * observation, its span and the meters tagged with it.
 */
public enum GroqCallOutcome {

	/**
	 * Not ended yet: the value while the call runs, so it is seen only on the
	 * {@code groq.client.operation.active} long-task timer and on spans still open.
	 */
	UNKNOWN,

	/** Groq answered; for a stream, {@code data: [DONE]} arrived. */
	SUCCESS,

	/**
	 * The caller closed a stream before {@code data: [DONE]}, on its own or because its
	 * handler threw: the call did not fail, and carries no error.
	 */
	CANCELLED,

	/** A 3xx: Groq's API never redirects, so the base URL points elsewhere. */
	REDIRECTION,

	/**
	 * HTTP 429: a rate limit was hit; or the call was not sent because pacing found that the
	 * budget would refill only after its deadline ({@code RateLimitExhaustedException}).
	 */
	RATE_LIMITED,

	/** HTTP 498: the flex tier had no capacity (and no fallback served the call). */
	CAPACITY_EXCEEDED,

	/** Any other 4xx. */
	CLIENT_ERROR,

	/** A 5xx. */
	SERVER_ERROR,

	/**
	 * No answer in time: a connect, read or call timeout, or a stream that stalled after it
	 * had started ({@code GroqStreamTimeoutException}).
	 */
	TIMEOUT,

	/** No answer at all: the connection was refused, reset, or could not be made. */
	TRANSPORT_ERROR,

	/** A 2xx whose body was not what the call expects, e.g. JSON instead of events. */
	INVALID_RESPONSE,

	/**
	 * Anything else, e.g. a stream that broke (other than by stalling) or reported an error
	 * after it had started ({@code GroqStreamException}), or an exception that is not a
	 * {@code GroqException}.
	 */
	ERROR;

	/**
	 * The outcome of a call so far: from its error's type and status, else from whether it
	 * completed or was cancelled.
	 * @param context the call's context
	 * @return the outcome
	 */
	public static GroqCallOutcome of(GroqObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			if (context.isCompleted()) {
				return SUCCESS;
			}
			return context.isCancelled() ? CANCELLED : UNKNOWN;
		}
		if (error instanceof GroqTimeoutException || (error instanceof GroqException && isReadTimeout(error.getCause()))) {
			// The second: a stream that stalled (GroqStreamTimeoutException, a package this one may not use)
			return TIMEOUT;
		}
		if (error instanceof RateLimitExhaustedException) {
			return RATE_LIMITED;
		}
		if (error instanceof GroqTransportException) {
			return TRANSPORT_ERROR;
		}
		if (error instanceof GroqInvalidResponseException) {
			return INVALID_RESPONSE;
		}
		int status = (error instanceof GroqException groq) ? groq.getStatusCode() : 0;
		if (status == FlexCapacityExceededException.STATUS) {
			return CAPACITY_EXCEEDED;
		}
		if (status == 429) {
			return RATE_LIMITED;
		}
		if (status >= 500) {
			return SERVER_ERROR;
		}
		if (status >= 400) {
			return CLIENT_ERROR;
		}
		return (status >= 300) ? REDIRECTION : ERROR;
	}

	private static boolean isReadTimeout(@Nullable Throwable cause) {
		return cause instanceof InterruptedIOException;
	}

}
