package io.github.groqspring.architecturefixture.upper;

import java.time.Duration;

import io.github.groqspring.architecturefixture.lower.Lower;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.http.CallBudget;

/** A fixture for {@code ArchitectureRulesTests}: half of a package cycle, and a public internal type. */
public class Upper {

	final Lower lower = new Lower();

	public CallBudget budget() {
		return CallBudget.start(RetrySettings.NONE, Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

}
