/**
 * Spring AI's {@code ChatClient} on Groq with a tool and chat memory.
 */
@NullMarked
package io.github.groqspring.samples.springai;

import org.jspecify.annotations.NullMarked;
