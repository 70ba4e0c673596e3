/**
 * Test support: a local Groq emulator speaking Groq's wire format and validating like Groq.
 * {@link io.github.groqspring.test.GroqEmulator} routes each request to the handler of its
 * endpoint family (chat completions, models, files, batches); validation, the model
 * catalogue ({@link io.github.groqspring.test.GroqModelCatalogue}), the answers and the wire
 * shapes each have their own class, so a new endpoint family is a handler and one route.
 */
@NullMarked
package io.github.groqspring.test;

import org.jspecify.annotations.NullMarked;
