/**
 * Spring AI on Groq: {@link io.github.groqspring.ai.GroqChatModel}, Spring AI's
 * {@code ChatModel} on top of {@code GroqTemplate}, and
 * {@link io.github.groqspring.ai.GroqChatOptions}, with Groq's service tiers, metadata
 * and resilience.
 */
@NullMarked
package io.github.groqspring.ai;

import org.jspecify.annotations.NullMarked;
