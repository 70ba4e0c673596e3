package io.github.groqspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@link GroqEmulator} for the test's application context, points
 * {@code groq.base-url} at it, and makes it a bean to inject and script. Recorded requests
 * and scripts are forgotten after each test method. The application's own offline mode
 * ({@code groq.emulator.enabled}) is switched off for the test, so only this emulator runs.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureGroqEmulator
 * class SummaryServiceTests {
 *     @Autowired GroqEmulator groq;
 *     @Autowired SummaryService service;
 *
 *     @Test
 *     void summarizesOnFlex() {
 *         groq.onChat().promptMatches("Summarize").thenReply("Short.");
 *         assertThat(service.summarize("...")).isEqualTo("Short.");
 *         assertThat(groq.lastRequest().serviceTier()).isEqualTo("flex");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "groq.emulator.enabled=false")
public @interface AutoConfigureGroqEmulator {

	/**
	 * The API key the emulator demands (401 otherwise) and the context is given as
	 * {@code groq.api-key}; empty for none.
	 * @return the key
	 */
	String apiKey() default "";

}
