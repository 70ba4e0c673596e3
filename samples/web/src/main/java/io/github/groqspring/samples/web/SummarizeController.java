package io.github.groqspring.samples.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /summarize} on the {@code auto} tier while the user waits, and
 * {@code POST /digest} as a background job on {@code flex}; both answer with the tier
 * asked for, the tier that served and the attempts it took.
 */
@RestController
class SummarizeController {

	private final SummaryService summaries;

	private final DigestJob digests;

	SummarizeController(SummaryService summaries, DigestJob digests) {
		this.summaries = summaries;
		this.digests = digests;
	}

	@PostMapping("/summarize")
	Summary summarize(@RequestBody SummarizeRequest request) {
		if (request.text() == null || request.text().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send {\"text\": \"...\"} with some text");
		}
		ChatResponse response = this.summaries.summarize(request.text());
		return new Summary(response.content(), response.serviceTier(), response.metadata().requestedTier(),
				response.metadata().attempts(), response.groqRequestId());
	}

	@PostMapping("/digest")
	CompletableFuture<Digest> digest(@RequestBody DigestRequest request) {
		if (request.events() == null || request.events().isEmpty()
				|| request.events().stream().anyMatch((event) -> event == null || event.isBlank())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Send {\"events\": [\"...\", ...]} with at least one non-blank event");
		}
		return this.digests.digest(List.copyOf(request.events()))
			.thenApply((response) -> new Digest(response.content(), response.serviceTier(),
					response.metadata().requestedTier(), response.metadata().attempts(),
					response.metadata().fallbackFrom(), response.groqRequestId()));
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
	 * @param servedTier the tier that served it, as Groq echoed it
	 * @param requestedTier the tier the call sent
	 * @param attempts how many attempts the call made
	 * @param requestId Groq's request id
	 */
	record Summary(@Nullable String summary, @Nullable String servedTier, @Nullable ServiceTier requestedTier,
			int attempts, @Nullable String requestId) {
	}

	/**
	 * What happened, one event per entry.
	 *
	 * @param events the events
	 */
	record DigestRequest(@Nullable List<@Nullable String> events) {
	}

	/**
	 * The digest and the Groq facts of the background call.
	 *
	 * @param digest the digest
	 * @param servedTier the tier that served it, as Groq echoed it
	 * @param requestedTier the tier the call sent last
	 * @param attempts how many attempts the call made (a 498 from flex is retried)
	 * @param fallbackFrom the tier the call fell back from, {@code null} without fallback
	 * @param requestId Groq's request id
	 */
	record Digest(@Nullable String digest, @Nullable String servedTier, @Nullable ServiceTier requestedTier,
			int attempts, @Nullable ServiceTier fallbackFrom, @Nullable String requestId) {
	}

}
