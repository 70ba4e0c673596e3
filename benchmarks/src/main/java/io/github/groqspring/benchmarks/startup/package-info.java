/**
 * What the auto-configuration costs at start-up: time and heap.
 */
@NullMarked
package io.github.groqspring.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
