package io.github.groqspring.samples.chatpage;

import java.util.concurrent.atomic.AtomicReference;

import io.github.groqspring.RequestOptions;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.reactive.ReactiveGroqOperations;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.ChatStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /chat/stream?prompt=...&tier=flex}: Groq's answer as server-sent events, read
 * from Groq only as fast as the browser takes them, and dropped at once when it goes away.
 * Events: {@code start} (the tier sent, the attempts, and the first chunk's text, normally none), one {@code token} per piece of text
 * (a JSON string, so that spaces survive), then {@code done} (the tier that served, when Groq
 * named it, and the finish reason).
 */
@RestController
class ChatController {

	private final ReactiveGroqOperations groq;

	private final OfflineStreams offline;

	private final JsonMapper json = JsonMapper.builder().build();

	ChatController(ReactiveGroqOperations groq, OfflineStreams offline) {
		this.groq = groq;
		this.offline = offline;
	}

	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream(@RequestParam String prompt, @RequestParam(defaultValue = "") String tier) {
		ChatRequest request = ChatRequest.builder()
			.system("Answer in a few sentences.")
			.user(prompt)
			.serviceTier(tier(tier))
			.build();
		this.offline.paceNextStream();
		AtomicReference<@Nullable ChatStream> open = new AtomicReference<>();
		Flux<ServerSentEvent<String>> events = this.groq.stream(request, RequestOptions.DEFAULTS,
				(chunk, stream) -> event(chunk, stream, open));
		return events.concatWith(Mono.fromSupplier(() -> done(open.get())));
	}

	private @Nullable ServerSentEvent<String> event(ChatCompletionChunk chunk, ChatStream stream,
			AtomicReference<@Nullable ChatStream> open) {
		String content = chunk.content();
		if (open.getAndSet(stream) == null) {
			// Groq's first chunk carries the role and no text; should it carry text, it rides along.
			ResponseMetadata metadata = stream.metadata();
			return event("start",
					new Start(wire(metadata.requestedTier()), metadata.attempts(), (content != null) ? content : ""));
		}
		return (content != null && !content.isEmpty()) ? ServerSentEvent.builder(this.json.writeValueAsString(content))
			.event("token")
			.build() : null;
	}

	private ServerSentEvent<String> done(@Nullable ChatStream stream) {
		if (stream == null) {
			return event("done", new Done("not reported", "none"));
		}
		io.github.groqspring.chat.ChatResponse whole = stream.accumulated();
		return event("done", new Done((whole.serviceTier() != null) ? whole.serviceTier() : "not reported",
				String.valueOf(whole.finishReason())));
	}

	private ServerSentEvent<String> event(String name, Object data) {
		return ServerSentEvent.builder(this.json.writeValueAsString(data)).event(name).build();
	}

	private static @Nullable ServiceTier tier(String tier) {
		if (tier.isBlank()) {
			return null;
		}
		try {
			return ServiceTier.parse(tier);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	private static String wire(@Nullable ServiceTier tier) {
		return (tier != null) ? tier.wireValue() : "none (Groq's default)";
	}

	/**
	 * The {@code start} event.
	 *
	 * @param requestedTier the tier sent
	 * @param attempts the requests it took to open the stream
	 * @param text the first chunk's text, normally empty
	 */
	record Start(String requestedTier, int attempts, String text) {
	}

	/**
	 * The {@code done} event.
	 *
	 * @param servedTier the tier that served, as Groq named it, or {@code not reported}
	 * @param finishReason why the answer ended
	 */
	record Done(String servedTier, String finishReason) {
	}

}
