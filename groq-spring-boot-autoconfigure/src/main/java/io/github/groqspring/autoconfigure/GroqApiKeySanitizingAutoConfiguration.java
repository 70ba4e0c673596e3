package io.github.groqspring.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import io.github.groqspring.internal.http.ApiKeyMask;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Masks the Groq API key on the actuator's {@code /actuator/env} and
 * {@code /actuator/configprops}, even with {@code show-values=always}: a
 * {@link SanitizingFunction} that hides the value of {@code groq.api-key} and
 * {@code GROQ_API_KEY} in any of the spellings Spring Boot binds ({@code groq.apiKey},
 * {@code GROQ_APIKEY}, ...), and masks the key inside any other value, by value: the
 * configured key wherever it appears and anything shaped like a Groq key
 * ({@code gsk_...}), so that {@code sun.java.command} of {@code java -jar app.jar
 * --groq.api-key=...}, the raw {@code SPRING_APPLICATION_JSON} and another client's
 * property set to the same key ({@code spring.ai.openai.api-key}) show no key either. A
 * second function hides the proxy's password, {@code groq.proxy.password}
 * ({@code GROQ_PROXY_PASSWORD}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class GroqApiKeySanitizingAutoConfiguration {

	private static final Pattern SEPARATORS = Pattern.compile("[._-]");

	@Bean
	@ConditionalOnMissingBean(name = "groqApiKeySanitizingFunction")
	SanitizingFunction groqApiKeySanitizingFunction(Environment environment) {
		ApiKeyMask keyMask = ApiKeyMask.of(configuredKey(environment));
		return (data) -> sanitize(data, keyMask);
	}

	static SanitizableData sanitize(SanitizableData data, ApiKeyMask keyMask) {
		if (isGroqApiKey(data.getKey())) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof String value) {
			String masked = keyMask.mask(value);
			if (!masked.equals(value)) {
				return data.withValue(masked);
			}
		}
		return data;
	}

	/** The key the template is built with, as {@code GroqProperties} binds it, or {@code null}. */
	private static @Nullable String configuredKey(Environment environment) {
		try {
			String key = Binder.get(environment).bind("groq.api-key", String.class).orElse(null);
			return (key != null) ? key.strip() : null;
		}
		catch (RuntimeException ex) {
			// An unresolvable placeholder: start-up reports it; Groq-shaped keys are masked all the same.
			return null;
		}
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
