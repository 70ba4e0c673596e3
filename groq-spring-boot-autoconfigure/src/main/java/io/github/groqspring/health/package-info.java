/**
 * The actuator health indicator for Groq.
 */
@NullMarked
package io.github.groqspring.health;

import org.jspecify.annotations.NullMarked;
