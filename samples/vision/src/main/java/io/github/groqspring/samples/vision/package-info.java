/**
 * The vision sample: an image shipped with the sample, described by a vision model.
 */
@NullMarked
package io.github.groqspring.samples.vision;

import org.jspecify.annotations.NullMarked;
