package io.github.groqspring.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A file stored at Groq: an uploaded batch input ({@code purpose=batch}) or a batch's
 * output or error file ({@code batch_output}). Groq keeps files for 30 days.
 *
 * @param id the file's id ({@code file_...})
 * @param object {@code file}
 * @param bytes its size
 * @param createdAt when it was created, epoch seconds
 * @param filename its name
 * @param purpose {@code batch} or {@code batch_output}
 */
public record BatchFile(String id, @Nullable String object, long bytes,
		@JsonProperty("created_at") @Nullable Long createdAt, @Nullable String filename, @Nullable String purpose) {
}
