package io.github.groqspring.samples.web;

import java.util.Map;

import io.github.groqspring.test.GroqEmulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A web application that summarizes text with Groq and shows Groq's health and metrics on
 * the actuator. Without {@code GROQ_API_KEY} it calls an embedded Groq emulator instead of
 * Groq, and says so.
 */
@SpringBootApplication
public class WebSampleApplication {

	public static void main(String[] args) {
		run(args);
	}

	static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(WebSampleApplication.class);
		if (System.getenv("GROQ_API_KEY") == null && System.getProperty("groq.api-key") == null) {
			GroqEmulator emulator = GroqEmulator.start();
			System.out.println("No GROQ_API_KEY set: calling the embedded Groq emulator at " + emulator.baseUrl());
			application.setDefaultProperties(Map.of("groq.base-url", emulator.baseUrl()));
			application.addListeners((ApplicationListener<ContextClosedEvent>) (event) -> emulator.close());
		}
		return application.run(args);
	}

}
