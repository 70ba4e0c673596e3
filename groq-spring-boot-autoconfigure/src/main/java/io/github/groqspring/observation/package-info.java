/**
 * Micrometer observations of Groq calls: the context, its documented keys, the default
 * convention and the meters derived from it.
 */
@NullMarked
package io.github.groqspring.observation;

import org.jspecify.annotations.NullMarked;
