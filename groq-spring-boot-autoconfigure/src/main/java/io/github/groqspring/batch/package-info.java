/**
 * Groq's Batch API: build a batch from chat requests, upload it, follow its progress and
 * read its results, at half the price of synchronous calls. Entry point:
 * {@code GroqTemplate.batches()}.
 */
@NullMarked
package io.github.groqspring.batch;

import org.jspecify.annotations.NullMarked;
