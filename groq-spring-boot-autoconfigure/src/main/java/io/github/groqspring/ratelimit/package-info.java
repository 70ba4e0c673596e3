/**
 * Pacing calls to Groq's rate limits: the budget a call draws on ({@link
 * io.github.groqspring.ratelimit.BudgetKey}: the organisation's key, hashed, a model and a
 * tier), the limits Groq reports for it ({@link io.github.groqspring.ratelimit.BudgetLimits}),
 * the store that keeps its token buckets ({@link
 * io.github.groqspring.ratelimit.RateLimitBudgetStore}: in the JVM by default, {@link
 * io.github.groqspring.ratelimit.LocalBudgetStore}, or shared by many instances, e.g. on Redis
 * with {@code groq-spring-boot-ratelimit-redis}), the settings of pacing ({@link
 * io.github.groqspring.ratelimit.RateLimitSettings}) and what observes it ({@link
 * io.github.groqspring.ratelimit.RateLimitListener}).
 */
@NullMarked
package io.github.groqspring.ratelimit;

import org.jspecify.annotations.NullMarked;
