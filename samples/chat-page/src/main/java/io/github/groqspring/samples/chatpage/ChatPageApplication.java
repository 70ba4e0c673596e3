package io.github.groqspring.samples.chatpage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux application with one page ({@code static/index.html}): type a prompt, choose a
 * tier, and watch the answer arrive token by token over server-sent events from
 * {@link ChatController}. Without {@code GROQ_API_KEY} it calls the embedded Groq emulator,
 * paced by {@link OfflineStreams} so that the tokens arrive visibly apart.
 */
@SpringBootApplication
public class ChatPageApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatPageApplication.class, args);
	}

}
