package io.github.groqspring.ai.autoconfigure;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.ai.GroqChatModel;
import io.github.groqspring.ai.GroqChatOptions;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for {@link GroqChatModel}, Spring AI's {@code ChatModel} on the
 * {@code GroqTemplate} bean, when Spring AI is on the class path. It follows Spring AI's
 * model selection: on unless {@code spring.ai.model.chat} names another provider (set it to
 * {@code groq} when another provider's starter is on the class path too), and backs off to
 * any {@code ChatModel} the application defines. It takes Spring AI's
 * {@code ToolCallingManager} and observation registry, never its {@code RetryTemplate}:
 * retries, 498 fallback and deadlines are the template's.
 */
@AutoConfiguration(after = GroqAutoConfiguration.class,
		afterName = { "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" },
		beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.ai.chat.model.ChatModel")
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = GroqChatModel.PROVIDER,
		matchIfMissing = true)
@ConditionalOnBean(GroqOperations.class)
public final class GroqChatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ChatModel.class)
	GroqChatModel groqChatModel(GroqOperations groq, ObjectProvider<ToolCallingManager> toolCallingManager,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention) {
		String defaultModel = (groq instanceof GroqTemplate template) ? template.getDefaultModel() : null;
		GroqChatModel.Builder builder = GroqChatModel.builder(groq)
			.defaultOptions(GroqChatOptions.builder().model(defaultModel).build())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		toolCallingManager.ifUnique(builder::toolCallingManager);
		observationConvention.ifUnique(builder::observationConvention);
		return builder.build();
	}

}
