package io.github.groqspring.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a store answered to one call's request for budget: granted, with how long the call
 * must wait before sending (its share of the refill, reserved for it now, so that callers
 * are served in order), or refused, with how long the refill would take. A store may
 * extend it to remember what it needs to settle the reservation later.
 */
public class BudgetReservation {

	private final BudgetKey key;

	private final BudgetLimits limits;

	private final long tokens;

	private final long requests;

	private final long waitNanos;

	private final boolean granted;

	private final AtomicBoolean settled = new AtomicBoolean();

	/**
	 * Create a reservation.
	 * @param key the budget
	 * @param limits the limits it was reserved under
	 * @param tokens the tokens reserved (or asked for, when refused)
	 * @param requests the requests reserved (or asked for)
	 * @param waitNanos granted: how long to wait before sending, 0 or more; refused: how
	 * long the refill would take
	 * @param granted whether the budget was reserved
	 */
	public BudgetReservation(BudgetKey key, BudgetLimits limits, long tokens, long requests, long waitNanos,
			boolean granted) {
		this.key = key;
		this.limits = limits;
		this.tokens = tokens;
		this.requests = requests;
		this.waitNanos = Math.max(0, waitNanos);
		this.granted = granted;
	}

	/**
	 * A refusal: the budget would not refill within the call's deadline; nothing reserved.
	 * @param key the budget
	 * @param limits its limits
	 * @param tokens the tokens asked for
	 * @param requests the requests asked for
	 * @param neededNanos how long the refill would take
	 * @return the refusal
	 */
	public static BudgetReservation refused(BudgetKey key, BudgetLimits limits, long tokens, long requests,
			long neededNanos) {
		return new BudgetReservation(key, limits, tokens, requests, neededNanos, false);
	}

	public BudgetKey key() {
		return this.key;
	}

	public BudgetLimits limits() {
		return this.limits;
	}

	/**
	 * The tokens reserved, the call's estimate.
	 * @return the tokens
	 */
	public long tokens() {
		return this.tokens;
	}

	/**
	 * The requests reserved: 1 for a call.
	 * @return the requests
	 */
	public long requests() {
		return this.requests;
	}

	/**
	 * How long to wait before sending (granted), or how long the refill would take (refused).
	 * @return nanoseconds, 0 or more
	 */
	public long waitNanos() {
		return this.waitNanos;
	}

	/**
	 * Whether the budget was reserved.
	 * @return {@code true} when the call may be sent after {@link #waitNanos()}
	 */
	public boolean granted() {
		return this.granted;
	}

	/**
	 * Mark this reservation settled, once: a store settles each reservation at most once.
	 * @return {@code true} the first time, {@code false} after
	 */
	protected final boolean markSettled() {
		return this.settled.compareAndSet(false, true);
	}

	@Override
	public String toString() {
		return "BudgetReservation[" + this.key + ", " + this.tokens + " tokens, " + this.requests + " requests, "
				+ (this.granted ? "wait " : "refused, refill in ") + this.waitNanos / 1_000_000 + " ms]";
	}

}
