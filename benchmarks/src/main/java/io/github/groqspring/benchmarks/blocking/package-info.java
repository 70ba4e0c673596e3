/**
 * Blocking chat completion benchmarks: sequential latency and throughput under concurrent
 * callers.
 */
@NullMarked
package io.github.groqspring.benchmarks.blocking;

import org.jspecify.annotations.NullMarked;
