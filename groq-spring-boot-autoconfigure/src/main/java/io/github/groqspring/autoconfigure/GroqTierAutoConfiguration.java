package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.tier.GroqTierAnnotationBeanPostProcessor;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for {@link io.github.groqspring.tier.GroqTier @GroqTier}: an advising
 * bean post-processor, switched off with {@code groq.tier-annotation.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(GroqTemplate.class)
@ConditionalOnBooleanProperty(name = "groq.tier-annotation.enabled", matchIfMissing = true)
public final class GroqTierAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static GroqTierAnnotationBeanPostProcessor groqTierAnnotationBeanPostProcessor(Environment environment) {
		GroqTierAnnotationBeanPostProcessor postProcessor = new GroqTierAnnotationBeanPostProcessor();
		// Like Boot's AOP auto-configuration: class-based proxies unless spring.aop.proxy-target-class=false.
		postProcessor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
		return postProcessor;
	}

}
