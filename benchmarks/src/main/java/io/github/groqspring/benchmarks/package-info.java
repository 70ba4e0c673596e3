/**
 * JMH benchmarks comparing {@code GroqTemplate} with the raw JDK {@code HttpClient}, a
 * hand-written {@code RestClient} and the other Java clients, against one canned server.
 */
@NullMarked
package io.github.groqspring.benchmarks;

import org.jspecify.annotations.NullMarked;
