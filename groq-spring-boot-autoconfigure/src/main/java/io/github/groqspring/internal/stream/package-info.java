/**
 * Internal: reading Groq's server-sent events into chunks, and the
 * {@link io.github.groqspring.stream.ChatStream} of an open HTTP response.
 *
 * <p>Not part of the public API: these types are public only so that the starter's other
 * packages can use them, and may change without notice in any release.
 */
@NullMarked
package io.github.groqspring.internal.stream;

import org.jspecify.annotations.NullMarked;
