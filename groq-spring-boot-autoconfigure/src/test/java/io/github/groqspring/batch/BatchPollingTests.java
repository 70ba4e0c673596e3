package io.github.groqspring.batch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchPollingTests {

	@Test
	void intervalDoublesUpToTheBound() {
		BatchPolling polling = new BatchPolling(Duration.ofSeconds(1), Duration.ofSeconds(5), null);
		assertThat(polling.next(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
		assertThat(polling.next(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
		assertThat(polling.next(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(5));
		assertThat(polling.next(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void defaultPollsFromOneToThirtySecondsWithoutTimeout() {
		assertThat(BatchPolling.DEFAULT)
			.isEqualTo(new BatchPolling(Duration.ofSeconds(1), Duration.ofSeconds(30), null));
		assertThat(BatchPolling.every(Duration.ofSeconds(3)).withTimeout(Duration.ofHours(1)))
			.isEqualTo(new BatchPolling(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofHours(1)));
	}

	@Test
	void refusesIntervalsThatAreNotPositiveOrOutOfOrder() {
		assertThatIllegalArgumentException().isThrownBy(() -> BatchPolling.every(Duration.ZERO))
			.withMessage("initialInterval must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BatchPolling(Duration.ofSeconds(5), Duration.ofSeconds(1), null))
			.withMessage("maxInterval (PT1S) must not be shorter than initialInterval (PT5S)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BatchPolling.every(Duration.ofSeconds(1)).withTimeout(Duration.ofSeconds(-1)))
			.withMessage("timeout must be positive, was PT-1S");
	}

}
