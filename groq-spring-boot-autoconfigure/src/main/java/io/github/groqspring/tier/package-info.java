/**
 * Choosing the service tier where the work is: {@link io.github.groqspring.tier.GroqTier}
 * on methods and classes, and {@link io.github.groqspring.tier.GroqTierContext} for code
 * that is not a bean.
 */
@NullMarked
package io.github.groqspring.tier;

import org.jspecify.annotations.NullMarked;
