package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.reactive.ReactiveGroqOperations;
import io.github.groqspring.reactive.ReactiveGroqTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for {@link ReactiveGroqTemplate}: Groq's calls as {@code Flux} and
 * {@code Mono}, on top of the {@code GroqTemplate} bean, when Reactor is on the class path
 * (named, not referenced, so that the condition reads even where Reactor is absent).
 */
@AutoConfiguration(after = GroqAutoConfiguration.class)
@ConditionalOnClass(name = "reactor.core.publisher.Flux")
@ConditionalOnBean(GroqOperations.class)
public final class GroqReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveGroqOperations.class)
	ReactiveGroqTemplate reactiveGroqTemplate(GroqOperations groq) {
		return new ReactiveGroqTemplate(groq);
	}

}
