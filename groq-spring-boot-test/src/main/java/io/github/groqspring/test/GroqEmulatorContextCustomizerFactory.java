package io.github.groqspring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts a {@link GroqEmulator} for test contexts of classes annotated with
 * {@link AutoConfigureGroqEmulator}; the emulator lives as long as the (cached) context.
 */
class GroqEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureGroqEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureGroqEmulator.class);
		return (annotation != null) ? new Customizer(annotation.apiKey()) : null;
	}

	private record Customizer(String apiKey) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			GroqEmulator emulator = GroqEmulator.start();
			if (!this.apiKey.isEmpty()) {
				emulator.requireApiKey(this.apiKey);
			}
			Map<String, Object> properties = new java.util.LinkedHashMap<>();
			properties.put("groq.base-url", emulator.baseUrl());
			if (!this.apiKey.isEmpty()) {
				properties.put("groq.api-key", this.apiKey);
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("groqEmulator", properties));
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton("groqEmulator", emulator);
			context.addApplicationListener(
					(org.springframework.context.event.ContextClosedEvent event) -> emulator.close());
		}

	}

}
