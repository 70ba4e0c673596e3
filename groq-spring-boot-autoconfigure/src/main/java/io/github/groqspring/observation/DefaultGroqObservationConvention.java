package io.github.groqspring.observation;

import java.util.List;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.observation.GroqObservationDocumentation.HighCardinalityKeyNames;
import io.github.groqspring.observation.GroqObservationDocumentation.LowCardinalityKeyNames;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link GroqObservationConvention}: observation {@value #NAME}, span named
 * {@code "<operation> <model>"} as the {@code gen_ai} conventions name spans, and the keys
 * of {@link GroqObservationDocumentation}.
 */
public class DefaultGroqObservationConvention implements GroqObservationConvention {

	/** The observation's name, and so the name of its timer. */
	public static final String NAME = "groq.client.operation";

	/** The value of a key whose fact is not known. */
	public static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(GroqObservationContext context) {
		String model = context.getRequestModel();
		return (model != null) ? context.getOperationName() + " " + model : context.getOperationName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(GroqObservationContext context) {
		ServiceTier requested = context.getRequestedTier();
		String served = context.getServedTier();
		return KeyValues.of(LowCardinalityKeyNames.OPERATION_NAME.withValue(context.getOperationName()),
				LowCardinalityKeyNames.SYSTEM.withValue("groq"),
				LowCardinalityKeyNames.REQUEST_MODEL.withValue(orNone(context.getRequestModel())),
				LowCardinalityKeyNames.RESPONSE_MODEL.withValue(orNone(context.getResponseModel())),
				LowCardinalityKeyNames.REQUESTED_TIER.withValue((requested != null) ? requested.wireValue() : NONE),
				LowCardinalityKeyNames.SERVED_TIER.withValue(orNone(served)),
				LowCardinalityKeyNames.FALLBACK.withValue(Boolean.toString(isFallback(context, requested, served))),
				LowCardinalityKeyNames.STREAM.withValue(Boolean.toString(context.isStream())), outcome(context),
				LowCardinalityKeyNames.ERROR_TYPE
					.withValue((context.getError() != null) ? context.getError().getClass().getSimpleName() : NONE),
				statusCode(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(GroqObservationContext context) {
		KeyValues values = KeyValues.empty();
		String requestId = requestId(context);
		if (requestId != null) {
			values = values.and(HighCardinalityKeyNames.REQUEST_ID.withValue(requestId));
		}
		ChatCompletion completion = context.getCompletion();
		if (completion != null && completion.id() != null) {
			values = values.and(HighCardinalityKeyNames.RESPONSE_ID.withValue(completion.id()));
		}
		List<ChatCompletion.Choice> choices = (completion != null) ? completion.choices() : List.of();
		if (!choices.isEmpty() && choices.get(0).finishReason() != null) {
			values = values.and(HighCardinalityKeyNames.FINISH_REASONS.withValue(choices.get(0).finishReason()));
		}
		Usage usage = context.getUsage();
		if (usage != null) {
			values = values.and(HighCardinalityKeyNames.INPUT_TOKENS.withValue(Long.toString(usage.promptTokens())),
					HighCardinalityKeyNames.OUTPUT_TOKENS.withValue(Long.toString(usage.completionTokens())));
			if (usage.queueTime() != null) {
				values = values.and(HighCardinalityKeyNames.QUEUE_TIME.withValue(usage.queueTime().toString()));
			}
		}
		if (context.getRetries() > 0) {
			values = values.and(HighCardinalityKeyNames.RETRIES.withValue(Integer.toString(context.getRetries())));
		}
		return values;
	}

	/**
	 * How the call ended, from its error's type and status: a {@link GroqCallOutcome}.
	 * @param context the context
	 * @return the {@code outcome} key value
	 */
	protected KeyValue outcome(GroqObservationContext context) {
		return LowCardinalityKeyNames.OUTCOME.withValue(GroqCallOutcome.of(context).name());
	}

	/**
	 * The status of the answer that ended the call: an error's status, else the response's.
	 * @param context the context
	 * @return the {@code http.response.status_code} key value
	 */
	protected KeyValue statusCode(GroqObservationContext context) {
		int status = (context.getError() instanceof GroqException groq) ? groq.getStatusCode()
				: context.getStatusCode();
		return LowCardinalityKeyNames.STATUS_CODE.withValue((status > 0) ? Integer.toString(status) : NONE);
	}

	private static boolean isFallback(GroqObservationContext context, @Nullable ServiceTier requested,
			@Nullable String served) {
		if (context.getFallbackTier() != null) {
			return true;
		}
		return requested != null && requested != ServiceTier.AUTO && served != null
				&& !served.equals(requested.wireValue());
	}

	private static @Nullable String requestId(GroqObservationContext context) {
		if (context.getGroqRequestId() != null) {
			return context.getGroqRequestId();
		}
		return (context.getError() instanceof GroqException groq) ? groq.getRequestId() : null;
	}

	private static String orNone(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : NONE;
	}

}
