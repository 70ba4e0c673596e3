package io.github.groqspring.chat;

import java.util.List;
import java.util.Optional;

import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GroqTemplate.chat} returns: the completion Groq sent and the response's
 * metadata (rate limits, request ids, the tier asked for).
 *
 * @param completion the body as Groq sent it
 * @param metadata headers and request facts
 */
public record ChatResponse(ChatCompletion completion, ResponseMetadata metadata) {

	/**
	 * The first choice's text.
	 * @return the content, or {@code null} when the model only called tools
	 */
	public @Nullable String content() {
		ResponseMessage message = message();
		return (message != null) ? message.content() : null;
	}

	/**
	 * The first choice's message.
	 * @return the message, or {@code null} when there is no choice
	 */
	public @Nullable ResponseMessage message() {
		List<ChatCompletion.Choice> choices = this.completion.choices();
		return choices.isEmpty() ? null : choices.get(0).message();
	}

	/**
	 * The first choice's reasoning.
	 * @return the reasoning, or {@code null}
	 */
	public @Nullable String reasoning() {
		ResponseMessage message = message();
		return (message != null) ? message.reasoning() : null;
	}

	/**
	 * The tools the first choice called.
	 * @return the calls, empty when none
	 */
	public List<ToolCall> toolCalls() {
		ResponseMessage message = message();
		return (message != null && message.toolCalls() != null) ? message.toolCalls() : List.of();
	}

	/**
	 * The tools Groq ran server-side for the first choice (built-in tools).
	 * @return the tool runs, empty when none
	 */
	public List<ExecutedTool> executedTools() {
		ResponseMessage message = message();
		return (message != null && message.executedTools() != null) ? message.executedTools() : List.of();
	}

	/**
	 * The first choice's annotations: citations of documents or tool results.
	 * @return the annotations, empty when none
	 */
	public List<Annotation> annotations() {
		ResponseMessage message = message();
		return (message != null && message.annotations() != null) ? message.annotations() : List.of();
	}

	/**
	 * Why the first choice stopped.
	 * @return e.g. {@code stop} or {@code tool_calls}
	 */
	public @Nullable String finishReason() {
		List<ChatCompletion.Choice> choices = this.completion.choices();
		return choices.isEmpty() ? null : choices.get(0).finishReason();
	}

	/**
	 * Tokens and Groq's timings.
	 * @return the usage, or {@code null} when not reported
	 */
	public @Nullable Usage usage() {
		return this.completion.usage();
	}

	/**
	 * The tier that served the request, exactly as Groq echoed it (e.g. {@code on_demand}
	 * even when none was sent).
	 * @return the raw tier, or {@code null}
	 */
	public @Nullable String serviceTier() {
		return this.completion.serviceTier();
	}

	/**
	 * The tier that served the request, when it is one this version knows.
	 * @return the tier, or empty for none or a newer tier
	 */
	public Optional<ServiceTier> servedTier() {
		return ServiceTier.fromWireValue(this.completion.serviceTier());
	}

	/**
	 * Groq's request id from {@code x_groq.id}, the one Groq support asks for.
	 * @return the id, or {@code null}
	 */
	public @Nullable String groqRequestId() {
		ChatCompletion.XGroq xGroq = this.completion.xGroq();
		return (xGroq != null && xGroq.id() != null) ? xGroq.id() : this.metadata.requestId();
	}

}
