/**
 * The fleet rate-limit benchmark: instances of an application offering 1.5x Groq's token
 * limit to the limit-enforcing emulator, unpaced, paced in the JVM, paced on Redis, and
 * behind a hand-written shared token bucket.
 */
@NullMarked
package io.github.groqspring.benchmarks.ratelimit;

import org.jspecify.annotations.NullMarked;
