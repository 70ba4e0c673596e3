/**
 * Streaming chat completions: the {@link io.github.groqspring.stream.ChatStream} that hands
 * out Groq's chunks as they arrive, the typed chunks, the accumulator that turns them into
 * the blocking call's response, and the exceptions of a stream that fails after it started.
 */
@NullMarked
package io.github.groqspring.stream;

import org.jspecify.annotations.NullMarked;
