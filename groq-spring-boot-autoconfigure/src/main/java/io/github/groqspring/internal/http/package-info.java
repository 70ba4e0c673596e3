/**
 * Internal: the one place that talks HTTP to Groq. Serializes each request, sends it,
 * retries what Groq says is transient within the call's budget, and decodes the answer into
 * a typed body or a typed exception; builds the request factory and Groq's
 * {@code JsonMapper}. Knows nothing of chat, streams or observations: it tells whoever
 * listens about retries through {@link io.github.groqspring.internal.http.RetryListener}.
 *
 * <p>Not part of the public API: these types are public only so that the starter's other
 * packages can use them, and may change without notice in any release. Applications use
 * {@code GroqTemplate} and the types of the packages it names.
 */
@NullMarked
package io.github.groqspring.internal.http;

import org.jspecify.annotations.NullMarked;
