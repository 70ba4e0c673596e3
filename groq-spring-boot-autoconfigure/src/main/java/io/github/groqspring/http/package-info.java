/**
 * What a Groq call's HTTP exchange tells the caller, and how calls are retried: the parsed
 * rate-limit headers ({@link io.github.groqspring.http.RateLimits}), a response's metadata
 * ({@link io.github.groqspring.http.ResponseMetadata}) and the retry settings
 * ({@link io.github.groqspring.http.RetrySettings}). Values only, so that every other
 * package may use them; the transport itself is internal.
 */
@NullMarked
package io.github.groqspring.http;

import org.jspecify.annotations.NullMarked;
