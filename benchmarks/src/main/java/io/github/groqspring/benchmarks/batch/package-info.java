/**
 * How fast a batch's result file is parsed.
 */
@NullMarked
package io.github.groqspring.benchmarks.batch;

import org.jspecify.annotations.NullMarked;
