/**
 * The streaming sample: tokens printed as Groq streams them.
 */
@NullMarked
package io.github.groqspring.samples.streaming;

import org.jspecify.annotations.NullMarked;
