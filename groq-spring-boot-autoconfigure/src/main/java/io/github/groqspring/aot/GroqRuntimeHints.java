package io.github.groqspring.aot;

import java.util.List;

import io.github.groqspring.ServiceTier;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ReasoningEffort;
import io.github.groqspring.chat.ReasoningFormat;
import io.github.groqspring.chat.ResponseFormat;
import io.github.groqspring.chat.ResponseMessage;
import io.github.groqspring.chat.Tool;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.chat.ToolChoice;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.models.GroqModelList;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for every type Jackson reads or writes on Groq's wire, so that requests
 * and responses (de)serialize in a native image as on the JVM.
 */
public class GroqRuntimeHints implements RuntimeHintsRegistrar {

	/** The wire types; nested types are reached through their properties. */
	static final List<Class<?>> WIRE_TYPES = List.of(ChatRequest.class, ChatMessage.class, ToolCall.class,
			ToolCall.FunctionCall.class, Tool.class, Tool.Function.class, ToolChoice.class, ResponseFormat.class,
			ResponseFormat.JsonSchema.class, ReasoningEffort.class, ReasoningFormat.class, ServiceTier.class,
			ChatCompletion.class, ChatCompletion.Choice.class, ChatCompletion.XGroq.class, ResponseMessage.class,
			Usage.class, Usage.PromptTokensDetails.class, Usage.CompletionTokensDetails.class, GroqError.class,
			GroqModel.class, GroqModelList.class);

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), WIRE_TYPES.toArray(Class<?>[]::new));
	}

}
