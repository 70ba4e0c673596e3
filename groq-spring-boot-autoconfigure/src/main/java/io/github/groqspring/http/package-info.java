/**
 * What a Groq call's HTTP exchange tells the caller, and how calls are retried: the parsed
 * rate-limit headers ({@link io.github.groqspring.http.RateLimits}), a response's metadata
 * ({@link io.github.groqspring.http.ResponseMetadata}), the retry settings
 * ({@link io.github.groqspring.http.RetrySettings}) and the proxy calls go through
 * ({@link io.github.groqspring.http.ProxySettings}). Values only, so that every other
 * package may use them; the transport itself is internal.
 */
@NullMarked
package io.github.groqspring.http;

import org.jspecify.annotations.NullMarked;
