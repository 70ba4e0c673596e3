package io.github.groqspring.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.groqspring.chat.ChatRequest;

/**
 * The requests of one batch, each under its own custom id, in the order they are written
 * to the JSONL file. Built with {@link #builder()}; immutable.
 *
 * <p>The requests are the same {@link ChatRequest}s as synchronous calls use. A request
 * that sets a {@code service_tier} is refused (the Batch API does not accept one), and a
 * request without a model gets the template's default model when it is written.
 */
public final class BatchInput {

	private final List<BatchLine> lines;

	private BatchInput(List<BatchLine> lines) {
		this.lines = List.copyOf(lines);
	}

	/**
	 * Start building a batch input.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The requests, in order.
	 * @return the lines
	 */
	public List<BatchLine> lines() {
		return this.lines;
	}

	/**
	 * How many requests the batch holds.
	 * @return the number of lines
	 */
	public int size() {
		return this.lines.size();
	}

	@Override
	public String toString() {
		return "BatchInput[" + this.lines.size() + " requests]";
	}

	/**
	 * Check one request as a batch line: a custom id to match its result by, no service tier
	 * and no streaming, which the Batch API does not accept.
	 * @throws IllegalArgumentException naming the custom id and what to change
	 */
	static void check(String customId, ChatRequest request) {
		if (customId.isBlank()) {
			throw new IllegalArgumentException("A batch request needs a non-blank custom_id to match its result by");
		}
		if (request.serviceTier() != null) {
			throw new IllegalArgumentException("Batch request '" + customId + "' sets service_tier '"
					+ request.serviceTier() + "', but Groq's Batch API does not accept service_tier (a batch has "
					+ "its own processing window and rate limits): remove serviceTier(...) from this request");
		}
		if (Boolean.TRUE.equals(request.stream()) || request.streamOptions() != null) {
			throw new IllegalArgumentException("Batch request '" + customId + "' asks for streaming"
					+ ((request.streamOptions() != null) ? " (stream options)" : "")
					+ ", which a batch cannot do: send it without stream");
		}
	}

	/** Builds a {@link BatchInput}, checking each request as it is added. */
	public static final class Builder {

		private final List<BatchLine> lines = new ArrayList<>();

		private final Set<String> customIds = new HashSet<>();

		private Builder() {
		}

		/**
		 * Add a request.
		 * @param customId the id its result comes back under, unique within the batch
		 * @param request the request, e.g. {@code ChatRequest.builder(model).user("...")}
		 * @return this builder
		 * @throws IllegalArgumentException when the id is blank or taken, or the request sets a
		 * service tier or streaming
		 */
		public Builder add(String customId, ChatRequest.Builder request) {
			return add(customId, request.build());
		}

		/**
		 * Add a request.
		 * @param customId the id its result comes back under, unique within the batch
		 * @param request the request
		 * @return this builder
		 * @throws IllegalArgumentException when the id is blank or taken, or the request sets a
		 * service tier or streaming
		 */
		public Builder add(String customId, ChatRequest request) {
			check(customId, request);
			if (!this.customIds.add(customId)) {
				throw new IllegalArgumentException("Duplicate custom_id '" + customId + "' (request " + (this.lines.size() + 1)
						+ "): every request in a batch needs its own custom_id, since results come back in any order "
						+ "and are matched by it");
			}
			this.lines.add(new BatchLine(customId, request));
			return this;
		}

		/**
		 * Build the input.
		 * @return the immutable input
		 * @throws IllegalStateException when no request was added
		 */
		public BatchInput build() {
			if (this.lines.isEmpty()) {
				throw new IllegalStateException("A batch needs at least one request: add one with add(customId, request)");
			}
			return new BatchInput(this.lines);
		}

	}

}
