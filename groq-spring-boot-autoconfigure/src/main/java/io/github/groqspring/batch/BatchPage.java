package io.github.groqspring.batch;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of the organisation's batches.
 *
 * @param object {@code list}
 * @param data the batches on this page
 * @param firstId the first batch's id, when Groq sends it
 * @param lastId the last batch's id, when Groq sends it
 * @param hasMore whether another page follows
 */
public record BatchPage(@Nullable String object, List<Batch> data, @JsonProperty("first_id") @Nullable String firstId,
		@JsonProperty("last_id") @Nullable String lastId, @JsonProperty("has_more") boolean hasMore) {

	public BatchPage {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

	/**
	 * The cursor for the next page: the last batch's id.
	 * @return the id to pass as {@code after}, or {@code null} on an empty page
	 */
	public @Nullable String nextCursor() {
		if (this.lastId != null) {
			return this.lastId;
		}
		return this.data.isEmpty() ? null : this.data.get(this.data.size() - 1).id();
	}

}
