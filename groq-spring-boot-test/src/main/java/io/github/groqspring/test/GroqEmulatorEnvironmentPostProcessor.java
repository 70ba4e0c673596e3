package io.github.groqspring.test;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Offline mode for applications: with {@code groq.emulator.enabled=true}, or {@code auto}
 * and neither an API key nor a base URL configured, starts a {@link GroqEmulator}, points {@code groq.base-url} at
 * it, registers it as the {@code groqEmulator} bean, says so on standard output, and stops
 * it with the application. Does nothing unless the property is set.
 */
class GroqEmulatorEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED = "groq.emulator.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty(ENABLED, "false").trim().toLowerCase(Locale.ROOT);
		boolean start = switch (mode) {
			case "true" -> true;
			case "auto" -> environment.getProperty("groq.api-key", "").isBlank()
					&& environment.getProperty("groq.base-url", "").isBlank();
			case "false" -> false;
			default -> throw new IllegalArgumentException(
					"Invalid value '" + mode + "' for " + ENABLED + ": use true, false or auto");
		};
		// Spring AOT processing prepares the context without running or closing it: nothing to call.
		if (!start || Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		GroqEmulator emulator = GroqEmulator.start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("groqEmulator", Map.of("groq.base-url", emulator.baseUrl())));
		System.out.println("No GROQ_API_KEY set: calling the embedded Groq emulator at " + emulator.baseUrl());
		application.addListeners((ApplicationEvent event) -> {
			if (event instanceof ApplicationPreparedEvent prepared) {
				prepared.getApplicationContext().getBeanFactory().registerSingleton("groqEmulator", emulator);
			}
			else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
				emulator.close();
			}
		});
	}

}
