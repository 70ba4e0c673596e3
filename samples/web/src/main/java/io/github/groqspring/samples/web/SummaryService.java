package io.github.groqspring.samples.web;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.tier.GroqTier;
import io.github.groqspring.tier.ServiceTier;

import org.springframework.stereotype.Service;

/** Latency-critical: a user waits for the summary, so the best tier available right now. */
@Service
@GroqTier(ServiceTier.AUTO)
public class SummaryService {

	private final GroqTemplate groq;

	public SummaryService(GroqTemplate groq) {
		this.groq = groq;
	}

	/**
	 * Summarizes a text in one sentence, on the {@code auto} tier.
	 * @param text the text
	 * @return Groq's response, with the tier that served it
	 */
	public ChatResponse summarize(String text) {
		return this.groq
			.chat(ChatRequest.builder().system("Summarize the user's text in one sentence.").user(text));
	}

}
