/**
 * The audio sample: a recording shipped with the sample transcribed, and a sentence spoken
 * to a WAV file.
 */
@NullMarked
package io.github.groqspring.samples.audio;

import org.jspecify.annotations.NullMarked;
