package io.github.groqspring.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks the Groq API key on the actuator's {@code /actuator/env} and
 * {@code /actuator/configprops}, even with {@code show-values=always}: a
 * {@link SanitizingFunction} for {@code groq.api-key} and {@code GROQ_API_KEY} in any of
 * the spellings Spring Boot binds ({@code groq.apiKey}, {@code GROQ_APIKEY}, ...), and one
 * for the proxy's password, {@code groq.proxy.password} ({@code GROQ_PROXY_PASSWORD}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class GroqApiKeySanitizingAutoConfiguration {

	private static final Pattern SEPARATORS = Pattern.compile("[._-]");

	@Bean
	@ConditionalOnMissingBean(name = "groqApiKeySanitizingFunction")
	SanitizingFunction groqApiKeySanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(GroqApiKeySanitizingAutoConfiguration::isGroqApiKey);
	}

	/**
	 * Whether a key names the Groq API key: {@code groq.api-key} as the environment, the
	 * configprops report (qualified {@code groq.apiKey}) or the system environment
	 * ({@code GROQ_API_KEY}) spell it.
	 */
	static boolean isGroqApiKey(String key) {
		StringBuilder letters = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c != '.' && c != '-' && c != '_') {
				letters.append(c);
			}
		}
		return letters.toString().toLowerCase(Locale.ROOT).equals("groqapikey");
	}

	@Bean
	@ConditionalOnMissingBean(name = "groqProxyPasswordSanitizingFunction")
	SanitizingFunction groqProxyPasswordSanitizingFunction() {
		return SanitizingFunction.sanitizeValue()
			.ifKeyMatches((key) -> SEPARATORS.matcher(key).replaceAll("").equalsIgnoreCase("groqproxypassword"));
	}

}
