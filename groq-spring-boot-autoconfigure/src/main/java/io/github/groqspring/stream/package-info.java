/**
 * Streaming chat completions: Groq's server-sent events parsed as they arrive into typed
 * chunks, the {@link io.github.groqspring.stream.ChatStream} that hands them out, and the
 * accumulator that turns them into the blocking call's response.
 */
@NullMarked
package io.github.groqspring.stream;

import org.jspecify.annotations.NullMarked;
