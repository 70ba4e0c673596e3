/**
 * Groq's API for Spring applications: {@link io.github.groqspring.GroqTemplate} and {@link io.github.groqspring.tier.ServiceTier}.
 */
@NullMarked
package io.github.groqspring;

import org.jspecify.annotations.NullMarked;
