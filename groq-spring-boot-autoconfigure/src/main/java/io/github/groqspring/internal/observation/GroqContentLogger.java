package io.github.groqspring.internal.observation;

import java.util.stream.Collectors;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.internal.http.ApiKeyMask;
import io.github.groqspring.observation.GroqObservationContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs prompts and completions at DEBUG under {@value #CATEGORY}, for debugging only
 * ({@code groq.observations.log-content}); API keys in the text are masked.
 */
public final class GroqContentLogger {

	/** The log category. */
	public static final String CATEGORY = "io.github.groqspring.content";

	private static final Log logger = LogFactory.getLog(CATEGORY);

	private final ApiKeyMask keyMask;

	/**
	 * Create a content logger.
	 * @param apiKey the key calls are sent with, masked wherever it appears; keys that look
	 * like Groq's ({@code gsk_...}) are masked as well
	 */
	public GroqContentLogger(@Nullable String apiKey) {
		this.keyMask = ApiKeyMask.of(apiKey);
	}

	void logRequest(GroqObservationContext context) {
		ChatRequest request = context.getRequest();
		if (request == null || !logger.isDebugEnabled()) {
			return;
		}
		String messages = request.messages()
			.stream()
			.map(GroqContentLogger::describe)
			.collect(Collectors.joining(" "));
		logger.debug(mask("Groq " + context.getOperationName() + " request to " + request.model() + " (tier "
				+ ((request.serviceTier() != null) ? request.serviceTier() : "none") + "): " + messages));
	}

	void logCompletion(GroqObservationContext context) {
		ChatCompletion completion = context.getCompletion();
		if (completion == null || !logger.isDebugEnabled()) {
			return;
		}
		String content = completion.choices()
			.stream()
			.map((choice) -> (choice.message() != null) ? choice.message().content() : null)
			.map((text) -> (text != null) ? text : "(no content)")
			.collect(Collectors.joining(" | "));
		logger.debug(mask("Groq " + context.getOperationName() + " completion from " + completion.model() + " (tier "
				+ completion.serviceTier() + ", request " + context.getGroqRequestId() + "): " + content));
	}

	private static String describe(ChatMessage message) {
		// Parts print without their base64 (ImageUrl.toString shortens data: URLs).
		String content = (message.content() != null) ? message.content()
				: (message.parts() != null) ? message.parts().toString() : "(no content)";
		return "[" + message.role() + "] " + content;
	}

	String mask(String text) {
		return this.keyMask.mask(text);
	}

	@Override
	public String toString() {
		return "GroqContentLogger[" + CATEGORY + "]";
	}

}
