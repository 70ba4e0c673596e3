package io.github.groqspring.tier;

import java.lang.reflect.Method;

import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Proxies beans that carry {@link GroqTier} on the class or a method (also on interfaces
 * and superclasses) with a {@link GroqTierInterceptor}; beans that are already proxied get
 * the advisor added. No AspectJ weaver is needed. Every annotation of a proxied bean is
 * checked when the bean is created, so a wrong tier fails start-up, not the first call.
 */
public class GroqTierAnnotationBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private GroqTierInterceptor interceptor = new GroqTierInterceptor(null);

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.interceptor = new GroqTierInterceptor(
				(beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable::resolveEmbeddedValue : null);
		Pointcut classLevel = new AnnotationMatchingPointcut(GroqTier.class, true);
		Pointcut methodLevel = new AnnotationMatchingPointcut(null, GroqTier.class, true);
		this.advisor = new DefaultPointcutAdvisor(new ComposablePointcut(classLevel).union(methodLevel),
				this.interceptor);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Object result = super.postProcessAfterInitialization(bean, beanName);
		if (result != bean || AopUtils.isAopProxy(bean)) {
			checkAnnotations(AopUtils.getTargetClass(bean));
		}
		return result;
	}

	private void checkAnnotations(Class<?> targetClass) {
		this.interceptor.resolveClassLevel(targetClass);
		ReflectionUtils.doWithMethods(targetClass, (method) -> this.interceptor.resolve(method, targetClass),
				(Method method) -> AnnotatedElementUtils.hasAnnotation(method, GroqTier.class));
	}

}
