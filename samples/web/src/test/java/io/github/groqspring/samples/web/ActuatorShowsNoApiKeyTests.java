package io.github.groqspring.samples.web;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator who opens {@code /actuator/env} and {@code /actuator/configprops} with values
 * shown sees every setting but the Groq key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "groq.emulator.enabled=false", "groq.api-key=" + ActuatorShowsNoApiKeyTests.KEY,
				"spring.ai.openai.api-key=${groq.api-key}", "app.upstream=calls Groq with " + ActuatorShowsNoApiKeyTests.KEY,
				"management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@ExtendWith(GroqEmulatorExtension.class)
class ActuatorShowsNoApiKeyTests {

	static final String KEY = "gsk_webSampleOperatorMustNotSee42";

	static GroqEmulator emulator;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void groq(DynamicPropertyRegistry registry) {
		registry.add("groq.base-url", emulator::baseUrl);
	}

	@Test
	void envShowsTheKeyMaskedAndOtherValuesAsTheyAre() {
		String body = get("/actuator/env/groq.api-key");
		JsonNode property = json.readTree(body).get("property");
		assertThat(property.get("source").asString()).isEqualTo("Inlined Test Properties");
		assertThat(property.get("value").asString()).isEqualTo("******");
		assertThat(body).doesNotContain(KEY);
		assertThat(json.readTree(get("/actuator/env/digest.tier")).get("property").get("value").asString())
			.isEqualTo("flex");
		assertThat(get("/actuator/env")).doesNotContain(KEY).contains("\"groq.api-key\":{\"value\":\"******\"");
	}

	@Test
	void envMasksTheKeyInsideOtherPropertiesByValue() {
		assertThat(json.readTree(get("/actuator/env/spring.ai.openai.api-key")).get("property").get("value").asString())
			.isEqualTo("******");
		assertThat(json.readTree(get("/actuator/env/app.upstream")).get("property").get("value").asString())
			.isEqualTo("calls Groq with ******");
	}

	@Test
	void configpropsShowsTheBoundKeyAndItsInputMasked() {
		String body = get("/actuator/configprops/groq");
		JsonNode groq = json.readTree(body)
			.get("contexts")
			.get("groq-web-sample")
			.get("beans")
			.get("groq-io.github.groqspring.autoconfigure.GroqProperties");
		assertThat(groq.get("properties").get("apiKey").asString()).isEqualTo("******");
		assertThat(groq.get("properties").get("defaultModel").asString()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(groq.get("inputs").get("apiKey").get("value").asString()).isEqualTo("******");
		assertThat(groq.get("inputs").get("apiKey").get("origin").asString())
			.isEqualTo("\"groq.api-key\" from property source \"Inlined Test Properties\"");
		assertThat(body).doesNotContain(KEY);
	}

	private String get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve().body(String.class);
	}

}
