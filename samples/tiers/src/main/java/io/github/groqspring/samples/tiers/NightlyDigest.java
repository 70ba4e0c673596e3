package io.github.groqspring.samples.tiers;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.tier.GroqTier;

import org.springframework.stereotype.Service;

/** Background work: cheap and high-limit, so flex; the tier comes from {@code digest.tier}. */
@Service
public class NightlyDigest {

	private final GroqTemplate groq;

	public NightlyDigest(GroqTemplate groq) {
		this.groq = groq;
	}

	@GroqTier(tier = "${digest.tier}")
	public String summarize(String events) {
		ChatResponse response = this.groq.chat(ChatRequest.builder().user("Summarize: " + events));
		return "[digest, sent " + response.metadata().requestedTier() + ", served " + response.serviceTier() + "] "
				+ response.content();
	}

}
