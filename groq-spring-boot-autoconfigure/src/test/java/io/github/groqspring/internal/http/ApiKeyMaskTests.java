package io.github.groqspring.internal.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides of {@link ApiKeyMask}'s rule: a configured key of eight characters or more is
 * masked anywhere; a shorter one where it is a whole token (not next to a letter, digit,
 * {@code _} or {@code -}) and nowhere else; Groq-shaped keys always.
 */
class ApiKeyMaskTests {

	@ParameterizedTest(name = "key {0} in \"{1}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			sk-123   | key sk-123 is invalid           | key ****** is invalid
			sk-123   | sk-123                          | ******
			sk-123   | Bearer sk-123.                  | Bearer ******.
			sk-123   | api_key=sk-123&x=1              | api_key=******&x=1
			sk-123   | 'sk-123' (sk-123)               | '******' (******)
			sk-123   | sk-1234                         | sk-1234
			sk-123   | ask-123                         | ask-123
			sk-123   | sk-123_b                        | sk-123_b
			sk-123   | -sk-123                         | -sk-123
			sk-123   | sk-123x sk-123                  | sk-123x ******
			e        | Groq answered 400; key e: e.    | Groq answered 400; key ******: ******.
			abcdefg  | xabcdefgy                       | xabcdefgy
			abcdefgh | xabcdefghy                      | x******y
			abcdefgh | abcdefgh                        | ******
			e        | key gsk_abc123 seen             | key gsk_****** seen
			""")
	void masksTheConfiguredKeyAsTheRuleSays(String key, String text, String expected) {
		assertThat(ApiKeyMask.of(key).mask(text)).isEqualTo(expected);
	}

	@Test
	void withoutAConfiguredKeyOnlyGroqShapedKeysAreMasked() {
		assertThat(ApiKeyMask.of(null).mask("sk-123 and gsk_Abc9 and gsk_")).isEqualTo("sk-123 and gsk_****** and gsk_");
		assertThat(ApiKeyMask.of("  ")).isSameAs(ApiKeyMask.GROQ_KEYS);
	}

}
