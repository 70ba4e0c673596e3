package io.github.groqspring.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * The audio of a transcription or translation: a file uploaded from a path, bytes, a stream
 * or a Spring {@link Resource}, streamed to Groq without being held in memory; or a URL that
 * Groq fetches itself.
 *
 * <p>Groq tells an upload's type by its file name, so the name must end in one of Groq's
 * extensions ({@link #EXTENSIONS}); the part's {@code Content-Type} is derived from it unless
 * {@link #withContentType(String) set}. An upload that can be read again (a path, bytes, a
 * resource other than an {@code InputStreamResource}) may be sent again when Groq cannot
 * have processed it; a stream is read once and never sent again.
 */
public final class AudioFile {

	/** The file types Groq takes, by extension, in the order its error message lists them. */
	public static final Map<String, String> EXTENSIONS = extensions();

	private final @Nullable String url;

	private final String filename;

	private final String contentType;

	private final long length;

	private final @Nullable Content content;

	private final boolean repeatable;

	private AudioFile(@Nullable String url, String filename, String contentType, long length,
			@Nullable Content content, boolean repeatable) {
		this.url = url;
		this.filename = filename;
		this.contentType = contentType;
		this.length = length;
		this.content = content;
		this.repeatable = repeatable;
	}

	/**
	 * A file on disk, read when the request is sent (again, for a retry).
	 * @param path the file, named with its type's extension, e.g. {@code meeting.m4a}
	 * @return the audio
	 * @throws IllegalArgumentException when the file does not exist, is empty, or its name
	 * has no extension Groq takes
	 */
	public static AudioFile of(Path path) {
		Path name = path.getFileName();
		String filename = checkedName((name != null) ? name.toString() : path.toString());
		long length;
		try {
			length = Files.size(path);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the audio file " + path + ": " + ex, ex);
		}
		return new AudioFile(null, filename, typeOf(filename), checkedLength(filename, length), (out) -> {
			try (InputStream in = Files.newInputStream(path)) {
				copy(in, out, length, filename);
			}
		}, true);
	}

	/**
	 * Audio in memory.
	 * @param content the file's bytes
	 * @param filename its name, with its type's extension, e.g. {@code memo.wav}
	 * @return the audio
	 * @throws IllegalArgumentException when the bytes are empty or the name has no extension
	 * Groq takes
	 */
	public static AudioFile of(byte[] content, String filename) {
		String name = checkedName(filename);
		byte[] bytes = content.clone();
		return new AudioFile(null, name, typeOf(name), checkedLength(name, bytes.length), (out) -> out.write(bytes),
				true);
	}

	/**
	 * Audio read from a stream of a known length, e.g. an uploaded {@code MultipartFile}'s
	 * stream with its {@code getSize()}. The length is needed so that Groq's size limit is
	 * checked before a byte is sent; exactly that many bytes are read, and a stream that
	 * holds fewer or more fails the call. The stream is read once, when the request is sent,
	 * and never sent again (not even when Groq answers 429 or 503); it is not closed.
	 * @param content the stream
	 * @param filename the file's name, with its type's extension
	 * @param length exactly how many bytes the stream holds
	 * @return the audio
	 * @throws IllegalArgumentException when the length is not positive or the name has no
	 * extension Groq takes
	 */
	public static AudioFile of(InputStream content, String filename, long length) {
		String name = checkedName(filename);
		Objects.requireNonNull(content, "content");
		return new AudioFile(null, name, typeOf(name), checkedLength(name, length),
				(out) -> copy(content, out, length, name), false);
	}

	/**
	 * Audio from a Spring resource (a class path, file or URL resource), named by the
	 * resource's file name and read when the request is sent (again, for a retry).
	 * @param resource the resource
	 * @return the audio
	 * @throws IllegalArgumentException when the resource has no file name, is an open stream
	 * ({@code InputStreamResource}: use {@link #of(InputStream, String, long)}), cannot
	 * tell its length, or is empty
	 */
	public static AudioFile of(Resource resource) {
		String filename = resource.getFilename();
		if (filename == null || filename.isBlank()) {
			throw new IllegalArgumentException("The resource " + resource.getDescription() + " has no file name, which "
					+ "Groq needs to tell the audio's type: use AudioFile.of(resource, \"name.wav\")");
		}
		return of(resource, filename);
	}

	/**
	 * Audio from a Spring resource, sent under another file name.
	 * @param resource the resource
	 * @param filename the name sent, with the audio type's extension
	 * @return the audio
	 * @throws IllegalArgumentException when the resource is an open stream, cannot tell its
	 * length, or is empty, or the name has no extension Groq takes
	 */
	public static AudioFile of(Resource resource, String filename) {
		String name = checkedName(filename);
		if (resource.isOpen()) {
			throw new IllegalArgumentException("The resource " + resource.getDescription() + " is a stream that can "
					+ "be read only once and has no length: use AudioFile.of(stream, \"" + name + "\", length)");
		}
		long length;
		try {
			length = resource.contentLength();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot tell the length of " + resource.getDescription() + ": " + ex,
					ex);
		}
		return new AudioFile(null, name, typeOf(name), checkedLength(name, length), (out) -> {
			try (InputStream in = resource.getInputStream()) {
				copy(in, out, length, name);
			}
		}, true);
	}

	/**
	 * Audio Groq fetches itself from a URL (sent as {@code url}, in place of a file): for
	 * files larger than an upload may be (up to 100 MB on paid plans), or already hosted.
	 * Groq must be able to reach it; its size is not checked here.
	 * @param url an {@code http(s)} URL (Groq's docs: Base64URL is supported too)
	 * @return the audio
	 * @throws IllegalArgumentException when the URL is blank or holds a line break
	 */
	public static AudioFile url(String url) {
		if (url.isBlank() || url.indexOf('\r') >= 0 || url.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("The audio URL must be one line and not blank, was '" + url + "'");
		}
		return new AudioFile(url, "", "", -1, null, true);
	}

	/**
	 * This upload with another part {@code Content-Type} than the one its extension implies.
	 * @param contentType e.g. {@code audio/x-m4a}
	 * @return a copy
	 * @throws IllegalStateException for a {@link #url(String) URL}, which has no part of its own
	 */
	public AudioFile withContentType(String contentType) {
		if (this.url != null) {
			throw new IllegalStateException("An audio URL is fetched by Groq: it has no content type to set");
		}
		if (contentType.isBlank() || contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("A content type must be one line and not blank, was '" + contentType
					+ "'");
		}
		return new AudioFile(null, this.filename, contentType, this.length, this.content, this.repeatable);
	}

	/**
	 * The URL Groq fetches.
	 * @return the URL, or {@code null} for an upload
	 */
	public @Nullable String url() {
		return this.url;
	}

	/**
	 * The file name sent.
	 * @return e.g. {@code meeting.m4a}; empty for a URL
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * The file part's {@code Content-Type}.
	 * @return e.g. {@code audio/wav}; empty for a URL
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * The upload's size.
	 * @return bytes, -1 for a URL
	 */
	public long length() {
		return this.length;
	}

	/**
	 * Whether the audio can be sent again: not for a stream, which is read once.
	 * @return {@code true} for a path, bytes, a resource or a URL
	 */
	public boolean isRepeatable() {
		return this.repeatable;
	}

	/** Writes the upload's bytes; for a URL, nothing. */
	void writeTo(OutputStream out) throws IOException {
		if (this.content != null) {
			this.content.writeTo(out);
		}
	}

	@Override
	public String toString() {
		return (this.url != null) ? "AudioFile[url=" + this.url + "]"
				: "AudioFile[" + this.filename + ", " + this.contentType + ", " + this.length + " bytes]";
	}

	private static String checkedName(String filename) {
		if (filename.indexOf('"') >= 0 || filename.indexOf('\r') >= 0 || filename.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("An audio file name must not contain '\"', CR or LF, was " + filename);
		}
		if (extension(filename) == null) {
			throw new IllegalArgumentException("Groq tells an audio file's type by its name, which must end in one of "
					+ String.join(", ", EXTENSIONS.keySet()) + "; '" + filename + "' does not: name it after its "
					+ "type, e.g. recording.wav");
		}
		return filename;
	}

	private static long checkedLength(String filename, long length) {
		if (length < 1) {
			throw new IllegalArgumentException("The audio file " + filename + " is empty (" + length + " bytes)");
		}
		return length;
	}

	private static @Nullable String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		if (dot < 0) {
			return null;
		}
		String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
		return EXTENSIONS.containsKey(extension) ? extension : null;
	}

	private static String typeOf(String filename) {
		return Objects.requireNonNull(EXTENSIONS.get(Objects.requireNonNull(extension(filename))));
	}

	/**
	 * Copy exactly {@code length} bytes; a source that ends sooner or holds more fails,
	 * since the request announced the length. A failure to read the source is raised as
	 * itself, not as a failure to talk to Groq.
	 */
	private static void copy(InputStream in, OutputStream out, long length, String filename) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = length;
		while (left > 0) {
			int read = read(in, buffer, (int) Math.min(buffer.length, left), filename);
			if (read < 0) {
				throw new IllegalStateException("The audio file " + filename + " ended after " + (length - left)
						+ " of the " + length + " bytes announced");
			}
			out.write(buffer, 0, read);
			left -= read;
		}
		if (read(in, buffer, 1, filename) >= 0) {
			throw new IllegalStateException("The audio file " + filename + " holds more than the " + length
					+ " bytes announced");
		}
	}

	private static int read(InputStream in, byte[] buffer, int length, String filename) {
		try {
			return in.read(buffer, 0, length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audio file " + filename + ": " + ex.getMessage(), ex);
		}
	}

	private static Map<String, String> extensions() {
		Map<String, String> types = new LinkedHashMap<>();
		types.put("flac", "audio/flac");
		types.put("mp3", "audio/mpeg");
		types.put("mp4", "audio/mp4");
		types.put("mpeg", "audio/mpeg");
		types.put("mpga", "audio/mpeg");
		types.put("m4a", "audio/mp4");
		types.put("ogg", "audio/ogg");
		types.put("opus", "audio/opus");
		types.put("wav", "audio/wav");
		types.put("webm", "audio/webm");
		return java.util.Collections.unmodifiableMap(types);
	}

	/** Writes an upload's bytes. */
	@FunctionalInterface
	private interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

}
