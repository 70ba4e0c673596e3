package io.github.groqspring.ratelimit;

/**
 * Told what pacing does, e.g. to meter it ({@code GroqRateLimitMeters}). Called on the path of
 * every paced call: implementations must be quick and must not throw.
 */
public interface RateLimitListener {

	/** A listener that does nothing. */
	RateLimitListener NONE = new RateLimitListener() {
	};

	/**
	 * A call was paced: it waited this long for its budget (0 when it had enough) and is
	 * now sent.
	 * @param key the budget
	 * @param waitedNanos how long it waited
	 * @param store the store the budget is kept in, to read it from
	 */
	default void paced(BudgetKey key, long waitedNanos, RateLimitBudgetStore store) {
	}

	/**
	 * A call was not sent: its budget would not refill before its deadline.
	 * @param key the budget
	 * @param neededNanos how long the refill would take
	 */
	default void refused(BudgetKey key, long neededNanos) {
	}

}
