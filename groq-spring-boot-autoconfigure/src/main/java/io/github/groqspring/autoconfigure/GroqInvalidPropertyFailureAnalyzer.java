package io.github.groqspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link GroqInvalidPropertyException} in the layout of Spring Boot's binding
 * failure analysis (property, value, origin, reason), with the value masked or not shown.
 */
class GroqInvalidPropertyFailureAnalyzer extends AbstractFailureAnalyzer<GroqInvalidPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GroqInvalidPropertyException cause) {
		String value = (cause.getShownValue() != null) ? "\"" + cause.getShownValue() + "\"" : "(a secret, not shown)";
		String description = String.format("Invalid configuration property '%s':%n%n    Property: %s%n    Value: %s%n"
				+ "    Origin: %s%n    Reason: %s", cause.getProperty(), cause.getProperty(), value,
				(cause.getOrigin() != null) ? cause.getOrigin() : "unknown", cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
