/**
 * The rate-limits sample: a burst of calls paced to Groq's limits, none sent into a 429.
 */
@NullMarked
package io.github.groqspring.samples.ratelimits;

import org.jspecify.annotations.NullMarked;
