package io.github.groqspring.samples.websearch;

import java.util.List;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.ExecutedTool;
import io.github.groqspring.chat.ReasoningEffort;
import io.github.groqspring.chat.Tool;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Web search: asks {@code openai/gpt-oss-120b} a question with Groq's built-in
 * {@code browser_search} tool, which Groq runs server-side, then prints the answer and
 * every search Groq ran ({@code executed_tools}). Groq's compound systems, which the issue
 * first named for this, were decommissioned on 2026-09-21; built-in web search now lives on
 * the GPT-OSS models. Without {@code GROQ_API_KEY} it calls the embedded Groq emulator,
 * which runs one deterministic search per question.
 */
@SpringBootApplication
public class WebSearchApplication {

	static final String MODEL = "openai/gpt-oss-120b";

	static final String QUESTION = "What is the newest Spring Boot release?";

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(WebSearchApplication.class, args));
	}

	@Bean
	ApplicationRunner searchAndAnswer(GroqTemplate groq) {
		return (args) -> {
			// Groq's browser search docs recommend low reasoning effort with browser_search.
			ChatResponse answer = groq.chat(ChatRequest.builder(MODEL)
				.user(QUESTION)
				.tools(List.of(Tool.browserSearch()))
				.reasoningEffort(ReasoningEffort.LOW));
			System.out.println("Answer: " + answer.content());
			for (ExecutedTool tool : answer.executedTools()) {
				System.out.println("Executed tool " + tool.index() + ": " + tool.type() + " " + tool.arguments());
				if (tool.searchResults() != null && tool.searchResults().results() != null) {
					tool.searchResults()
						.results()
						.forEach((result) -> System.out.println("  " + result.title() + " <" + result.url() + ">"));
				}
			}
		};
	}

}
