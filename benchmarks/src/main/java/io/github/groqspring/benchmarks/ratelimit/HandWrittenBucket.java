package io.github.groqspring.benchmarks.ratelimit;

/**
 * The comparison: one token bucket shared by every instance, that knows the limits (TPM and
 * RPM) and each call's exact cost, as a hand-written limiter in front of a client would.
 * A call reserves its cost (into the refill if need be, so callers are served in order) and
 * waits; when the wait would pass its deadline it is not sent.
 */
final class HandWrittenBucket {

	private final Bucket tokens;

	private final Bucket requests;

	private volatile long answerNanos;

	private volatile long answerDeviationNanos;

	HandWrittenBucket(long tokensPerWindow, long requestsPerWindow, long windowNanos) {
		this.tokens = new Bucket(tokensPerWindow, windowNanos);
		this.requests = new Bucket(requestsPerWindow, windowNanos);
	}

	/** The time kept for the answer before a deadline, as the starter keeps it: RFC 6298's SRTT + 4 RTTVAR. */
	long answerHeadroomNanos() {
		return this.answerNanos + 4 * this.answerDeviationNanos;
	}

	void answeredIn(long nanos) {
		long smoothed = this.answerNanos;
		if (smoothed == 0) {
			this.answerNanos = Math.max(1, nanos);
			this.answerDeviationNanos = nanos / 2;
		}
		else {
			this.answerDeviationNanos += (Math.abs(smoothed - nanos) - this.answerDeviationNanos) / 4;
			this.answerNanos = Math.max(1, smoothed + (nanos - smoothed) / 8);
		}
	}

	/** The wait before sending, or -1 when the call would wait past its deadline. */
	synchronized long reserve(long cost, long maxWaitNanos) {
		long now = System.nanoTime();
		this.tokens.refill(now);
		this.requests.refill(now);
		long wait = Math.max(this.tokens.waitFor(cost), this.requests.waitFor(1));
		if (wait > maxWaitNanos) {
			return -1;
		}
		this.tokens.level -= cost;
		this.requests.level -= 1;
		return wait;
	}

	private static final class Bucket {

		private final long capacity;

		private final double perNano;

		private double level;

		private long last = System.nanoTime();

		Bucket(long capacity, long windowNanos) {
			this.capacity = capacity;
			this.perNano = (double) capacity / windowNanos;
			this.level = capacity;
		}

		void refill(long now) {
			this.level = Math.min(this.capacity, this.level + (now - this.last) * this.perNano);
			this.last = now;
		}

		long waitFor(long amount) {
			return (this.level >= amount) ? 0 : (long) Math.ceil((amount - this.level) / this.perNano);
		}

	}

}
