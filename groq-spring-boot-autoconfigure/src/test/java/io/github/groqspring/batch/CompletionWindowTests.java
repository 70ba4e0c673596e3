package io.github.groqspring.batch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CompletionWindowTests {

	@Test
	void writesWholeDaysAsDaysAndTheRestAsHours() {
		assertThat(CompletionWindow.of(Duration.ofHours(24)).wireValue()).isEqualTo("24h");
		assertThat(CompletionWindow.of(Duration.ofHours(36)).wireValue()).isEqualTo("36h");
		assertThat(CompletionWindow.of(Duration.ofDays(2)).wireValue()).isEqualTo("2d");
		assertThat(CompletionWindow.of(Duration.ofDays(7)).wireValue()).isEqualTo("7d");
		assertThat(CompletionWindow.HOURS_24).hasToString("24h");
		assertThat(CompletionWindow.DAYS_7.duration()).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void parseKeepsTheCallersSpelling() {
		assertThat(CompletionWindow.parse("48h")).isEqualTo(new CompletionWindow(Duration.ofDays(2), "48h"));
		assertThat(CompletionWindow.parse(" 7D ").wireValue()).isEqualTo("7d");
	}

	@Test
	void refusesWindowsOutside24HoursTo7Days() {
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionWindow.of(Duration.ofHours(23)))
			.withMessage("A batch completion_window must be from 24h to 7d, was 23h");
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionWindow.parse("8d"))
			.withMessage("A batch completion_window must be from 24h to 7d, was 8d");
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionWindow.parse("169h"))
			.withMessage("A batch completion_window must be from 24h to 7d, was 169h");
	}

	@Test
	void refusesWhatIsNotWholeHoursOrDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionWindow.of(Duration.ofMinutes(24 * 60 + 30)))
			.withMessage("A batch completion_window must be whole hours, was PT24H30M");
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionWindow.parse("1w"))
			.withMessage("A batch completion_window is hours or days such as 24h or 7d, was '1w'");
		assertThatIllegalArgumentException().isThrownBy(() -> new CompletionWindow(Duration.ofHours(30), "2d"))
			.withMessage("completion_window '2d' is not PT30H");
	}

	@Test
	void batchOptionsDefaultToTwentyFourHoursWithoutMetadata() {
		BatchOptions options = BatchOptions.defaults();
		assertThat(options.completionWindow()).isEqualTo(CompletionWindow.HOURS_24);
		assertThat(options.metadata()).isEmpty();
		BatchOptions changed = options.withCompletionWindow("7d").withMetadata("job", "nightly");
		assertThat(changed.completionWindow().wireValue()).isEqualTo("7d");
		assertThat(changed.metadata()).containsExactly(org.assertj.core.api.Assertions.entry("job", "nightly"));
		assertThat(options.metadata()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> options.withCompletionWindow(Duration.ofHours(12)))
			.withMessage("A batch completion_window must be from 24h to 7d, was 12h");
	}

}
