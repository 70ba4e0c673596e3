package io.github.groqspring.audio;

/**
 * The largest audio file an upload may carry, checked before a byte is sent.
 *
 * <p>Groq takes attachments of at most 25 MB on every plan ("Max Attachment File Size 25
 * MB. If you need to process larger files, use the url parameter", speech-to-text docs);
 * files of up to 100 MB (developer plan) go by {@link AudioFile#url(String) URL}, which
 * Groq fetches itself and which is not checked here. Whether Groq's megabyte is 1,000,000
 * or 1,048,576 bytes is not documented: {@link #DEFAULT} takes the larger, so that no file
 * Groq takes is refused here (a file between the two gets Groq's 413, typed as
 * {@code GroqRequestTooLargeException}).
 *
 * @param maxUploadBytes the largest file an upload may carry, in bytes
 */
public record AudioLimits(long maxUploadBytes) {

	/** 25 MB (26,214,400 bytes). */
	public static final AudioLimits DEFAULT = new AudioLimits(25L * 1024 * 1024);

	public AudioLimits {
		if (maxUploadBytes < 1) {
			throw new IllegalArgumentException("maxUploadBytes must be at least 1, was " + maxUploadBytes);
		}
	}

}
