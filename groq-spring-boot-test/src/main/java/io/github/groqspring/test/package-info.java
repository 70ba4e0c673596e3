/**
 * Test support: a local Groq emulator speaking Groq's wire format.
 */
@NullMarked
package io.github.groqspring.test;

import org.jspecify.annotations.NullMarked;
