/**
 * Auto-configuration of Groq's rate-limit budgets on Redis: wiring only.
 */
@NullMarked
package io.github.groqspring.ratelimit.redis.autoconfigure;

import org.jspecify.annotations.NullMarked;
