/**
 * Ahead-of-time and native-image support: reflection hints for Groq's wire types and proxy
 * hints for {@code @GroqTier} beans.
 */
@NullMarked
package io.github.groqspring.aot;

import org.jspecify.annotations.NullMarked;
