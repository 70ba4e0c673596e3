/**
 * The unchecked exceptions a Groq call can raise, typed by what a caller can do about them.
 */
@NullMarked
package io.github.groqspring.error;

import org.jspecify.annotations.NullMarked;
