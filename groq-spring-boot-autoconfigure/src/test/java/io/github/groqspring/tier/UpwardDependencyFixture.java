package io.github.groqspring.tier;

import io.github.groqspring.GroqTemplate;

/** A fixture for {@code ArchitectureRulesTests}: the bottom layer using the top of the API. */
final class UpwardDependencyFixture {

	private UpwardDependencyFixture() {
	}

	static String baseUrl(GroqTemplate template) {
		return template.getBaseUrl();
	}

}
