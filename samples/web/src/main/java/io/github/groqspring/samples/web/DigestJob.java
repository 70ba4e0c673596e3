package io.github.groqspring.samples.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.tier.GroqTier;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Background work: nobody waits for the digest, so the cheap, high-limit {@code flex} tier
 * (from {@code digest.tier}), on the application's task executor.
 */
@Component
public class DigestJob {

	private final GroqTemplate groq;

	public DigestJob(GroqTemplate groq) {
		this.groq = groq;
	}

	/**
	 * Digests a day's events on another thread, on the tier {@code digest.tier} names.
	 * @param events what happened
	 * @return Groq's response, once it arrives
	 */
	@Async
	@GroqTier(tier = "${digest.tier:flex}")
	public CompletableFuture<ChatResponse> digest(List<String> events) {
		ChatRequest.Builder request = ChatRequest.builder()
			.system("Write a one-paragraph digest of these events.")
			.user(String.join("\n", events));
		return CompletableFuture.completedFuture(this.groq.chat(request));
	}

}
