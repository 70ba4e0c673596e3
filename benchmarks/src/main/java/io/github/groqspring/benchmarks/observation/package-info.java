/**
 * What observing a Groq call costs, with and without Micrometer's handlers.
 */
@NullMarked
package io.github.groqspring.benchmarks.observation;

import org.jspecify.annotations.NullMarked;
