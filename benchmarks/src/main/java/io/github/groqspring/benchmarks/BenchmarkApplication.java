package io.github.groqspring.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with nothing but auto-configuration: what {@code GroqTemplate} is measured
 * in, and what start-up is measured with and without {@code GroqAutoConfiguration}. The
 * Spring AI model's auto-configuration (groq-spring-ai is on this class path for the
 * {@code GROQ_CHAT_MODEL} client) is left out, so that the starter is measured as an
 * application without Spring AI gets it; {@code GroqChatModelClient} builds its model itself,
 * as {@code SpringAiClient} does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "io.github.groqspring.ai.autoconfigure.GroqChatAutoConfiguration")
public class BenchmarkApplication {

}
