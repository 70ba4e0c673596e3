/**
 * Groq's API for Spring applications: {@link io.github.groqspring.GroqTemplate} (and
 * {@link io.github.groqspring.GroqOperations}, its interface), its builder and per-call
 * {@link io.github.groqspring.RequestOptions}. The tiers are in
 * {@code io.github.groqspring.tier}, requests and responses in
 * {@code io.github.groqspring.chat}, streams in {@code io.github.groqspring.stream},
 * exceptions in {@code io.github.groqspring.error}.
 */
@NullMarked
package io.github.groqspring;

import org.jspecify.annotations.NullMarked;
