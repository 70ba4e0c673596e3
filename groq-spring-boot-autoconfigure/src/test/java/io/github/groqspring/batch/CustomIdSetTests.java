package io.github.groqspring.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CustomIdSetTests {

	@TempDir
	Path directory;

	@Test
	void idsThatShareAFingerprintAreStillTellApartByTheFile() throws Exception {
		Path file = this.directory.resolve("ids");
		try (CustomIdSet ids = new CustomIdSet(file, (id) -> 42)) {
			assertThat(ids.add("alpha")).isZero();
			assertThat(ids.add("beta")).isZero();
			assertThat(ids.add("gamma")).isZero();
			assertThat(ids.add("beta")).isEqualTo(2);
			assertThat(ids.add("alpha")).isEqualTo(1);
			assertThat(ids.add("delta")).isZero();
			assertThat(ids.add("delta")).isEqualTo(4);
		}
		assertThat(file).doesNotExist();
	}

	@Test
	void aHundredThousandIdsAreCheckedExactlyInEightBytesASlot() throws Exception {
		try (CustomIdSet ids = new CustomIdSet(this.directory.resolve("ids"))) {
			for (int i = 1; i <= 100_000; i++) {
				assertThat(ids.add("request-" + i)).isZero();
			}
			assertThat(ids.add("request-1")).isEqualTo(1);
			assertThat(ids.add("request-99999")).isEqualTo(99_999);
			assertThat(ids.add("request-100000")).isEqualTo(100_000);
			assertThat(ids.capacity()).as("at most three quarters full").isEqualTo(1 << 18);
			assertThat(Files.size(this.directory.resolve("ids"))).isPositive();
		}
	}

	@Test
	void idsAreComparedAsTheirCharactersNotTheirFingerprintsAlone() throws Exception {
		try (CustomIdSet ids = new CustomIdSet(this.directory.resolve("ids"), (id) -> id.length())) {
			assertThat(ids.add("ab")).isZero();
			assertThat(ids.add("ba")).isZero();
			assertThat(ids.add("é")).isZero();
			assertThat(ids.add("e")).isZero();
			assertThat(ids.add("é")).isEqualTo(3);
		}
	}

}
