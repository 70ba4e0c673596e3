/**
 * Groq from Reactor: {@link io.github.groqspring.reactive.ReactiveGroqTemplate} streams
 * chunks as a {@code Flux} with backpressure and cancellation, on top of
 * {@code GroqTemplate}. Reactor is optional: nothing outside this package refers to it.
 */
@NullMarked
package io.github.groqspring.reactive;

import org.jspecify.annotations.NullMarked;
