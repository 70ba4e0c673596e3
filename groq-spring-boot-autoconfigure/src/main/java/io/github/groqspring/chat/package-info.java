/**
 * Chat completion requests, messages, tools and responses.
 */
@NullMarked
package io.github.groqspring.chat;

import org.jspecify.annotations.NullMarked;
