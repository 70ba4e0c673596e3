package io.github.groqspring.autoconfigure;

import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.health.GroqHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when the application fails to start on a bad Groq setting: the failure
 * analysis Spring Boot prints, read from the console exactly as it appears there.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysisTests {

	private static final String EMULATOR_URL = "--groq.base-url=http://127.0.0.1:9";

	/** The analysis of {@code --groq.api-key=gsk_x\r\nX-Evil: 1}. */
	private static final String LINE_BREAK_IN_THE_KEY = """
			Description:

			Invalid configuration property 'groq.api-key':

			    Property: groq.api-key
			    Value: (a secret, not shown)
			    Origin: "groq.api-key" from property source "commandLineArgs"
			    Reason: The Groq API key contains a control character (U+000D) at index 5; a key is one line of \
			printable characters (the key is not shown)

			Action:

			Set groq.api-key (or the GROQ_API_KEY environment variable) to the key exactly as \
			https://console.groq.com/keys shows it: one line, without line breaks or other control characters.""";

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			groq.connect-timeout       | 0     | groq.connect-timeout must be more than 0s, such as 5s
			groq.read-timeout          | -1s   | groq.read-timeout must be more than 0s, such as 60s
			groq.call-timeout          | 0s    | groq.call-timeout must be more than 0s, such as 3m
			groq.max-connections       | 0     | groq.max-connections must be at least 1, such as 64
			groq.retry.max-retries     | -1    | groq.retry.max-retries must be 0 (no retries) or more, such as 2
			groq.retry.initial-backoff | -1s   | groq.retry.initial-backoff must be 0s or more, such as 500ms
			groq.retry.max-backoff     | -8s   | groq.retry.max-backoff must be 0s or more, such as 8s
			groq.retry.max-retry-after | -60s  | groq.retry.max-retry-after must be 0s or more, such as 60s
			groq.stream.idle-timeout   | 0s    | groq.stream.idle-timeout must be more than 0s, such as 30s (unset, only groq.read-timeout applies)
			groq.flex.fallback-tier    | flex  | groq.flex.fallback-tier must not be flex itself: use on_demand, auto or performance
			groq.rate-limit.token-window | 0s  | groq.rate-limit.token-window must be more than 0s, such as 1m
			groq.rate-limit.request-window | -1d | groq.rate-limit.request-window must be more than 0s, such as 1d
			groq.rate-limit.estimator.chars-per-token | 0 | groq.rate-limit.estimator.chars-per-token must be more than 0, such as 4
			groq.rate-limit.estimator.completion-tokens | -1 | groq.rate-limit.estimator.completion-tokens must be 0 or more, such as 256
			groq.rate-limit.redis.timeout | 0ms | groq.rate-limit.redis.timeout must be more than 0s, such as 250ms
			groq.rate-limit.redis.retry-interval | 0s | groq.rate-limit.redis.retry-interval must be more than 0s, such as 5s
			groq.health.timeout        | 0s    | groq.health.timeout must be more than 0s, such as 3s
			groq.health.cache-time-to-live | -1s | groq.health.cache-time-to-live must be 0s or more, such as 60s (0s asks Groq on every check)
			""")
	void aValueOutOfRangeFailsStartUpNamingThePropertyItsValueItsOriginAndTheRange(String property, String value,
			String reason, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(EMULATOR_URL, "--" + property + "=" + value));

		String parent = property.substring(0, property.lastIndexOf('.'));
		String type = parent.equals("groq") ? "io.github.groqspring.autoconfigure.GroqProperties"
				: parent.equals("groq.health") ? "io.github.groqspring.autoconfigure.GroqHealthProperties"
				: "io.github.groqspring.autoconfigure.GroqProperties$"
						+ switch (parent) {
							case "groq.retry" -> "Retry";
							case "groq.stream" -> "Stream";
							case "groq.rate-limit" -> "RateLimit";
							case "groq.rate-limit.estimator" -> "Estimator";
							case "groq.rate-limit.redis" -> "Redis";
							default -> "Flex";
						};
		assertThat(analysis(output)).isEqualTo("""
				Description:

				Failed to bind properties under '%s' to %s:

				    Property: %s
				    Value: "%s"
				    Origin: "%s" from property source "commandLineArgs"
				    Reason: java.lang.IllegalArgumentException: %s

				Action:

				Update your application's configuration""".formatted(parent, type, property, value, property, reason));
	}

	@Test
	void aStoreOnRedisWithoutTheRedisModuleFailsStartUpSayingWhatToAdd(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(EMULATOR_URL, "--groq.rate-limit.store=redis"));

		assertThat(analysis(output)).isEqualTo("""
				Description:

				Invalid configuration property 'groq.rate-limit.store':

				    Property: groq.rate-limit.store
				    Value: "redis"
				    Origin: "groq.rate-limit.store" from property source "commandLineArgs"
				    Reason: groq.rate-limit.store is redis, but no Redis budget store exists

				Action:

				Add io.github.groqspring:groq-spring-boot-ratelimit-redis and a Redis connection (Spring Data Redis \
				with spring.data.redis.*, or a Lettuce RedisClient bean), or set groq.rate-limit.store=memory to keep \
				budgets in the JVM.""");
	}

	@Test
	void anUnknownStoreFailsStartUpNamingTheValidValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(EMULATOR_URL, "--groq.rate-limit.store=hazelcast"));

		assertThat(analysis(output)).contains("Property: groq.rate-limit.store", "Value: \"hazelcast\"")
			.endsWith("The following values are valid:\n\n    MEMORY\n    REDIS".replace("\n", System.lineSeparator()));
	}

	@Test
	void aKeyWithALineBreakFailsStartUpNamingThePropertyAndNotShowingTheKey(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(EMULATOR_URL, "--groq.api-key=gsk_x\r\nX-Evil: 1"));

		assertThat(analysis(output)).isEqualTo(LINE_BREAK_IN_THE_KEY);
		assertThat(output.getAll()).doesNotContain("X-Evil");
	}

	/**
	 * The health probe is the application's own template derived ({@code mutate()}), with
	 * that template's key: groq.api-key, which no template uses then, is not read, so its
	 * line break neither fails start-up nor shows anywhere.
	 */
	@Test
	void aKeyWithALineBreakThatNoTemplateUsesIsNotReadByTheHealthProbe(CapturedOutput output) {
		SpringApplication application = new SpringApplication(UserTemplateApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--groq.api-key=gsk_x\r\nX-Evil: 1")) {
			assertThat(context.getBean(GroqHealthIndicator.class)).isNotNull();
		}
		assertThat(output.getAll()).doesNotContain("X-Evil").doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void aKeyWithATabFromGroqApiKeyFailsStartUpNamingTheEnvironmentVariable(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("GROQ_API_KEY", "gsk_secret\tpart2")));

		assertThatException().isThrownBy(() -> run(environment));

		assertThat(analysis(output)).isEqualTo("""
				Description:

				Invalid configuration property 'groq.api-key':

				    Property: groq.api-key
				    Value: (a secret, not shown)
				    Origin: System Environment Property "GROQ_API_KEY"
				    Reason: The Groq API key contains a control character (U+0009) at index 10; a key is one line of \
				printable characters (the key is not shown)

				Action:

				Set groq.api-key (or the GROQ_API_KEY environment variable) to the key exactly as \
				https://console.groq.com/keys shows it: one line, without line breaks or other control characters.""");
		assertThat(output.getAll()).doesNotContain("gsk_secret").doesNotContain("part2");
	}

	@Test
	void credentialsInTheBaseUrlFailStartUpWithoutShowingThem(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--groq.base-url=http://user:s3cr3t-pass@127.0.0.1:8089", "--groq.api-key=gsk_x"));

		assertThat(analysis(output)).isEqualTo("""
				Description:

				Invalid configuration property 'groq.base-url':

				    Property: groq.base-url
				    Value: "http://******@127.0.0.1:8089"
				    Origin: "groq.base-url" from property source "commandLineArgs"
				    Reason: groq.base-url must not contain a user name or password (http://******@127.0.0.1:8089)

				Action:

				Remove the user name and password from groq.base-url. Groq authenticates with groq.api-key \
				(GROQ_API_KEY), sent as a bearer token; a proxy that needs credentials gets them from \
				groq.proxy.username and groq.proxy.password.""");
		assertThat(output.getAll()).doesNotContain("s3cr3t-pass");
	}

	@Test
	void aBaseUrlThatIsNotHttpFailsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--groq.base-url=ftp://files.example.com"));

		assertThat(analysis(output)).isEqualTo("""
				Description:

				Invalid configuration property 'groq.base-url':

				    Property: groq.base-url
				    Value: "ftp://files.example.com"
				    Origin: "groq.base-url" from property source "commandLineArgs"
				    Reason: groq.base-url must be an http:// or https:// URL such as https://api.groq.com, was \
				'ftp://files.example.com'

				Action:

				Set groq.base-url to Groq's URL (https://api.groq.com, the default) or to the http:// or https:// \
				URL of an emulator or proxy.""");
	}

	@Test
	void aProxyPasswordWithoutAUserNameFailsStartUpNamingItButNotShowingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(EMULATOR_URL, "--groq.proxy.host=proxy.corp.example",
				"--groq.proxy.port=3128", "--groq.proxy.password=pr0xy-s3cret"));

		assertThat(analysis(output)).isEqualTo("""
				Description:

				Invalid configuration property 'groq.proxy.password':

				    Property: groq.proxy.password
				    Value: (a secret, not shown)
				    Origin: "groq.proxy.password" from property source "commandLineArgs"
				    Reason: groq.proxy.username is not set

				Action:

				Set groq.proxy.host to the proxy's host name or address (such as proxy.corp.example) and \
				groq.proxy.port to its port; a proxy that asks for credentials gets groq.proxy.username and \
				groq.proxy.password.""");
		assertThat(output.getAll()).doesNotContain("pr0xy-s3cret");
	}

	@Test
	void anSslBundleThatIsNotConfiguredFailsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(EMULATOR_URL, "--groq.ssl.bundle=corporate"));

		assertThat(analysis(output)).isEqualTo("""
				Description:

				Invalid configuration property 'groq.ssl.bundle':

				    Property: groq.ssl.bundle
				    Value: "corporate"
				    Origin: "groq.ssl.bundle" from property source "commandLineArgs"
				    Reason: No SSL bundle is configured

				Action:

				Set groq.ssl.bundle to the name of a bundle configured under spring.ssl.bundle.jks.<name> or \
				spring.ssl.bundle.pem.<name>, or remove it to use spring.http.clients.ssl.bundle or the JVM's trust \
				store.""");
	}

	private static void run(String... args) {
		application().run(args);
	}

	private static void run(StandardEnvironment environment) {
		SpringApplication application = application();
		application.setEnvironment(environment);
		application.run(EMULATOR_URL);
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(GroqApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	/** The failure analysis as printed, from {@code Description:} to the end of its action. */
	private static String analysis(CapturedOutput output) {
		String all = output.getOut();
		int start = all.indexOf("Description:");
		assertThat(start).as("a failure analysis in:%n%s", all).isNotNegative();
		return all.substring(start).strip();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ GroqAutoConfiguration.class, GroqHealthContributorAutoConfiguration.class,
			RestClientAutoConfiguration.class, JacksonAutoConfiguration.class })
	static class GroqApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ GroqAutoConfiguration.class, GroqHealthContributorAutoConfiguration.class,
			RestClientAutoConfiguration.class, JacksonAutoConfiguration.class })
	static class UserTemplateApplication {

		@Bean
		GroqTemplate groqTemplate() {
			return GroqTemplate.builder().baseUrl("http://127.0.0.1:9").apiKey("gsk_theUsersOwnKey").build();
		}

	}

}
