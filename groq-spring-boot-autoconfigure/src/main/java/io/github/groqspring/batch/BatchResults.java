package io.github.groqspring.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All results of a batch, output and error files merged, keyed by custom id. For batches
 * too large to hold in memory, stream them with {@code GroqBatchTemplate.forEachResult}.
 *
 * @param byCustomId every result, under the custom id it was submitted with
 */
public record BatchResults(Map<String, BatchResult> byCustomId) {

	public BatchResults {
		byCustomId = Collections.unmodifiableMap(new LinkedHashMap<>(byCustomId));
	}

	/**
	 * The result for one request.
	 * @param customId the request's custom id
	 * @return its result, or empty when the batch returned none for it
	 */
	public Optional<BatchResult> get(String customId) {
		return Optional.ofNullable(this.byCustomId.get(customId));
	}

	/**
	 * The requests that succeeded.
	 * @return the successes
	 */
	public List<BatchResult.Success> successes() {
		return this.byCustomId.values()
			.stream()
			.filter(BatchResult.Success.class::isInstance)
			.map(BatchResult.Success.class::cast)
			.toList();
	}

	/**
	 * The requests that failed, expired or were cancelled.
	 * @return the failures
	 */
	public List<BatchResult.Failure> failures() {
		return this.byCustomId.values()
			.stream()
			.filter(BatchResult.Failure.class::isInstance)
			.map(BatchResult.Failure.class::cast)
			.toList();
	}

	/**
	 * The custom ids of an input that have no result here.
	 * @param input the batch's input
	 * @return the ids without a result, in input order
	 */
	public List<String> missingFrom(BatchInput input) {
		return input.lines()
			.stream()
			.map(BatchLine::customId)
			.filter((customId) -> !this.byCustomId.containsKey(customId))
			.toList();
	}

	/**
	 * How many results there are.
	 * @return the number of results
	 */
	public int size() {
		return this.byCustomId.size();
	}

}
