package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.GroqTemplateBuilder;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.health.GroqHealthIndicator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for {@link GroqHealthIndicator}, the {@code groq} health contributor.
 * The probe gets its own client with {@code groq.health.timeout} as connect and read
 * timeouts, so a slow Groq never holds the health endpoint for the calls' 60 seconds.
 */
@AutoConfiguration(after = GroqAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(GroqTemplate.class)
@ConditionalOnEnabledHealthIndicator("groq")
@EnableConfigurationProperties(GroqHealthProperties.class)
public final class GroqHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "groqHealthIndicator")
	GroqHealthIndicator groqHealthIndicator(GroqTemplate groqTemplate, ObjectProvider<GroqProperties> properties,
			GroqHealthProperties health, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<JsonMapper> jsonMapper, Environment environment) {
		GroqTemplateBuilder probe = GroqTemplate.builder().baseUrl(groqTemplate.getBaseUrl());
		GroqAutoConfiguration.applyApiKey(probe, properties.getIfAvailable(GroqProperties::new).getApiKey(), environment);
		probe.defaultModel(groqTemplate.getDefaultModel())
			.defaultServiceTier(groqTemplate.getDefaultServiceTier())
			.connectTimeout(health.getTimeout())
			.readTimeout(health.getTimeout())
			.callTimeout(health.getTimeout())
			.retry(RetrySettings.NONE)
			.maxConnections(2)
			.restClientBuilder(
					GroqAutoConfiguration.restClientBuilder(beanFactory, restClientBuilder, restClientCustomizers));
		jsonMapper.ifAvailable(probe::jsonMapper);
		return new GroqHealthIndicator(probe.build(), health.getTimeout(), health.getCacheTimeToLive());
	}

}
