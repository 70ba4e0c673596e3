package io.github.groqspring.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroqCallOutcomeTests {

	private static final Pattern VALUE = Pattern.compile("`([A-Z_]+)`");

	@Test
	void theObservabilityPageListsEveryOutcomeAMeterOrSpanCanCarry() throws IOException {
		String outcomeRow = Files.readAllLines(Path.of("../docs/observability.md"))
			.stream()
			.filter((line) -> line.startsWith("| `outcome` |"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("docs/observability.md has no row for the outcome key"));
		Matcher values = VALUE.matcher(outcomeRow);
		List<String> documented = values.results().map((result) -> result.group(1)).toList();
		assertThat(documented).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(GroqCallOutcome.values()).map(GroqCallOutcome::name).toList());
	}

}
