package io.github.groqspring.observation;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.observation.GroqContentLogger;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ContentLoggingTests {

	private static final String KEY = "gsk_content_logging_secret_4242";

	private static final String OTHER_KEY = "gsk_pastedByAUser123";

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	@BeforeEach
	void traceEverything() {
		this.logging.setLogLevel("io.github.groqspring", LogLevel.TRACE);
		this.logging.setLogLevel("org.springframework", LogLevel.TRACE);
	}

	@AfterEach
	void restore() {
		this.logging.setLogLevel("io.github.groqspring", null);
		this.logging.setLogLevel("org.springframework", null);
	}

	@Test
	void promptsAndCompletionsAreNotLoggedByDefault(CapturedOutput output) throws Exception {
		try (GroqTemplate groq = template(false)) {
			groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").system("Be brief").user("The secret plan"));
		}
		assertThat(output.getAll()).isNotEmpty()
			.doesNotContain("The secret plan")
			.doesNotContain("Be brief")
			.doesNotContain(KEY);
	}

	@Test
	void logContentLogsPromptAndCompletionAtDebugWithKeysMasked(CapturedOutput output) throws Exception {
		try (GroqTemplate groq = template(true)) {
			groq.chat(ChatRequest.builder("llama-3.3-70b-versatile")
				.serviceTier(ServiceTier.FLEX)
				.system("Be brief")
				.user("My keys are " + KEY + " and " + OTHER_KEY));
		}
		assertThat(output.getAll()).contains(
				"Groq chat request to llama-3.3-70b-versatile (tier flex): [system] Be brief [user] My keys are "
						+ "****** and gsk_******")
			.contains("Groq chat completion from llama-3.3-70b-versatile (tier flex, request "
					+ this.emulator.lastRequest().requestId() + "): Emulated reply to: My keys are ****** and gsk_******")
			.doesNotContain(KEY)
			.doesNotContain(OTHER_KEY);
		assertThat(this.emulator.lastRequest().bodyText()).contains(KEY);
	}

	@Test
	void logContentWorksWithoutAnObservationRegistry(CapturedOutput output) throws Exception {
		try (GroqTemplate groq = GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.apiKey(KEY)
			.logContent(true)
			.build()) {
			groq.chat(ChatRequest.builder("llama-3.1-8b-instant").user("Unobserved"));
		}
		assertThat(output.getAll()).contains("Groq chat request to llama-3.1-8b-instant (tier none): [user] Unobserved")
			.contains("Groq chat completion from llama-3.1-8b-instant (tier on_demand, request "
					+ this.emulator.lastRequest().requestId() + "): Emulated reply to: Unobserved");
	}

	@Test
	void logContentIsSilentBelowDebug(CapturedOutput output) throws Exception {
		this.logging.setLogLevel(GroqContentLogger.CATEGORY, LogLevel.INFO);
		try (GroqTemplate groq = template(true)) {
			groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Quiet please"));
		}
		finally {
			this.logging.setLogLevel(GroqContentLogger.CATEGORY, null);
		}
		assertThat(output.getAll()).doesNotContain("Quiet please");
	}

	@Test
	void theContentLoggerNeverShowsTheKey() {
		assertThat(new GroqContentLogger(KEY)).hasToString("GroqContentLogger[io.github.groqspring.content]");
	}

	private GroqTemplate template(boolean logContent) {
		return GroqTemplate.builder().retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.apiKey(KEY)
			.observationRegistry(TestObservationRegistry.create())
			.logContent(logContent)
			.build();
	}

}
