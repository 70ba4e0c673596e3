/**
 * The quickstart: one completion on the {@code auto} tier, printed.
 */
@NullMarked
package io.github.groqspring.samples.quickstart;

import org.jspecify.annotations.NullMarked;
