package io.github.groqspring.samples.vision;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.ContentPart;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

/**
 * Vision: sends {@code images/landscape.png}, shipped with the sample, inline (a base64
 * {@code data:} URL built from the resource) with a question, and prints the model's
 * description. Without {@code GROQ_API_KEY} it calls the embedded Groq emulator, which
 * describes an image deterministically from its bytes (type, size, dimensions, hash).
 */
@SpringBootApplication
public class VisionApplication {

	static final String IMAGE = "images/landscape.png";

	static final String QUESTION = "Describe this picture in one sentence.";

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(VisionApplication.class, args));
	}

	@Bean
	ApplicationRunner describe(GroqTemplate groq, @Value("${vision.model}") String model) {
		return (args) -> {
			ChatResponse answer = groq.chat(ChatRequest.builder(model)
				.user(ContentPart.text(QUESTION), ContentPart.image(new ClassPathResource(IMAGE))));
			System.out.println("Description: " + answer.content());
		};
	}

}
