package io.github.groqspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing API key at start-up and says how to set one, or how to run offline.
 */
class GroqApiKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<GroqApiKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GroqApiKeyMissingException cause) {
		return new FailureAnalysis(
				"No Groq API key is configured, and groq.base-url is Groq's cloud (" + cause.getBaseUrl() + ").",
				"Set the GROQ_API_KEY environment variable or the groq.api-key property to a key from "
						+ "https://console.groq.com/keys. To run without Groq, point groq.base-url at a local "
						+ "emulator (see groq-spring-boot-test's GroqEmulator).",
				cause);
	}

}
