package io.github.groqspring.tier;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringValueResolver;

/**
 * Sets the {@link GroqTierContext} tier for the duration of a method annotated with
 * {@link GroqTier} (or a method of an annotated class) and restores the previous tier
 * afterwards. The method's annotation wins over its class's; both are found on interfaces
 * and superclasses. Each method's tier is resolved once and cached.
 */
final class GroqTierInterceptor implements MethodInterceptor {

	private final @Nullable StringValueResolver valueResolver;

	private final Map<MethodClassKey, Optional<ServiceTier>> tiers = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor.
	 * @param valueResolver resolves placeholders in {@link GroqTier#tier()}, may be
	 * {@code null}
	 */
	GroqTierInterceptor(@Nullable StringValueResolver valueResolver) {
		this.valueResolver = valueResolver;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : invocation.getMethod().getDeclaringClass();
		Optional<ServiceTier> tier = this.tiers.computeIfAbsent(new MethodClassKey(invocation.getMethod(), targetClass),
				(key) -> Optional.ofNullable(resolve(invocation.getMethod(), targetClass)));
		if (tier.isEmpty()) {
			return invocation.proceed();
		}
		try (GroqTierContext.Scope scope = GroqTierContext.open(tier.get())) {
			return invocation.proceed();
		}
	}

	@Nullable ServiceTier resolve(Method method, Class<?> targetClass) {
		Method specificMethod = AopUtils.getMostSpecificMethod(method, targetClass);
		GroqTier annotation = AnnotatedElementUtils.findMergedAnnotation(specificMethod, GroqTier.class);
		if (annotation != null) {
			return tierOf(annotation, targetClass.getName() + "." + method.getName() + "()");
		}
		return resolveClassLevel(targetClass);
	}

	@Nullable ServiceTier resolveClassLevel(Class<?> targetClass) {
		GroqTier annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, GroqTier.class);
		return (annotation != null) ? tierOf(annotation, targetClass.getName()) : null;
	}

	private @Nullable ServiceTier tierOf(GroqTier annotation, String where) {
		boolean hasExpression = !annotation.tier().isEmpty();
		if (annotation.value().length + (hasExpression ? 1 : 0) != 1) {
			throw new IllegalStateException("@GroqTier on " + where + " must name exactly one tier: "
					+ "@GroqTier(ServiceTier.FLEX) or @GroqTier(tier = \"${app.groq-tier}\")");
		}
		if (!hasExpression) {
			return annotation.value()[0];
		}
		String text = (this.valueResolver != null) ? this.valueResolver.resolveStringValue(annotation.tier())
				: annotation.tier();
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ServiceTier.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("@GroqTier(tier = \"" + annotation.tier() + "\") on " + where + ": "
					+ ex.getMessage(), ex);
		}
	}

}
