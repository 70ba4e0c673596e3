package io.github.groqspring;

import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqReactiveAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqTierAutoConfiguration;
import io.github.groqspring.test.GroqEmulator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Run by {@link WithoutReactorTests} in a class loader that has no Reactor. */
public final class WithoutReactorProbe {

	private WithoutReactorProbe() {
	}

	public static String run() {
		StringBuilder result = new StringBuilder();
		try (GroqEmulator emulator = GroqEmulator.start()) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class,
						GroqReactiveAutoConfiguration.class, GroqTierAutoConfiguration.class,
						RestClientAutoConfiguration.class, JacksonAutoConfiguration.class))
				.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=llama-3.1-8b-instant")
				.run((context) -> {
					if (context.getStartupFailure() != null) {
						throw new IllegalStateException(context.getStartupFailure());
					}
					GroqTemplate groq = context.getBean(GroqTemplate.class);
					boolean introspected = GroqTemplate.class.getMethods().length > 0
							&& GroqOperations.class.getMethods().length > 0
							&& GroqTemplate.class.getDeclaredMethods().length > 0;
					result.append("groqTemplate=")
						.append(context.containsBean("groqTemplate"))
						.append(" reactiveGroqTemplate=")
						.append(context.containsBean("reactiveGroqTemplate"))
						.append(" introspected=")
						.append(introspected)
						.append(" reply=")
						.append(groq.complete("Hi"));
				});
		}
		return result.toString();
	}

}
