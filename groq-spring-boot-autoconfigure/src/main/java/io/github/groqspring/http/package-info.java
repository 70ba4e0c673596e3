/**
 * The one place that talks HTTP to Groq: headers, rate limits and error decoding.
 */
@NullMarked
package io.github.groqspring.http;

import org.jspecify.annotations.NullMarked;
