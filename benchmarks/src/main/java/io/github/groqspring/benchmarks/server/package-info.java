/**
 * The canned Groq server every client calls, run in its own JVM so that its work does not
 * count against a client's time or allocation.
 */
@NullMarked
package io.github.groqspring.benchmarks.server;

import org.jspecify.annotations.NullMarked;
