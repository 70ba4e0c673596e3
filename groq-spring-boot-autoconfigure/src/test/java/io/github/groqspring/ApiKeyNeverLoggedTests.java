package io.github.groqspring;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class ApiKeyNeverLoggedTests {

	private static final String KEY = "gsk_must_never_be_logged_31337";

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void traceEverythingOfOursAndSprings() {
		this.logging.setLogLevel("io.github.groqspring", LogLevel.TRACE);
		this.logging.setLogLevel("org.springframework", LogLevel.TRACE);
	}

	@AfterEach
	void restore() {
		this.logging.setLogLevel("io.github.groqspring", null);
		this.logging.setLogLevel("org.springframework", null);
	}

	@Test
	void keyIsInNoLogLineOfASuccessfulOrFailedCall(CapturedOutput output) throws Exception {
		try (GroqEmulator emulator = GroqEmulator.start();
				GroqTemplate groq = GroqTemplate.builder().baseUrl(emulator.baseUrl()).apiKey(KEY).build()) {
			groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
			emulator.enqueue(EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key", "Invalid API Key"));
			assertThatExceptionOfType(GroqException.class)
				.isThrownBy(() -> groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi")));
			assertThat(emulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
		}
		assertThat(output.getAll()).isNotEmpty().doesNotContain(KEY);
	}

}
