package io.github.groqspring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation made for every Groq call and its key names: OpenTelemetry's
 * {@code gen_ai} names where they fit, {@code groq.*} for Groq's own facts.
 */
public enum GroqObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call to Groq (a chat completion, blocking or streamed; a models request; a batch
	 * operation), retries and fallbacks included.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultGroqObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Keys with few values: tags of every meter and of the span. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** What was asked: {@code chat}, {@code list_models}, {@code get_model}, ... */
		OPERATION_NAME("gen_ai.operation.name"),

		/** Always {@code groq}. */
		SYSTEM("gen_ai.system"),

		/** The model asked for, {@code none} when the operation names none. */
		REQUEST_MODEL("gen_ai.request.model"),

		/** The model that answered, {@code none} when not known. */
		RESPONSE_MODEL("gen_ai.response.model"),

		/** The tier sent first, {@code none} when no {@code service_tier} was sent. */
		REQUESTED_TIER("groq.request.service_tier"),

		/** The tier that served the call as Groq echoed it, {@code none} when not known. */
		SERVED_TIER("groq.response.service_tier"),

		/**
		 * {@code true} when the call was served by another tier than the one requested: a
		 * fallback was reported, or a concrete tier (not {@code auto}) was sent and another
		 * one served.
		 */
		FALLBACK("groq.fallback"),

		/** {@code true} for a streamed chat completion. */
		STREAM("groq.stream"),

		/**
		 * How the call ended, a {@link GroqCallOutcome}: {@code SUCCESS}, {@code CANCELLED}
		 * (a stream the caller closed early), {@code REDIRECTION} (3xx),
		 * {@code RATE_LIMITED} (429), {@code CAPACITY_EXCEEDED} (498),
		 * {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code TIMEOUT},
		 * {@code TRANSPORT_ERROR}, {@code INVALID_RESPONSE}, {@code ERROR} (anything
		 * else); {@code UNKNOWN} while running, so only on the {@code .active} long-task
		 * timer and open spans.
		 */
		OUTCOME("outcome"),

		/**
		 * The exception's simple class name; {@code none} while running, on success and
		 * for a cancelled stream.
		 */
		ERROR_TYPE("error.type"),

		/** The status of the answer that ended the call, {@code none} without one. */
		STATUS_CODE("http.response.status_code");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/** Keys with many values: span tags only, present when known. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** Groq's request id ({@code x_groq.id}, else {@code x-request-id}): quote it to Groq support. */
		REQUEST_ID("groq.request.id"),

		/** The completion's id ({@code chatcmpl-...}). */
		RESPONSE_ID("gen_ai.response.id"),

		/** Why the first choice stopped, e.g. {@code stop}. */
		FINISH_REASONS("gen_ai.response.finish_reasons"),

		/** Prompt tokens. */
		INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/** Completion tokens. */
		OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/** Seconds the request queued at Groq ({@code usage.queue_time}). */
		QUEUE_TIME("groq.usage.queue_time"),

		/** How often the call was sent again, when it was. */
		RETRIES("groq.retries");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
