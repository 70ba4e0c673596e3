package io.github.groqspring.samples.web;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /summarize}: one Groq call per request, on {@code groq.default-model} and
 * {@code groq.default-service-tier}.
 */
@RestController
class SummarizeController {

	private final GroqTemplate groq;

	SummarizeController(GroqTemplate groq) {
		this.groq = groq;
	}

	@PostMapping("/summarize")
	Summary summarize(@RequestBody SummarizeRequest request) {
		if (request.text() == null || request.text().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send {\"text\": \"...\"} with some text");
		}
		ChatResponse response = this.groq
			.chat(ChatRequest.builder().system("Summarize the user's text in one sentence.").user(request.text()));
		return new Summary(response.content(), response.serviceTier(), response.groqRequestId());
	}

	/**
	 * What to summarize.
	 *
	 * @param text the text
	 */
	record SummarizeRequest(@Nullable String text) {
	}

	/**
	 * The summary and the Groq facts an operator asks about.
	 *
	 * @param summary the summary
	 * @param servedTier the tier that served it
	 * @param requestId Groq's request id
	 */
	record Summary(@Nullable String summary, @Nullable String servedTier, @Nullable String requestId) {
	}

}
