package io.github.groqspring.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with nothing but auto-configuration: what {@code GroqTemplate} is measured
 * in, and what start-up is measured with and without {@code GroqAutoConfiguration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

}
