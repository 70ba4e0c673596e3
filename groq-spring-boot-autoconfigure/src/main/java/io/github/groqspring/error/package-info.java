/**
 * The unchecked exceptions a Groq call can raise, typed by what a caller can do about them,
 * and {@link io.github.groqspring.error.GroqError}, Groq's error object. Exceptions only:
 * they are immutable, carry the status, Groq's error, the request id, the rate limits and
 * the number of attempts, and never the API key. Stream failures are in
 * {@code io.github.groqspring.stream}, structured-output failures in
 * {@code io.github.groqspring.chat}.
 */
@NullMarked
package io.github.groqspring.error;

import org.jspecify.annotations.NullMarked;
