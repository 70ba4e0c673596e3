package io.github.groqspring.test;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's audio endpoints, to script: what a file says (by its name or its content),
 * the largest upload, and the uploads received. Without a script, a file's transcript is a
 * sentence that names it and its length ({@code Emulated transcript of memo.wav: 1.52 seconds
 * of audio.}); a WAV file's length is read from its header, any other's is taken as 16,000
 * bytes a second (a 128 kbit/s MP3), a URL's as 10 seconds (Groq's minimum billed length).
 * Speech is a WAV of 15 characters a second (see {@code WavFiles}).
 */
public final class EmulatedAudio {

	/** Groq's upload limit on every plan: 25 MB. */
	public static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

	private final Map<String, String> byName = new ConcurrentHashMap<>();

	private final Map<String, String> byContent = new ConcurrentHashMap<>();

	private final List<AudioUpload> uploads = new CopyOnWriteArrayList<>();

	private volatile long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;

	EmulatedAudio() {
	}

	/**
	 * Say what a file says: transcriptions and translations of a file of this name answer
	 * this text (a translation as if it were the English of it), unless a script by
	 * content matches too, which wins.
	 * @param filename the uploaded file's name, or a URL's last path segment
	 * @param text what the file says
	 * @return this
	 */
	public EmulatedAudio transcript(String filename, String text) {
		this.byName.put(filename, text);
		return this;
	}

	/**
	 * Say what a file with these bytes says, whatever its name.
	 * @param content the file's bytes
	 * @param text what the file says
	 * @return this
	 */
	public EmulatedAudio transcriptOfContent(byte[] content, String text) {
		this.byContent.put(sha256(content), text);
		return this;
	}

	/**
	 * Take uploads of up to this many bytes; a larger one is read to its end (in constant
	 * memory) and answered with Groq's 413. The default is Groq's 25 MB.
	 * @param bytes the largest upload
	 * @return this
	 */
	public EmulatedAudio maxUploadSize(long bytes) {
		this.maxUploadBytes = bytes;
		return this;
	}

	/**
	 * The transcription and translation requests received so far, oldest first.
	 * @return a snapshot
	 */
	public List<AudioUpload> uploads() {
		return List.copyOf(this.uploads);
	}

	/**
	 * The newest transcription or translation request.
	 * @return the upload
	 * @throws IllegalStateException when none arrived
	 */
	public AudioUpload lastUpload() {
		List<AudioUpload> snapshot = uploads();
		if (snapshot.isEmpty()) {
			throw new IllegalStateException("The Groq emulator has received no transcription or translation");
		}
		return snapshot.get(snapshot.size() - 1);
	}

	long maxUploadBytes() {
		return this.maxUploadBytes;
	}

	void received(AudioUpload upload) {
		this.uploads.add(upload);
	}

	@Nullable String scripted(@Nullable String filename, @Nullable String sha256) {
		String text = (sha256 != null) ? this.byContent.get(sha256) : null;
		return (text != null || filename == null) ? text : this.byName.get(filename);
	}

	void reset() {
		this.byName.clear();
		this.byContent.clear();
		this.uploads.clear();
		this.maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
	}

	static String sha256(byte[] content) {
		MessageDigest digest = digest();
		return HexFormat.of().formatHex(digest.digest(content));
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
