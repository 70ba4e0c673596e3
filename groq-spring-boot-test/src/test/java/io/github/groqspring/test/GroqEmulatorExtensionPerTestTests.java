package io.github.groqspring.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The extension registered in an instance field: a fresh emulator for each test, closed
 * after it.
 */
class GroqEmulatorExtensionPerTestTests {

	static final Set<GroqEmulator> seen = ConcurrentHashMap.newKeySet();

	@RegisterExtension
	final GroqEmulatorExtension groq = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.groq.emulator();

	@AfterAll
	static void everyTestHadItsOwnEmulatorAndEachIsClosed() {
		assertThat(seen).hasSize(3);
		for (GroqEmulator closed : seen) {
			assertThatException().isThrownBy(() -> GroqEmulatorExtensionTests.post(closed, "after its test"));
		}
	}

	@RepeatedTest(3)
	void eachTestGetsAFreshEmulator() throws Exception {
		assertThat(seen.add(this.emulator)).isTrue();
		assertThat(this.emulator.requests()).isEmpty();
		assertThat(GroqEmulatorExtensionTests.post(this.emulator, "Hello")).contains("Emulated reply to: Hello");
	}

}
