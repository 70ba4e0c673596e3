/**
 * Turns JMH's JSON results into the Markdown table in {@code benchmarks/results/latest.md}.
 */
@NullMarked
package io.github.groqspring.benchmarks.report;

import org.jspecify.annotations.NullMarked;
