package io.github.groqspring;

import java.util.List;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.models.GroqModel;

/**
 * What an application can ask Groq, implemented by {@link GroqTemplate}; an interface so
 * that callers can be tested with a stub.
 */
public interface GroqOperations {

	/**
	 * Send a chat completion request and wait for the answer.
	 * @param request the request; its tier, if set, wins over every other source
	 * @return the completion with its metadata
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	ChatResponse chat(ChatRequest request);

	/**
	 * Send a chat completion request with per-call timeouts, retries or flex fallback.
	 * @param request the request
	 * @param options the call's overrides of the {@code groq.*} settings
	 * @return the completion with its metadata
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	ChatResponse chat(ChatRequest request, RequestOptions options);

	/**
	 * Build and send a chat completion request.
	 * @param request a builder, e.g. {@code ChatRequest.builder(model).user("...")}
	 * @return the completion with its metadata
	 */
	default ChatResponse chat(ChatRequest.Builder request) {
		return chat(request.build());
	}

	/**
	 * Send one user message to {@code groq.default-model} and return the answer's text.
	 * @param userMessage the message
	 * @return the answer's text
	 */
	default String complete(String userMessage) {
		String content = chat(ChatRequest.builder().user(userMessage)).content();
		return (content != null) ? content : "";
	}

	/**
	 * The models this key may use.
	 * @return the models
	 */
	List<GroqModel> listModels();

	/**
	 * One model.
	 * @param id the model's id, e.g. {@code openai/gpt-oss-120b}
	 * @return the model
	 * @throws io.github.groqspring.error.GroqNotFoundException when Groq does not serve it
	 */
	GroqModel getModel(String id);

}
