package io.github.groqspring.samples.streaming;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.stream.ChatStreamHandler;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Prints a chat completion's tokens as Groq streams them, then what the whole answer cost.
 * Without {@code GROQ_API_KEY} it calls an embedded Groq emulator instead of Groq (streaming
 * a piece every 40 ms, so that the streaming shows), and says so.
 */
@SpringBootApplication
public class StreamingApplication {

	static final String QUESTION = "Explain in three sentences why low latency matters for chat.";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StreamingApplication.class);
		if (System.getenv("GROQ_API_KEY") != null || System.getProperty("groq.api-key") != null) {
			SpringApplication.exit(application.run(args));
			return;
		}
		try (GroqEmulator emulator = GroqEmulator.start()) {
			System.out.println("No GROQ_API_KEY set: calling the embedded Groq emulator at " + emulator.baseUrl());
			emulator.enqueueStream(EmulatedStream.usualReply().withChunkDelay(Duration.ofMillis(40)));
			application.setDefaultProperties(Map.of("groq.base-url", emulator.baseUrl()));
			SpringApplication.exit(application.run(args));
		}
	}

	@Bean
	ApplicationRunner streamTokens(GroqTemplate groq) {
		return (args) -> {
			AtomicInteger pieces = new AtomicInteger();
			ChatResponse answer = groq.stream(ChatRequest.builder("llama-3.1-8b-instant").user(QUESTION),
					ChatStreamHandler.onContent((token) -> {
						System.out.print(token);
						System.out.flush();
						pieces.incrementAndGet();
					}));
			System.out.println();
			System.out.println("[" + pieces + " pieces, finish_reason=" + answer.finishReason() + ", "
					+ ((answer.usage() != null) ? answer.usage().completionTokens() : "no") + " completion tokens, x_groq.id="
					+ answer.groqRequestId() + "]");
		};
	}

}
