package io.github.groqspring;

/**
 * Customizes the {@link GroqTemplateBuilder} the auto-configuration builds its
 * {@link GroqTemplate} bean with, after the {@code groq.*} properties and Boot's HTTP client
 * settings are applied, so what a customizer sets wins. Every bean of this type is applied,
 * in {@link org.springframework.core.Ordered} / {@link org.springframework.core.annotation.Order
 * @Order} order (as {@code RestClientCustomizer}s are); none is applied when the application
 * defines its own {@code GroqOperations} bean. The health probe is derived from the
 * template built, so what a customizer sets (a key, TLS, a proxy) reaches it too.
 *
 * <p>The start-up check that Groq's cloud gets an API key reads {@code groq.api-key} before
 * the customizers run: supply a key from a secrets store as that property (a property
 * source), not from a customizer.
 *
 * <pre>{@code
 * @Bean
 * GroqTemplateBuilderCustomizer groqRetries() {
 *     return (builder) -> builder.retry(new RetrySettings(4, Duration.ofSeconds(1), Duration.ofSeconds(16),
 *             Duration.ofSeconds(60)));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface GroqTemplateBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, with the properties applied
	 */
	void customize(GroqTemplateBuilder builder);

}
