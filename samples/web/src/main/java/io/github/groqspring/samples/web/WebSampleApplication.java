package io.github.groqspring.samples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A web application that summarizes text with Groq on the {@code auto} tier, digests events
 * in the background on {@code flex}, and shows Groq's health and metrics on the actuator.
 * Without {@code GROQ_API_KEY} it calls the embedded Groq emulator
 * ({@code groq.emulator.enabled=auto}) instead of Groq, and says so.
 */
@SpringBootApplication
@EnableAsync
public class WebSampleApplication {

	public static void main(String[] args) {
		run(args);
	}

	static ConfigurableApplicationContext run(String... args) {
		return new SpringApplication(WebSampleApplication.class).run(args);
	}

	/**
	 * Decorates Boot's {@code applicationTaskExecutor}, which runs the {@code @Async} digest:
	 * each task sees the submitting thread's context (Micrometer context-propagation), so the
	 * job's Groq call is observed under the HTTP request that started it, and a task
	 * submitted under a {@code @GroqTier} keeps that tier.
	 * @return the decorator
	 */
	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

}
