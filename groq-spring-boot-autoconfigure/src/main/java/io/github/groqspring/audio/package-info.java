/**
 * Groq's audio endpoints: speech to text (transcriptions in the audio's language,
 * translations into English) with Whisper models, and text to speech. Entry point:
 * {@code GroqTemplate.audio()}. Audio requests carry no service tier: Groq's audio
 * endpoints take none.
 */
@NullMarked
package io.github.groqspring.audio;

import org.jspecify.annotations.NullMarked;
