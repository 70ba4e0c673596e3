package io.github.groqspring.batch;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqError;
import org.jspecify.annotations.Nullable;

/**
 * The result of one request of a batch, under the custom id it was submitted with: either
 * a {@link Success} holding the same {@link ChatResponse} a synchronous call gives, or a
 * {@link Failure} holding Groq's error.
 */
public sealed interface BatchResult permits BatchResult.Success, BatchResult.Failure {

	/**
	 * The custom id the request was submitted with.
	 * @return the id
	 */
	String customId();

	/**
	 * Whether the request succeeded.
	 * @return {@code true} for a {@link Success}
	 */
	default boolean succeeded() {
		return this instanceof Success;
	}

	/**
	 * A request that succeeded.
	 *
	 * @param customId the custom id
	 * @param id Groq's id of the result line ({@code batch_req_...})
	 * @param response the completion with its status and request id, as from
	 * {@code GroqTemplate.chat}
	 */
	record Success(String customId, @Nullable String id, ChatResponse response) implements BatchResult {

		/**
		 * The first choice's text, a shortcut for {@code response().content()}.
		 * @return the content, or {@code null}
		 */
		public @Nullable String content() {
			return this.response.content();
		}

	}

	/**
	 * A request that failed, expired or was cancelled.
	 *
	 * @param customId the custom id
	 * @param id Groq's id of the result line ({@code batch_req_...})
	 * @param statusCode the HTTP status the request got, 0 when it was never sent (expired,
	 * cancelled)
	 * @param requestId Groq's request id, when it was sent
	 * @param error Groq's error: type, code ({@code batch_expired}, {@code batch_cancelled},
	 * ...) and message
	 */
	record Failure(String customId, @Nullable String id, int statusCode, @Nullable String requestId,
			GroqError error) implements BatchResult {

		/** Groq's code for a request the completion window ran out on. */
		public static final String EXPIRED = "batch_expired";

		/** Groq's code for a request its batch was cancelled before. */
		public static final String CANCELLED = "batch_cancelled";

		/**
		 * The starter's code for a request of a job part that could not be submitted: its
		 * upload or batch creation failed (the message says why).
		 */
		public static final String NOT_SUBMITTED = "batch_not_submitted";

		/**
		 * The starter's code for a request of a job part whose batch failed validation (the
		 * message gives Groq's reasons).
		 */
		public static final String BATCH_FAILED = "batch_failed";

		/**
		 * The starter's code for a request of a job part whose finished batch returned no
		 * result line for it.
		 */
		public static final String NO_RESULT = "batch_no_result";

		/**
		 * Whether the request was never run because the batch expired.
		 * @return {@code true} for {@code batch_expired}
		 */
		public boolean expired() {
			return EXPIRED.equals(this.error.code());
		}

		/**
		 * Whether the request was never run because the batch was cancelled.
		 * @return {@code true} for {@code batch_cancelled}
		 */
		public boolean cancelled() {
			return CANCELLED.equals(this.error.code());
		}

	}

}
