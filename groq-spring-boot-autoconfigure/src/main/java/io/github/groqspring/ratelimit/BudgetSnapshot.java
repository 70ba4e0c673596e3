package io.github.groqspring.ratelimit;

/**
 * What a store last knew of one budget, without asking anyone (for gauges and health).
 *
 * @param limits the limits the budget's buckets were made with
 * @param remainingTokens tokens left now, negative while reserved calls wait for the refill
 * @param remainingRequests requests left now, negative likewise
 */
public record BudgetSnapshot(BudgetLimits limits, long remainingTokens, long remainingRequests) {
}
