package io.github.groqspring.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The extension registered in a static field: one emulator for the class, started at its
 * first use (here by a field initializer), reset after each test with its settings applied
 * again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroqEmulatorExtensionPerClassTests {

	static final String KEY = "gsk_extension_settings_key_01";

	@RegisterExtension
	static final GroqEmulatorExtension groq = new GroqEmulatorExtension()
		.configure((emulator) -> emulator.requireApiKey(KEY));

	static GroqEmulator first;

	private final String baseUrl = groq.baseUrl();

	@Test
	@Order(1)
	void aFieldInitializerStartsTheEmulatorAndItsSettingsApply() throws Exception {
		first = groq.emulator();
		assertThat(this.baseUrl).isEqualTo(first.baseUrl());
		assertThat(GroqEmulatorExtensionTests.send(first, "{\"model\":\"llama-3.1-8b-instant\",\"messages\":"
				+ "[{\"role\":\"user\",\"content\":\"x\"}]}").statusCode()).isEqualTo(401);
		first.onChat().thenReply("scripted");
	}

	@Test
	@Order(2)
	void theSameEmulatorServesTheNextTestResetButWithItsSettingsAppliedAgain() throws Exception {
		assertThat(groq.emulator()).isSameAs(first);
		assertThat(first.requests()).isEmpty();
		assertThat(GroqEmulatorExtensionTests.send(first, "{\"model\":\"llama-3.1-8b-instant\",\"messages\":"
				+ "[{\"role\":\"user\",\"content\":\"x\"}]}").statusCode()).isEqualTo(401);
	}

	@Test
	@Order(3)
	void configuringAStartedEmulatorIsRefused() {
		groq.emulator();
		assertThatIllegalStateException()
			.isThrownBy(() -> groq.configure((emulator) -> emulator.requireApiKey(null)))
			.withMessage("The emulator has started: configure the extension where it is declared");
	}

}
