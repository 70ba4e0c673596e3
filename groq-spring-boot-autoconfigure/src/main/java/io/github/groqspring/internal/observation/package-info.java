/**
 * Internal: wrapping each Groq call in its observation, and logging prompts and completions
 * when asked to.
 *
 * <p>Not part of the public API: these types are public only so that the starter's other
 * packages can use them, and may change without notice in any release.
 */
@NullMarked
package io.github.groqspring.internal.observation;

import org.jspecify.annotations.NullMarked;
