/**
 * Auto-configuration for Groq: wiring only.
 */
@NullMarked
package io.github.groqspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
