package io.github.groqspring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A transcription or translation request as the emulator read it, its upload streamed: the
 * text fields, and the file's name, part content type, size and SHA-256 (its bytes are not
 * kept, so that an upload of any size costs the emulator no memory).
 *
 * @param path the endpoint's path
 * @param fields the text fields in the order they came, each with its values in order (e.g.
 * two {@code timestamp_granularities[]})
 * @param filename the file part's file name, {@code null} without a file part
 * @param contentType the file part's {@code Content-Type}, {@code null} when it had none
 * @param size the file's size in bytes, 0 without a file part
 * @param sha256 the file's SHA-256 in hex, {@code null} without a file part
 * @param partNames the names of every part, the file's included, in the order they came
 */
public record AudioUpload(String path, Map<String, List<String>> fields, @Nullable String filename,
		@Nullable String contentType, long size, @Nullable String sha256, List<String> partNames) {

	public AudioUpload {
		fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
		partNames = List.copyOf(partNames);
	}

	/**
	 * The first value of a text field.
	 * @param name the field's name
	 * @return the value, or {@code null} when it was not sent
	 */
	public @Nullable String field(String name) {
		List<String> values = this.fields.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
