/**
 * Groq's service tiers ({@link io.github.groqspring.tier.ServiceTier}) and choosing one
 * where the work is: {@link io.github.groqspring.tier.GroqTier} on methods and classes, and
 * {@link io.github.groqspring.tier.GroqTierContext} for code that is not a bean. The bottom
 * of the starter's layering: it uses no other package of the starter.
 */
@NullMarked
package io.github.groqspring.tier;

import org.jspecify.annotations.NullMarked;
