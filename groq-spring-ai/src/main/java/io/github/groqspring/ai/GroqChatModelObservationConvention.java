package io.github.groqspring.ai;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;

/**
 * Spring AI's chat model observation convention ({@code gen_ai.client.operation}, Spring
 * AI's key values) with what Groq adds, named as {@code GroqTemplate}'s own observation
 * names them: {@code groq.request.service_tier}, {@code groq.response.service_tier} and
 * {@code groq.fallback} (low cardinality), {@code groq.request.id} and
 * {@code groq.attempts} (high cardinality). A fact that is not known is {@code none}.
 */
public class GroqChatModelObservationConvention extends DefaultChatModelObservationConvention {

	/** The value of a key whose fact is not known. */
	public static final String NONE = "none";

	@Override
	public KeyValues getLowCardinalityKeyValues(ChatModelObservationContext context) {
		ChatResponseMetadata metadata = metadata(context);
		return super.getLowCardinalityKeyValues(context).and(
				KeyValue.of("groq.request.service_tier", value(metadata, GroqChatMetadata.REQUESTED_TIER)),
				KeyValue.of("groq.response.service_tier", value(metadata, GroqChatMetadata.SERVED_TIER)),
				KeyValue.of("groq.fallback",
						Boolean.toString(metadata != null && metadata.containsKey(GroqChatMetadata.FALLBACK_FROM))));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ChatModelObservationContext context) {
		KeyValues values = super.getHighCardinalityKeyValues(context);
		ChatResponseMetadata metadata = metadata(context);
		if (metadata != null && metadata.containsKey(GroqChatMetadata.REQUEST_ID)) {
			values = values.and("groq.request.id", value(metadata, GroqChatMetadata.REQUEST_ID));
		}
		if (metadata != null && metadata.containsKey(GroqChatMetadata.ATTEMPTS)) {
			values = values.and("groq.attempts", value(metadata, GroqChatMetadata.ATTEMPTS));
		}
		return values;
	}

	private static @Nullable ChatResponseMetadata metadata(ChatModelObservationContext context) {
		ChatResponse response = context.getResponse();
		return (response != null) ? response.getMetadata() : null;
	}

	private static String value(@Nullable ChatResponseMetadata metadata, String key) {
		Object value = (metadata != null) ? metadata.get(key) : null;
		return (value != null) ? value.toString() : NONE;
	}

}
