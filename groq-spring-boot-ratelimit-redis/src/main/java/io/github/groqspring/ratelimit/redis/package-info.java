/**
 * Groq rate-limit budgets on Redis: {@link io.github.groqspring.ratelimit.redis.RedisBudgetStore}
 * keeps each budget's token buckets in Redis through Bucket4j, so that every instance of an
 * application paces as one, and falls back to pacing in the JVM while Redis is unreachable.
 */
@NullMarked
package io.github.groqspring.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
