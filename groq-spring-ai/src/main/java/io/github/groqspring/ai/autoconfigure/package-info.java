/**
 * Auto-configuration of {@code GroqChatModel} when Spring AI is on the class path.
 */
@NullMarked
package io.github.groqspring.ai.autoconfigure;

import org.jspecify.annotations.NullMarked;
