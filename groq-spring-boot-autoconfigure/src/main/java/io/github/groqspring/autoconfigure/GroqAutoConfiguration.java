package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.GroqTemplateBuilder;
import io.github.groqspring.GroqTemplateBuilderCustomizer;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.http.BaseUrls;
import io.github.groqspring.observation.GroqObservationConvention;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitListener;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for {@link GroqTemplate}: built on Boot's {@link RestClient.Builder}
 * (so customizers and HTTP observations apply), Boot's HTTP client settings
 * ({@code spring.http.clients.*}, where {@code groq.*} leaves them unset), its
 * {@code ClientHttpRequestFactoryBuilder}, SSL bundles and the application's
 * {@link JsonMapper}, then the {@link GroqTemplateBuilderCustomizer} beans in order. A key,
 * base URL, SSL bundle or proxy the template refuses fails start-up with a
 * {@link GroqInvalidPropertyException}, which names the property and where it came from
 * without printing the secret.
 */
@AutoConfiguration(
		after = { RestClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, SslAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ RestClient.class, JsonMapper.class })
@EnableConfigurationProperties(GroqProperties.class)
public final class GroqAutoConfiguration {

	private static final String API_KEY_ACTION = "Set groq.api-key (or the GROQ_API_KEY environment variable) to "
			+ "the key exactly as https://console.groq.com/keys shows it: one line, without line breaks or other "
			+ "control characters.";

	private static final String BASE_URL_CREDENTIALS_ACTION = "Remove the user name and password from "
			+ "groq.base-url. Groq authenticates with groq.api-key (GROQ_API_KEY), sent as a bearer token; a proxy "
			+ "that needs credentials gets them from groq.proxy.username and groq.proxy.password.";

	private static final String BASE_URL_ACTION = "Set groq.base-url to Groq's URL (https://api.groq.com, the "
			+ "default) or to the http:// or https:// URL of an emulator or proxy.";

	@Bean
	@ConditionalOnMissingBean(GroqOperations.class)
	GroqTemplate groqTemplate(GroqProperties properties, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<GroqObservationConvention> observationConvention, ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<GroqTemplateBuilderCustomizer> customizers, ObjectProvider<RateLimitBudgetStore> budgetStore,
			ObjectProvider<RateLimitListener> rateLimitListener, Environment environment) {
		GroqProperties.Retry retry = properties.getRetry();
		GroqTemplateBuilder builder = GroqTemplate.builder();
		String baseUrl = properties.getBaseUrl();
		apply(() -> builder.baseUrl(baseUrl), "groq.base-url", BaseUrls.withoutUserInfo(baseUrl),
				isHttp(baseUrl) ? BASE_URL_CREDENTIALS_ACTION : BASE_URL_ACTION, environment);
		applyApiKey(builder, properties.getApiKey(), environment);
		builder.defaultModel(properties.getDefaultModel())
			.defaultServiceTier(properties.getDefaultServiceTier())
			.maxConnections(properties.getMaxConnections())
			.callTimeout(properties.getCallTimeout())
			.retry(new RetrySettings(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()))
			.flexFallbackTier(properties.getFlex().getFallbackTier())
			.rateLimiting(GroqRateLimitSettings.from(properties.getRateLimit(), budgetStore, rateLimitListener, environment))
			.streamIdleTimeout(properties.getStream().getIdleTimeout())
			.maxAudioUploadSize(properties.getAudio().getMaxUploadSize())
			.restClientBuilder(restClientBuilder(beanFactory, restClientBuilder, restClientCustomizers));
		jsonMapper.ifAvailable(builder::jsonMapper);
		observationRegistry.ifUnique(builder::observationRegistry);
		observationConvention.ifUnique(builder::observationConvention);
		builder.logContent(properties.getObservations().isLogContent());
		new GroqHttpClientSettings(environment).apply(builder, properties, httpClientSettings.getIfAvailable(),
				sslBundles.getIfAvailable(), requestFactoryBuilder.getIfAvailable());
		if (BaseUrls.isGroqCloud(properties.getBaseUrl()) && !hasText(properties.getApiKey())) {
			throw new GroqApiKeyMissingException(properties.getBaseUrl());
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConfigurationPropertiesBinding
	static ServiceTierConverter groqServiceTierConverter() {
		return new ServiceTierConverter();
	}

	/**
	 * The builder to derive Groq's client from. Boot's own {@code RestClient.Builder} bean
	 * is a prototype that builds a request factory (for HttpClient 5: a connection pool, the
	 * default {@code SSLContext}, the public suffix list) which {@link GroqTemplateBuilder}
	 * replaces with its own; when that bean is Boot's, the same builder is made without it:
	 * {@link RestClient#builder()} with the {@link RestClientCustomizer} beans applied in
	 * order, as Boot's {@code RestClientBuilderConfigurer} does. A builder or configurer the
	 * application defines itself is used as before.
	 */
	static RestClient.Builder restClientBuilder(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<RestClientCustomizer> customizers) {
		if (isOnlyBootsBean(beanFactory, RestClient.Builder.class)
				&& isOnlyBootsBean(beanFactory, RestClientBuilderConfigurer.class)) {
			RestClient.Builder builder = RestClient.builder();
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		}
		return restClientBuilder.getIfAvailable(RestClient::builder);
	}

	private static boolean isOnlyBootsBean(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
		String[] names = beanFactory.getBeanNamesForType(type, true, false);
		if (names.length != 1 || !beanFactory.containsBeanDefinition(names[0])) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(names[0]);
		MethodMetadata factoryMethod = (definition instanceof AnnotatedBeanDefinition annotated)
				? annotated.getFactoryMethodMetadata() : null;
		return factoryMethod != null
				&& RestClientAutoConfiguration.class.getName().equals(factoryMethod.getDeclaringClassName());
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Set the key on a builder, a bad one (a line break, a control character) failing
	 * start-up with the failure analysis for {@code groq.api-key}, never a raw stack trace:
	 * for the template, and for the health probe's own client.
	 */
	static void applyApiKey(GroqTemplateBuilder builder, @Nullable String apiKey, Environment environment) {
		apply(() -> builder.apiKey(apiKey), "groq.api-key", null, API_KEY_ACTION, environment);
	}

	/**
	 * Hand a secret-bearing property to the builder; what the builder refuses becomes a
	 * failure analysis naming the property and its origin, showing only {@code shownValue}.
	 */
	private static void apply(Runnable setter, String property, @Nullable String shownValue, String action,
			Environment environment) {
		try {
			setter.run();
		}
		catch (IllegalArgumentException ex) {
			throw new GroqInvalidPropertyException(property, shownValue, origin(environment, property),
					String.valueOf(ex.getMessage()), action);
		}
	}

	/** Where the environment's value of a property comes from, as Boot's binder would find it. */
	static @Nullable Origin origin(Environment environment, String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return found.getOrigin();
			}
		}
		return null;
	}

	private static boolean isHttp(String url) {
		String trimmed = url.trim();
		return trimmed.startsWith("http://") || trimmed.startsWith("https://");
	}

}
