/**
 * The batch sample: a batch submitted, followed with a progress bar, its answers collected.
 */
@NullMarked
package io.github.groqspring.samples.batch;

import org.jspecify.annotations.NullMarked;
