package io.github.groqspring.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Groq's rules for its extra request fields (API reference): {@code documents} (each
 * {@code source} of type {@code text} with {@code text}, or {@code json} with {@code data};
 * an optional string {@code id}), {@code search_settings} (country, include/exclude
 * domains, include_images) and {@code compound_custom} (models, enabled tools, Wolfram
 * settings), all objects without unknown properties. Wording: Groq's validation shape.
 */
final class ExtrasValidator {

	private static final Set<String> SEARCH_SETTINGS = new LinkedHashSet<>(
			List.of("country", "exclude_domains", "include_domains", "include_images"));

	/** The compound tool ids of the built-in tools docs. */
	private static final Set<String> COMPOUND_TOOLS = new LinkedHashSet<>(
			List.of("web_search", "code_interpreter", "visit_website", "browser_automation", "wolfram_alpha"));

	private ExtrasValidator() {
	}

	static @Nullable String problem(JsonNode body) {
		return Problems.firstOf(documents(body.get("documents")), searchSettings(body.get("search_settings")),
				compoundCustom(body.get("compound_custom")));
	}

	private static @Nullable String documents(@Nullable JsonNode documents) {
		if (documents == null || documents.isNull()) {
			return null;
		}
		if (!documents.isArray()) {
			return "'documents' : value must be an array";
		}
		for (int i = 0; i < documents.size(); i++) {
			String path = "documents." + i;
			JsonNode document = documents.get(i);
			String problem = Problems.properties(document, path, Set.of("id", "source"));
			if (problem != null) {
				return problem;
			}
			JsonNode id = document.get("id");
			if (id != null && !id.isNull() && !id.isString()) {
				return "'" + path + ".id' : value must be a string";
			}
			JsonNode source = document.get("source");
			if (source == null || source.isNull()) {
				return "'" + path + ".source' : property 'source' is missing";
			}
			String type = source.path("type").asString("");
			if (type.equals("text")) {
				problem = Problems.firstOf(Problems.properties(source, path + ".source", Set.of("type", "text")),
						source.path("text").isString() ? null
								: "'" + path + ".source.text' : property 'text' is missing");
			}
			else if (type.equals("json")) {
				problem = Problems.firstOf(Problems.properties(source, path + ".source", Set.of("type", "data")),
						source.path("data").isObject() ? null
								: "'" + path + ".source.data' : property 'data' is missing");
			}
			else {
				problem = "'" + path + ".source.type' : value must be one of [text json]";
			}
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static @Nullable String searchSettings(@Nullable JsonNode settings) {
		if (settings == null || settings.isNull()) {
			return null;
		}
		String problem = Problems.properties(settings, "search_settings", SEARCH_SETTINGS);
		if (problem != null) {
			return problem;
		}
		for (String name : List.of("include_domains", "exclude_domains")) {
			JsonNode domains = settings.get(name);
			if (domains != null && !domains.isNull() && !strings(domains)) {
				return "'search_settings." + name + "' : value must be an array of strings";
			}
		}
		JsonNode country = settings.get("country");
		if (country != null && !country.isNull() && !country.isString()) {
			return "'search_settings.country' : value must be a string";
		}
		JsonNode images = settings.get("include_images");
		return (images == null || images.isNull() || images.isBoolean()) ? null
				: "'search_settings.include_images' : value must be a boolean";
	}

	private static @Nullable String compoundCustom(@Nullable JsonNode compound) {
		if (compound == null || compound.isNull()) {
			return null;
		}
		String problem = Problems.properties(compound, "compound_custom", Set.of("models", "tools"));
		if (problem == null && compound.hasNonNull("models")) {
			problem = Problems.properties(compound.get("models"), "compound_custom.models",
					Set.of("reasoning_model", "answering_model"));
		}
		if (problem == null && compound.hasNonNull("tools")) {
			JsonNode tools = compound.get("tools");
			problem = Problems.properties(tools, "compound_custom.tools", Set.of("enabled_tools", "wolfram_settings"));
			JsonNode enabled = tools.get("enabled_tools");
			if (problem == null && enabled != null && !enabled.isNull()) {
				if (!strings(enabled)) {
					return "'compound_custom.tools.enabled_tools' : value must be an array of strings";
				}
				for (int i = 0; i < enabled.size(); i++) {
					if (!COMPOUND_TOOLS.contains(enabled.get(i).asString())) {
						return "'compound_custom.tools.enabled_tools." + i + "' : value must be one of "
								+ Problems.list(COMPOUND_TOOLS);
					}
				}
			}
		}
		return problem;
	}

	private static boolean strings(JsonNode array) {
		if (!array.isArray()) {
			return false;
		}
		for (JsonNode item : array) {
			if (!item.isString()) {
				return false;
			}
		}
		return true;
	}

}
