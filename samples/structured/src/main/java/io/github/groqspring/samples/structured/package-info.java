/**
 * The structured output and tools sample: a record extracted from text, then a weather
 * tool-calling loop.
 */
@NullMarked
package io.github.groqspring.samples.structured;

import org.jspecify.annotations.NullMarked;
