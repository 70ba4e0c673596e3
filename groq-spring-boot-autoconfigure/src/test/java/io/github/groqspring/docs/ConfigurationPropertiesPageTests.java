package io.github.groqspring.docs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.groqspring.autoconfigure.GroqProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration-properties.md} in step with the configuration metadata
 * that the configuration processor writes from {@code GroqProperties},
 * {@code GroqHealthProperties} and {@code additional-spring-configuration-metadata.json}:
 * the table between the page's markers is rendered from the metadata and must match.
 * {@code -Dgroq.docs.write=true} rewrites it instead.
 */
class ConfigurationPropertiesPageTests {

	static final String BEGIN = "<!-- BEGIN properties table: generated from spring-configuration-metadata.json, do not edit -->";

	static final String END = "<!-- END properties table -->";

	static final String REGENERATE = "./mvnw -B -q test -pl groq-spring-boot-autoconfigure -am "
			+ "-Dtest=ConfigurationPropertiesPageTests -Dsurefire.failIfNoSpecifiedTests=false -Dgroq.docs.write=true";

	@Test
	void pageTableIsTheTableRenderedFromTheConfigurationMetadata() throws Exception {
		Path page = ProjectDirectory.root().resolve("docs/configuration-properties.md");
		String current = Files.readString(page);
		String expected = withTable(current, ConfigurationPropertiesTable.render(metadata()));
		if (Boolean.getBoolean("groq.docs.write")) {
			Files.writeString(page, expected);
			return;
		}
		assertThat(current).as("docs/configuration-properties.md differs from the configuration metadata (the Javadoc "
				+ "of GroqProperties and GroqHealthProperties, additional-spring-configuration-metadata.json). "
				+ "Regenerate it with: " + REGENERATE)
			.isEqualTo(expected);
	}

	@Test
	void everyPropertyHasADescription() throws Exception {
		String table = ConfigurationPropertiesTable.render(metadata());
		assertThat(table.lines().skip(2)).isNotEmpty()
			.allSatisfy((row) -> assertThat(row).as("a property without Javadoc").doesNotEndWith("|  |"));
	}

	@Test
	void renderWritesOneRowPerPropertyWithSimpleTypesDefaultsAndHints() {
		String metadata = """
				{"groups": [{"name": "groq", "type": "io.github.groqspring.autoconfigure.GroqProperties"}],
				 "properties": [
				  {"name": "groq.retry.max-retries", "type": "java.lang.Integer", "defaultValue": 2,
				   "description": "Retries after the first attempt, 0 or more; see groq.call-timeout."},
				  {"name": "groq.default-service-tier", "type": "io.github.groqspring.tier.ServiceTier",
				   "description": "Tier sent when none is chosen. Unset sends no service_tier | a pipe, *stars* and <tags>."},
				  {"name": "groq.default-model", "type": "java.lang.String", "description": "Model, read from GROQ_MODEL."},
				  {"name": "groq.old", "type": "java.util.List<java.lang.String>", "defaultValue": ["a", "b"],
				   "description": "Old.", "deprecation": {"reason": "Gone.", "replacement": "groq.new"}}],
				 "hints": [
				  {"name": "groq.default-service-tier", "values": [{"value": "flex", "description": "Best effort."},
				   {"value": "auto"}]},
				  {"name": "groq.default-model", "values": [{"value": "llama-3.1-8b-instant"}], "providers": [{"name": "any"}]}]}
				""";
		assertThat(ConfigurationPropertiesTable.render(metadata)).isEqualTo("""
				| property | type | default | description |
				|---|---|---|---|
				| `groq.default-model` | `String` |  | Model, read from `GROQ_MODEL`. Suggested values: `llama-3.1-8b-instant`, or any other. |
				| `groq.default-service-tier` | `ServiceTier` |  | Tier sent when none is chosen. Unset sends no service_tier \\| a pipe, \\*stars\\* and &lt;tags>. Values: `flex`, `auto`. |
				| `groq.old` | `List<String>` | `a, b` | Old. **Deprecated**: Gone. Use `groq.new` instead. |
				| `groq.retry.max-retries` | `Integer` | `2` | Retries after the first attempt, 0 or more; see `groq.call-timeout`. |
				""");
	}

	static String withTable(String page, String table) {
		int begin = page.indexOf(BEGIN);
		int end = page.indexOf(END);
		assertThat(begin).as("docs/configuration-properties.md has no line " + BEGIN).isNotNegative();
		assertThat(end).as("docs/configuration-properties.md has no line " + END + " after " + BEGIN)
			.isGreaterThan(begin);
		return page.substring(0, begin + BEGIN.length()) + "\n" + table + page.substring(end);
	}

	private static String metadata() throws IOException, URISyntaxException {
		Path classes = Path.of(GroqProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json"));
	}

}
