package io.github.groqspring.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Groq's batch object, as it came over the wire. Timestamps are epoch seconds,
 * {@code null} until the batch gets there. Unknown fields are ignored.
 *
 * @param id the batch's id ({@code batch_...})
 * @param object {@code batch}
 * @param endpoint the endpoint every line calls, {@code /v1/chat/completions}
 * @param errors why the input file was refused, for a {@link BatchStatus#FAILED} batch
 * @param inputFileId the uploaded input file
 * @param completionWindow the window as sent, e.g. {@code 24h}
 * @param status where the batch is
 * @param outputFileId the file of successful results, once there is one
 * @param errorFileId the file of failed, expired or cancelled requests, once there is one
 * @param createdAt when the batch was created
 * @param inProgressAt when processing started
 * @param expiresAt when the completion window runs out
 * @param finalizingAt when finalizing started
 * @param completedAt when it completed
 * @param failedAt when validation failed
 * @param expiredAt when it expired
 * @param cancellingAt when cancelling started
 * @param cancelledAt when it was cancelled
 * @param requestCounts how many requests there are and how many are done
 * @param metadata the metadata the batch was created with
 */
public record Batch(String id, @Nullable String object, @Nullable String endpoint, @Nullable Errors errors,
		@JsonProperty("input_file_id") @Nullable String inputFileId,
		@JsonProperty("completion_window") @Nullable String completionWindow, BatchStatus status,
		@JsonProperty("output_file_id") @Nullable String outputFileId,
		@JsonProperty("error_file_id") @Nullable String errorFileId, @JsonProperty("created_at") @Nullable Long createdAt,
		@JsonProperty("in_progress_at") @Nullable Long inProgressAt, @JsonProperty("expires_at") @Nullable Long expiresAt,
		@JsonProperty("finalizing_at") @Nullable Long finalizingAt,
		@JsonProperty("completed_at") @Nullable Long completedAt, @JsonProperty("failed_at") @Nullable Long failedAt,
		@JsonProperty("expired_at") @Nullable Long expiredAt, @JsonProperty("cancelling_at") @Nullable Long cancellingAt,
		@JsonProperty("cancelled_at") @Nullable Long cancelledAt,
		@JsonProperty("request_counts") RequestCounts requestCounts, Map<String, Object> metadata) {

	public Batch {
		status = (status != null) ? status : BatchStatus.UNKNOWN;
		requestCounts = (requestCounts != null) ? requestCounts : RequestCounts.NONE;
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : Map.of();
	}

	/**
	 * Whether the batch will not change any more: failed, completed, expired or cancelled.
	 * @return {@code true} when finished
	 */
	public boolean isFinished() {
		return this.status.isTerminal();
	}

	/**
	 * How many requests a batch has and how many are done.
	 *
	 * @param total the requests in the batch (0 while validating)
	 * @param completed the requests that succeeded
	 * @param failed the requests that failed
	 */
	public record RequestCounts(long total, long completed, long failed) {

		/** No requests counted yet. */
		public static final RequestCounts NONE = new RequestCounts(0, 0, 0);

		/**
		 * The requests done, successfully or not.
		 * @return completed plus failed
		 */
		public long done() {
			return this.completed + this.failed;
		}

	}

	/**
	 * Why the input file was refused.
	 *
	 * @param object {@code list}
	 * @param data the errors, one per offending line or parameter
	 */
	public record Errors(@Nullable String object, List<InputError> data) {

		public Errors {
			data = (data != null) ? List.copyOf(data) : List.of();
		}

	}

	/**
	 * One reason the input file was refused.
	 *
	 * @param code Groq's error code
	 * @param message what is wrong
	 * @param param the offending parameter, if any
	 * @param line the offending line of the input file (1-based), if any
	 */
	public record InputError(@Nullable String code, @Nullable String message, @Nullable String param,
			@Nullable Integer line) {
	}

}
