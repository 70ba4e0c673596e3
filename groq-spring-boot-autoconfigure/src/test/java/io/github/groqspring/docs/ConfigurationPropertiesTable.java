package io.github.groqspring.docs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the properties of Spring Boot's configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}) as a Markdown table: one row per
 * property, sorted by name, with its type's simple name, its default, and its description
 * (the field's Javadoc) followed by the values its hint lists.
 */
final class ConfigurationPropertiesTable {

	static final String HEADER = "| property | type | default | description |\n|---|---|---|---|\n";

	/**
	 * What a description names and a reader would type, shown as code: property names,
	 * environment variables and the gsk_ prefix of Groq's keys.
	 */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.`-])((?:groq|management|spring|logging)"
			+ "\\.[a-z0-9][a-z0-9.-]*[a-z0-9]|[A-Z][A-Z0-9]*_[A-Z0-9_]*|gsk_)(?![\\w`])");

	private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

	private ConfigurationPropertiesTable() {
	}

	static String render(String metadataJson) {
		Metadata metadata = JsonMapper.builder().build().readValue(metadataJson, Metadata.class);
		Map<String, Hint> hints = metadata.hints().stream().collect(Collectors.toMap(Hint::name, Function.identity()));
		StringBuilder table = new StringBuilder(HEADER);
		metadata.properties()
			.stream()
			.sorted(Comparator.comparing(Property::name))
			.forEach((property) -> table.append("| `")
				.append(property.name())
				.append("` | ")
				.append(type(property.type()))
				.append(" | ")
				.append(defaultValue(property.defaultValue()))
				.append(" | ")
				.append(description(property, hints.get(property.name())))
				.append(" |\n"));
		return table.toString();
	}

	private static String type(@Nullable String type) {
		return (type != null) ? "`" + QUALIFIER.matcher(type).replaceAll("").replace('$', '.') + "`" : "";
	}

	private static String defaultValue(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof List<?> list)
				? list.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(value);
		return "`" + text + "`";
	}

	private static String description(Property property, @Nullable Hint hint) {
		StringBuilder text = new StringBuilder(markdown(property.description()));
		if (hint != null && !hint.values().isEmpty()) {
			boolean open = hint.providers().stream().anyMatch((provider) -> "any".equals(provider.name()));
			text.append(open ? " Suggested values: " : " Values: ")
				.append(hint.values().stream().map((value) -> "`" + value.value() + "`").collect(Collectors.joining(", ")))
				.append(open ? ", or any other." : ".");
		}
		Deprecation deprecation = property.deprecation();
		if (deprecation != null) {
			text.append(" **Deprecated**");
			if (deprecation.reason() != null) {
				String reason = markdown(deprecation.reason());
				text.append(": ").append(reason).append(reason.matches(".*[.!?]$") ? "" : ".");
			}
			if (deprecation.replacement() != null) {
				text.append(" Use `").append(deprecation.replacement()).append("` instead.");
			}
		}
		return text.toString().strip();
	}

	/** One line of table text: Markdown's special characters escaped, names as code. */
	private static String markdown(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String escaped = text.replaceAll("\\s+", " ")
			.strip()
			.replace("\\", "\\\\")
			.replace("|", "\\|")
			.replace("*", "\\*")
			.replace("<", "&lt;");
		return NAME.matcher(escaped).replaceAll("`$1`");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Metadata(List<Property> properties, List<Hint> hints) {

		Metadata {
			properties = (properties != null) ? properties : List.of();
			hints = (hints != null) ? hints : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Property(String name, @Nullable String type, @Nullable String description, @Nullable Object defaultValue,
			@Nullable Deprecation deprecation) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Deprecation(@Nullable String reason, @Nullable String replacement) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Hint(String name, List<Value> values, List<Provider> providers) {

		Hint {
			values = (values != null) ? values : List.of();
			providers = (providers != null) ? providers : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Value(Object value) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Provider(String name) {
	}

}
