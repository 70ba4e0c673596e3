/**
 * The tiers sample: {@code @GroqTier} on a latency-critical service and on a nightly job.
 */
@NullMarked
package io.github.groqspring.samples.tiers;

import org.jspecify.annotations.NullMarked;
