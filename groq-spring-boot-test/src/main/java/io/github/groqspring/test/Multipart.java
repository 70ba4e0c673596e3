package io.github.groqspring.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code multipart/form-data} body as it came over the wire, strictly: a body
 * that a real server could not read is refused rather than guessed at.
 */
final class Multipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };

	private Multipart() {
	}

	/**
	 * The parts of a body, by name.
	 * @throws IllegalArgumentException saying what is malformed
	 */
	static Map<String, Part> parse(@Nullable String contentType, byte[] body) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw new IllegalArgumentException("Content-Type must be multipart/form-data, was " + contentType);
		}
		Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
		if (!boundaryMatcher.find()) {
			throw new IllegalArgumentException("multipart/form-data without a boundary");
		}
		byte[] delimiter = ("--" + boundaryMatcher.group(2)).getBytes(StandardCharsets.US_ASCII);
		byte[] separator = ("\r\n--" + boundaryMatcher.group(2)).getBytes(StandardCharsets.US_ASCII);
		if (indexOf(body, delimiter, 0) != 0) {
			throw new IllegalArgumentException("The body does not start with the boundary");
		}
		Map<String, Part> parts = new LinkedHashMap<>();
		int position = delimiter.length;
		while (true) {
			if (startsWith(body, position, new byte[] { '-', '-' })) {
				return parts;
			}
			if (!startsWith(body, position, CRLF)) {
				throw new IllegalArgumentException("No CRLF after a boundary at byte " + position);
			}
			int headersStart = position + 2;
			int headersEnd = indexOf(body, HEADER_END, headersStart);
			int contentEnd = (headersEnd < 0) ? -1 : indexOf(body, separator, headersEnd + 4);
			if (contentEnd < 0) {
				throw new IllegalArgumentException("A part is not terminated by the boundary");
			}
			String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
			Matcher name = NAME.matcher(headers);
			if (!name.find()) {
				throw new IllegalArgumentException("A part has no Content-Disposition name: " + headers);
			}
			Matcher filename = FILENAME.matcher(headers);
			parts.put(name.group(1), new Part(name.group(1), filename.find() ? filename.group(1) : null,
					Arrays.copyOfRange(body, headersEnd + 4, contentEnd)));
			position = contentEnd + separator.length;
		}
	}

	private static boolean startsWith(byte[] body, int position, byte[] prefix) {
		if (position + prefix.length > body.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (body[position + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] body, byte[] target, int from) {
		byte first = target[0];
		for (int i = from; i <= body.length - target.length; i++) {
			if (body[i] == first && startsWith(body, i, target)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * One part.
	 *
	 * @param name its form field name
	 * @param filename the file name, for a file part
	 * @param content its bytes
	 */
	record Part(String name, @Nullable String filename, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

}
