package io.github.groqspring;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The builder refuses what would put a secret where it does not belong: a key with control
 * characters (HttpClient would turn a line break into a header of the caller's making) and
 * credentials in the base URL. Neither message shows the secret.
 */
@ExtendWith(GroqEmulatorExtension.class)
class GroqTemplateBuilderValidationTests {

	static GroqEmulator emulator;

	@Test
	void aKeyWithCrLfIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> GroqTemplate.builder().apiKey("gsk_x\r\nX-Evil: 1"))
			.withMessage("The Groq API key contains a control character (U+000D) at index 5; a key is one line of "
					+ "printable characters (the key is not shown)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gsk_a\nb", "gsk_a\u0000b", "gsk_a\u007Fb", "gsk_a\u0085b", "gsk_a\tb" })
	void everyControlCharacterInsideAKeyIsRefused(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> GroqTemplate.builder().apiKey(key))
			.withMessageStartingWith("The Groq API key contains a control character (U+")
			.withMessageContaining(") at index 5; ")
			.withMessageNotContaining(key);
	}

	@Test
	void surroundingWhitespaceAndATrailingNewLineOfASecretFileAreTrimmedNotRefused() throws Exception {
		try (GroqTemplate groq = GroqTemplate.builder().baseUrl(emulator.baseUrl()).apiKey("  gsk_fromAFile\n").build()) {
			groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
			assertThat(emulator.lastRequest().header("Authorization")).isEqualTo("Bearer gsk_fromAFile");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://user:s3cr3t@127.0.0.1:8089", "https://user@api.groq.com",
			"http://user:p@ss:w0rd@127.0.0.1:8089/openai/v1", "http://user:pa#ss@127.0.0.1:8089",
			"http://user:pa?ss@127.0.0.1:8089", "http://user:pa/ss@127.0.0.1:8089", "http://user:1#2@127.0.0.1:8089",
			"http://user:12?x@127.0.0.1:8089" })
	void credentialsInTheBaseUrlAreRefusedWithoutShowingThem(String url) {
		String shown = url.startsWith("https") ? "https://******@api.groq.com" : "http://******@127.0.0.1:8089";
		assertThatIllegalArgumentException().isThrownBy(() -> GroqTemplate.builder().baseUrl(url))
			.withMessage("groq.base-url must not contain a user name or password (" + shown + ")");
	}

	@Test
	void aBaseUrlThatIsNotHttpIsRefusedAndItsCredentialsAreNotShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> GroqTemplate.builder().baseUrl("ftp://me:pw@host"))
			.withMessage("groq.base-url must be an http:// or https:// URL such as https://api.groq.com, was "
					+ "'ftp://******@host'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://", "http://:8089", "http://127.0.0.1:99999", "http://exa mple.com" })
	void aBaseUrlWithoutAUsableHostOrPortIsRefused(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> GroqTemplate.builder().baseUrl(url))
			.withMessage("groq.base-url must be an http:// or https:// URL such as https://api.groq.com, was '" + url
					+ "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8089?team=a", "http://127.0.0.1:8089#top" })
	void aBaseUrlWithAQueryOrFragmentIsRefused(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> GroqTemplate.builder().baseUrl(url))
			.withMessage("groq.base-url must not have a query or fragment, since every call appends its path (" + url
					+ ")");
	}

	@Test
	void anAtSignInThePathIsNoCredential() throws Exception {
		try (GroqTemplate groq = GroqTemplate.builder().baseUrl(emulator.baseUrl() + "/team@groq").build()) {
			assertThat(groq.getBaseUrl()).isEqualTo(emulator.baseUrl() + "/team@groq");
			assertThat(groq.toString()).isEqualTo("GroqTemplate[baseUrl=" + emulator.baseUrl()
					+ "/team@groq, defaultModel=null, defaultServiceTier=null]");
		}
	}

}
