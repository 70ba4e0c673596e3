package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.health.GroqHealthIndicator;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for {@link GroqHealthIndicator}, the {@code groq} health contributor.
 * The probe is the application's {@link GroqTemplate} {@linkplain GroqTemplate#mutate()
 * derived} with {@code groq.health.timeout} as connect, read and call timeouts, no retries,
 * no observations and a small pool of its own, so that it asks Groq with the template's key,
 * base URL, TLS and proxy (those of a template the application builds itself included), and
 * a slow Groq never holds the health endpoint for the calls' 60 seconds.
 */
@AutoConfiguration(after = GroqAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(GroqTemplate.class)
@ConditionalOnEnabledHealthIndicator("groq")
@EnableConfigurationProperties(GroqHealthProperties.class)
public final class GroqHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "groqHealthIndicator")
	GroqHealthIndicator groqHealthIndicator(GroqTemplate groqTemplate, GroqHealthProperties health) {
		GroqTemplate probe = groqTemplate.mutate()
			.connectTimeout(health.getTimeout())
			.readTimeout(health.getTimeout())
			.callTimeout(health.getTimeout())
			.retry(RetrySettings.NONE)
			.maxConnections(2)
			.observationRegistry(ObservationRegistry.NOOP)
			.logContent(false)
			.build();
		return new GroqHealthIndicator(probe, health.getTimeout(), health.getCacheTimeToLive());
	}

}
