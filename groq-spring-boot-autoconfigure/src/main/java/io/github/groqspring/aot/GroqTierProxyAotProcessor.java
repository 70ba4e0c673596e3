package io.github.groqspring.aot;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.groqspring.tier.GroqTier;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.DecoratingProxy;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers JDK proxy hints for beans that {@code @GroqTier} proxies through their
 * interfaces ({@code spring.aop.proxy-target-class=false}); class-based proxies are
 * generated at build time by Spring's AOT processing.
 */
class GroqTierProxyAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = registeredBean.getBeanClass();
		if (!isAnnotated(beanClass)) {
			return null;
		}
		Class<?>[] interfaces = ClassUtils.getAllInterfacesForClass(beanClass);
		if (interfaces.length == 0) {
			return null;
		}
		List<Class<?>> proxied = new ArrayList<>(Arrays.asList(interfaces));
		proxied.addAll(List.of(SpringProxy.class, Advised.class, DecoratingProxy.class));
		return (generationContext, code) -> generationContext.getRuntimeHints()
			.proxies()
			.registerJdkProxy(proxied.toArray(Class<?>[]::new));
	}

	static boolean isAnnotated(Class<?> beanClass) {
		if (AnnotatedElementUtils.hasAnnotation(beanClass, GroqTier.class)) {
			return true;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(beanClass)) {
			if (AnnotatedElementUtils.hasAnnotation(method, GroqTier.class)) {
				return true;
			}
		}
		return false;
	}

}
