package io.github.groqspring.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the token buckets of Groq budgets: one for tokens and one for requests per
 * {@link BudgetKey}, refilled continuously at {@code limit / refill period}. The default,
 * {@link LocalBudgetStore#shared()}, keeps them in the JVM, shared by every template with the
 * same key; a distributed store (Redis, with {@code groq-spring-boot-ratelimit-redis}) shares
 * them among all instances of an application, so that many instances pace as one.
 *
 * <p>A store is called on the path of every paced call: it must be thread-safe, quick, and
 * never fail a call because of itself (a distributed store falls back to pacing in the JVM
 * when its server is unreachable).
 */
public interface RateLimitBudgetStore {

	/**
	 * Reserve a call's estimated cost. The budget may go below zero: the call then waits for
	 * its share of the refill, reserved now, so that waiting callers are served in order.
	 * When the wait would be longer than {@code maxWaitNanos}, nothing is reserved.
	 * @param key the budget
	 * @param limits its limits, as Groq last reported them
	 * @param tokens the call's estimated tokens (at most the token limit)
	 * @param requests the call's requests, 1
	 * @param maxWaitNanos the longest the call may wait (its deadline)
	 * @return the reservation: granted with a wait, or refused with the refill time
	 */
	BudgetReservation reserve(BudgetKey key, BudgetLimits limits, long tokens, long requests, long maxWaitNanos);

	/**
	 * Reconcile a granted reservation with what the call really used: the difference goes
	 * back to the budget (or more is taken). A reservation is settled at most once; a refused
	 * one never.
	 * @param reservation the reservation
	 * @param usedTokens the tokens Groq counted (cached prompt tokens not included), 0 when
	 * the request was rejected
	 * @param usedRequests the requests Groq counted
	 */
	void settle(BudgetReservation reservation, long usedTokens, long usedRequests);

	/**
	 * Learn from a response's {@code x-ratelimit-remaining-*} headers, errors included: the
	 * server knows of every instance's use, and of use that passed no store.
	 * @param key the budget
	 * @param limits its limits
	 * @param remainingTokens tokens Groq says are left, -1 when it did not say
	 * @param remainingRequests requests Groq says are left, -1 when it did not say
	 * @param sentWith the reservation the answered request was sent with, {@code null} when
	 * it was sent without one
	 */
	void observe(BudgetKey key, BudgetLimits limits, long remainingTokens, long remainingRequests,
			@Nullable BudgetReservation sentWith);

	/**
	 * What this store knows of a budget now, without any I/O.
	 * @param key the budget
	 * @return the snapshot, {@code null} when this store has not seen the budget
	 */
	@Nullable BudgetSnapshot snapshot(BudgetKey key);

}
