/**
 * Groq's model catalogue.
 */
@NullMarked
package io.github.groqspring.models;

import org.jspecify.annotations.NullMarked;
