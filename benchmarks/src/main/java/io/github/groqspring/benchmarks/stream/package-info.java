/**
 * Streaming benchmarks: every client reading the canned server's stream, and the SSE
 * parser's own cost per chunk.
 */
@NullMarked
package io.github.groqspring.benchmarks.stream;

import org.jspecify.annotations.NullMarked;
