/**
 * A page that streams Groq's answer token by token over server-sent events.
 */
@NullMarked
package io.github.groqspring.samples.chatpage;

import org.jspecify.annotations.NullMarked;
