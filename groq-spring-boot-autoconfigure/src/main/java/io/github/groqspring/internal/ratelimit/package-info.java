/**
 * Internal: rate-limit pacing of chat completions. {@link
 * io.github.groqspring.internal.ratelimit.RateLimitPacer} estimates each call's cost
 * ({@link io.github.groqspring.internal.ratelimit.TokenEstimator}), takes it from the budget
 * in a {@link io.github.groqspring.ratelimit.RateLimitBudgetStore} before each attempt
 * (waiting within the call's deadline, or refusing it unsent), learns Groq's limits from
 * every response's headers, and reconciles with the usage Groq reports.
 *
 * <p>Not part of the public API: these types are public only so that the starter's other
 * packages can use them, and may change without notice in any release.
 */
@NullMarked
package io.github.groqspring.internal.ratelimit;

import org.jspecify.annotations.NullMarked;
