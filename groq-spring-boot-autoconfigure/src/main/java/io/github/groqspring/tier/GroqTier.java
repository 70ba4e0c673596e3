package io.github.groqspring.tier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;


/**
 * Every {@code GroqTemplate} call made while the annotated method runs (or any method of
 * the annotated class) uses this service tier, unless the request sets its own.
 *
 * <p>Name the tier directly, {@code @GroqTier(ServiceTier.FLEX)}, or from configuration,
 * {@code @GroqTier(tier = "${reports.groq-tier:flex}")}; a placeholder that resolves to an
 * empty string means "no override here". Exactly one of the two must be given.
 *
 * <p>Works through a Spring proxy, like {@code @Transactional}: a bean calling its own
 * annotated method ({@code this.method()}) is not intercepted. Move the method to another
 * bean, or use {@link GroqTierContext#callWith}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface GroqTier {

	/**
	 * The tier, e.g. {@code ServiceTier.FLEX}. Give one, or use {@link #tier()}.
	 * @return the tier, at most one
	 */
	ServiceTier[] value() default {};

	/**
	 * The tier as text, resolved against the environment: {@code "${app.tier}"},
	 * {@code "on_demand"}. Empty after resolution means no override.
	 * @return the tier expression
	 */
	String tier() default "";

}
