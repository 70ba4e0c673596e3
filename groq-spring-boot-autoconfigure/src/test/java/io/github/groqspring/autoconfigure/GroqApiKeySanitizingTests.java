package io.github.groqspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentEntryDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertyValueDescriptor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code show-values=always}, {@code /actuator/env} and {@code /actuator/configprops}
 * print every value as it is, unless a {@code SanitizingFunction} masks it: the starter's
 * hides {@code groq.api-key} and {@code GROQ_API_KEY}, masks the key inside any other value,
 * and leaves everything else as it is.
 */
@ExtendWith(GroqEmulatorExtension.class)
class GroqApiKeySanitizingTests {

	private static final String KEY = "gsk_shownOnTheActuator2024";

	static GroqEmulator emulator;

	/** The starter's auto-configurations as the application would load them, with the actuator's endpoints. */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(groqAutoConfigurations()))
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				RestClientAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always",
				"management.endpoints.web.exposure.include=env,configprops", "groq.base-url=" + emulator.baseUrl(),
				"groq.default-model=llama-3.3-70b-versatile", "app.greeting=hello");

	@Test
	void envEndpointMasksGroqApiKeyAndShowsEverythingElse() {
		this.runner.withPropertyValues("groq.api-key=" + KEY).run((context) -> {
			EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);

			EnvironmentEntryDescriptor entry = env.environmentEntry("groq.api-key");
			assertThat(entry.getProperty().getSource()).isEqualTo("test");
			assertThat(entry.getProperty().getValue()).isEqualTo("******");
			assertThat(entry.getPropertySources()).filteredOn((source) -> source.getProperty() != null)
				.extracting((source) -> source.getName() + "=" + source.getProperty().getValue())
				.containsExactly("test=******");
			assertThat(values(env, "groq.api-key")).containsExactly("******");
			assertThat(values(env, "groq.default-model")).containsExactly("llama-3.3-70b-versatile");
			assertThat(env.environmentEntry("app.greeting").getProperty().getValue()).isEqualTo("hello");
		});
	}

	@Test
	void envEndpointMasksTheGroqApiKeyEnvironmentVariable() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("GROQ_API_KEY", KEY, "GROQ_APIKEY", KEY, "HOME", "/home/app"))))
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(values(env, "GROQ_API_KEY")).containsExactly("******");
				assertThat(values(env, "GROQ_APIKEY")).containsExactly("******");
				assertThat(values(env, "HOME")).containsExactly("/home/app");
				assertThat(env.environmentEntry("groq.api-key").getProperty().getValue()).isEqualTo("******");
				assertThat(context.getBean(GroqProperties.class).getApiKey()).isEqualTo(KEY);
			});
	}

	@Test
	void envEndpointMasksTheKeyInsideOtherValuesToo() {
		String other = "gsk_notTheConfiguredOne99";
		this.runner.withPropertyValues("groq.api-key=" + KEY, "spring.ai.openai.api-key=" + KEY,
				"spring.ai.openai.base-url=https://api.groq.com/openai", "other.client.token=" + other)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("jvm",
						Map.of("sun.java.command", "app.jar --groq.api-key=" + KEY + " --server.port=8080"))))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("SPRING_APPLICATION_JSON", "{\"groq\":{\"api-key\":\"" + KEY + "\"}}", "JAVA_TOOL_OPTIONS",
								"-Dgroq.api-key=" + other + " -Xmx1g"))))
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(env.environmentEntry("sun.java.command").getProperty().getValue())
					.isEqualTo("app.jar --groq.api-key=****** --server.port=8080");
				assertThat(values(env, "SPRING_APPLICATION_JSON")).containsExactly("{\"groq\":{\"api-key\":\"******\"}}");
				assertThat(values(env, "JAVA_TOOL_OPTIONS")).containsExactly("-Dgroq.api-key=gsk_****** -Xmx1g");
				assertThat(values(env, "spring.ai.openai.api-key")).containsExactly("******");
				assertThat(values(env, "other.client.token")).containsExactly("gsk_******");
				assertThat(values(env, "spring.ai.openai.base-url")).containsExactly("https://api.groq.com/openai");
				assertThat(values(env, "app.greeting")).containsExactly("hello");
			});
	}

	@Test
	void envEndpointMasksTheKeyOfAProxyThatIsNotShapedLikeGroqs() {
		String proxyKey = "proxy-secret-31337-abcdef";
		this.runner.withPropertyValues("groq.api-key=" + proxyKey, "spring.ai.openai.api-key=" + proxyKey,
				"app.note=uses " + proxyKey + " upstream")
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(values(env, "groq.api-key")).containsExactly("******");
				assertThat(values(env, "spring.ai.openai.api-key")).containsExactly("******");
				assertThat(values(env, "app.note")).containsExactly("uses ****** upstream");
			});
	}

	@Test
	void envEndpointMasksAShortProxyKeyWhereItIsAWholeToken() {
		this.runner.withPropertyValues("groq.api-key=sk-123", "spring.ai.openai.api-key=sk-123",
				"app.note=sk-123 upstream, sk-1234 elsewhere")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("jvm",
						Map.of("sun.java.command", "app.jar --groq.api-key=sk-123 --server.port=8080"))))
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(values(env, "groq.api-key")).containsExactly("******");
				assertThat(values(env, "spring.ai.openai.api-key")).containsExactly("******");
				assertThat(values(env, "app.note")).containsExactly("****** upstream, sk-1234 elsewhere");
				assertThat(env.environmentEntry("sun.java.command").getProperty().getValue())
					.isEqualTo("app.jar --groq.api-key=****** --server.port=8080");
			});
	}

	@Test
	void envEndpointHidesTheKeyUnderItsRelaxedNames() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("relaxed", Map.of("groq.apiKey", "not-the-same-key-at-all",
						"GROQ_APIKEY", "another-spelling-value", "groq.api-key-hint", "see the vault"))))
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(values(env, "groq.apiKey")).containsExactly("******");
				assertThat(values(env, "GROQ_APIKEY")).containsExactly("******");
				assertThat(values(env, "groq.api-key-hint")).containsExactly("see the vault");
			});
	}

	@Test
	void configpropsEndpointMasksTheBoundKeyAndItsInput() {
		this.runner.withPropertyValues("groq.api-key=" + KEY).run((context) -> {
			ConfigurationPropertiesBeanDescriptor groq = groqProperties(context);
			assertThat(groq.getPrefix()).isEqualTo("groq");
			assertThat(groq.getProperties()).containsEntry("apiKey", "******")
				.containsEntry("defaultModel", "llama-3.3-70b-versatile")
				.containsEntry("baseUrl", emulator.baseUrl());
			assertThat(groq.getInputs().get("apiKey"))
				.isEqualTo(Map.of("value", "******", "origin", "\"groq.api-key\" from property source \"test\""));
			assertThat(groq.getInputs().get("defaultModel")).isEqualTo(Map.of("value", "llama-3.3-70b-versatile",
					"origin", "\"groq.default-model\" from property source \"test\""));
		});
	}

	@Test
	void bothEndpointsMaskTheProxyPasswordAndShowTheRestOfTheProxy() {
		this.runner
			.withPropertyValues("groq.proxy.host=proxy.corp.example", "groq.proxy.port=3128",
					"groq.proxy.username=groq-user", "groq.proxy.password=pr0xy-s3cret")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("GROQ_PROXY_PASSWORD", "pr0xy-s3cret"))))
			.run((context) -> {
				EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
				assertThat(values(env, "groq.proxy.password")).containsExactly("******");
				assertThat(values(env, "GROQ_PROXY_PASSWORD")).containsExactly("******");
				assertThat(values(env, "groq.proxy.username")).containsExactly("groq-user");
				ConfigurationPropertiesBeanDescriptor groq = groqProperties(context);
				assertThat(groq.getProperties().get("proxy")).isEqualTo(Map.of("host", "proxy.corp.example", "port",
						3128, "username", "groq-user", "password", "******"));
				assertThat(String.valueOf(groq.getInputs())).doesNotContain("pr0xy-s3cret");
			});
	}

	@Test
	void withoutTheActuatorTheApplicationStillStarts() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(groqAutoConfigurations()))
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("groq.base-url=" + emulator.baseUrl())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("groqApiKeySanitizingFunction"));
	}

	private static List<Object> values(EnvironmentEndpoint env, String name) {
		List<Object> values = new ArrayList<>();
		for (PropertySourceDescriptor source : env.environment(null).getPropertySources()) {
			PropertyValueDescriptor value = source.getProperties().get(name);
			if (value != null) {
				values.add(value.getValue());
			}
		}
		return values;
	}

	private static Class<?>[] groqAutoConfigurations() {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : ImportCandidates.load(AutoConfiguration.class, GroqApiKeySanitizingTests.class.getClassLoader())) {
			if (name.startsWith("io.github.groqspring.")) {
				try {
					classes.add(Class.forName(name));
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return classes.toArray(Class<?>[]::new);
	}

	/** The configprops endpoint's report of GroqProperties. */
	private static ConfigurationPropertiesBeanDescriptor groqProperties(ApplicationContext context) {
		return context.getBean(ConfigurationPropertiesReportEndpoint.class)
			.configurationPropertiesWithPrefix("groq")
			.getContexts()
			.values()
			.iterator()
			.next()
			.getBeans()
			.get("groq-io.github.groqspring.autoconfigure.GroqProperties");
	}

}
