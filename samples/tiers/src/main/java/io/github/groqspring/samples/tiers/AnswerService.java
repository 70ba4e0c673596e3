package io.github.groqspring.samples.tiers;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.tier.GroqTier;
import io.github.groqspring.tier.ServiceTier;

import org.springframework.stereotype.Service;

/** Latency-critical: a user is waiting, so the best tier available right now. */
@Service
@GroqTier(ServiceTier.AUTO)
public class AnswerService {

	private final GroqTemplate groq;

	public AnswerService(GroqTemplate groq) {
		this.groq = groq;
	}

	public String answer(String question) {
		ChatResponse response = this.groq.chat(ChatRequest.builder().user(question));
		return "[answer, sent " + response.metadata().requestedTier() + ", served " + response.serviceTier() + "] "
				+ response.content();
	}

}
