package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.GroqTemplateBuilder;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.observation.GroqObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for {@link GroqTemplate}: built on Boot's {@link RestClient.Builder}
 * (so customizers and HTTP observations apply) and the application's {@link JsonMapper}.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ RestClient.class, JsonMapper.class })
@EnableConfigurationProperties(GroqProperties.class)
public final class GroqAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(GroqOperations.class)
	GroqTemplate groqTemplate(GroqProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<GroqObservationConvention> observationConvention) {
		GroqProperties.Retry retry = properties.getRetry();
		GroqTemplateBuilder builder = GroqTemplate.builder()
			.baseUrl(properties.getBaseUrl())
			.apiKey(properties.getApiKey())
			.defaultModel(properties.getDefaultModel())
			.defaultServiceTier(properties.getDefaultServiceTier())
			.connectTimeout(properties.getConnectTimeout())
			.readTimeout(properties.getReadTimeout())
			.maxConnections(properties.getMaxConnections())
			.callTimeout(properties.getCallTimeout())
			.retry(new RetrySettings(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()))
			.flexFallbackTier(properties.getFlex().getFallbackTier())
			.rateLimitWait(properties.getRateLimit().isWait())
			.streamIdleTimeout(properties.getStream().getIdleTimeout())
			.restClientBuilder(restClientBuilder.getIfAvailable(RestClient::builder));
		jsonMapper.ifAvailable(builder::jsonMapper);
		observationRegistry.ifUnique(builder::observationRegistry);
		observationConvention.ifUnique(builder::observationConvention);
		builder.logContent(properties.getObservations().isLogContent());
		if (GroqTemplateBuilder.isGroqCloud(properties.getBaseUrl()) && !hasText(properties.getApiKey())) {
			throw new GroqApiKeyMissingException(properties.getBaseUrl());
		}
		return builder.build();
	}

	@Bean
	@ConfigurationPropertiesBinding
	static ServiceTierConverter groqServiceTierConverter() {
		return new ServiceTierConverter();
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
