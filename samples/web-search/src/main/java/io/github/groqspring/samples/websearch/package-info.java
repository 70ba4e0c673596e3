/**
 * The web search sample: Groq's built-in browser_search on a GPT-OSS model, with the
 * searches Groq ran.
 */
@NullMarked
package io.github.groqspring.samples.websearch;

import org.jspecify.annotations.NullMarked;
