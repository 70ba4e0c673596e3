package io.github.groqspring.audio;

/**
 * An audio file larger than Groq takes as an upload ({@link AudioLimits}), refused before a
 * byte is sent: split or compress the recording, or host it and send its URL.
 */
public class AudioUploadTooLargeException extends IllegalArgumentException {

	private final long size;

	private final long limit;

	/**
	 * Create the exception.
	 * @param filename the file's name
	 * @param size the file's size in bytes
	 * @param limit the largest upload, in bytes
	 */
	public AudioUploadTooLargeException(String filename, long size, long limit) {
		super(String.format("The audio file %s is %,d bytes, more than the %,d bytes%s Groq takes as an upload "
				+ "(groq.audio.max-upload-size): split the recording, compress it (Groq downsamples to 16 kHz mono "
				+ "anyway, so 16 kHz mono FLAC or Opus loses nothing), or host it and send AudioFile.url(...), "
				+ "which Groq fetches itself (up to 100 MB on paid plans)", filename, size, limit, megabytes(limit)));
		this.size = size;
		this.limit = limit;
	}

	private static String megabytes(long bytes) {
		return (bytes % (1024 * 1024) == 0) ? " (" + (bytes / (1024 * 1024)) + " MB)" : "";
	}

	/**
	 * The file's size.
	 * @return bytes
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * The largest upload.
	 * @return bytes
	 */
	public long getLimit() {
		return this.limit;
	}

}
