package io.github.groqspring.batch;

/**
 * How large a batch input file may be, checked before anything is uploaded.
 *
 * <p>Groq's documents disagree: the API reference allows 100 MB, the batch guide 200 MB
 * and 50,000 lines. {@link #DEFAULT} takes the stricter of each, so that a file that
 * passes here is not refused by Groq after a long upload; an organisation whose limits
 * Groq raised can raise these.
 *
 * @param maxLines the most requests per batch
 * @param maxBytes the largest JSONL file, in bytes
 */
public record BatchLimits(int maxLines, long maxBytes) {

	/** 50,000 lines and 100 MB. */
	public static final BatchLimits DEFAULT = new BatchLimits(50_000, 100L * 1024 * 1024);

	public BatchLimits {
		if (maxLines < 1) {
			throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
		}
		if (maxBytes < 1) {
			throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
		}
	}

}
