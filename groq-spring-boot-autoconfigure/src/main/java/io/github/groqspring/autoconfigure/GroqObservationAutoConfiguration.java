package io.github.groqspring.autoconfigure;

import io.github.groqspring.observation.GroqMeterObservationHandler;
import io.github.groqspring.observation.GroqRateLimitMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for Groq's meters: registers {@link GroqMeterObservationHandler},
 * which Boot adds to the {@link ObservationRegistry}, and {@link GroqRateLimitMeters}, which
 * the template tells about rate-limit pacing, when Micrometer's meters are in use.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class GroqObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GroqMeterObservationHandler groqMeterObservationHandler(MeterRegistry meterRegistry) {
		return new GroqMeterObservationHandler(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	GroqRateLimitMeters groqRateLimitMeters(MeterRegistry meterRegistry) {
		return new GroqRateLimitMeters(meterRegistry);
	}

}
