package io.github.groqspring.audio;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Measures a WAV file as its bytes pass: its format from the header ({@code fmt } chunk),
 * its length from the bytes after the {@code data} chunk's header. The RIFF and data sizes
 * in the header are not trusted: a WAV streamed as it is made may carry placeholders there.
 */
final class WavMeter {

	private static final int HEADER_LIMIT = 4096;

	private final byte[] header = new byte[HEADER_LIMIT];

	private int headerLength;

	private long total;

	void update(byte[] bytes, int offset, int length) {
		if (this.headerLength < HEADER_LIMIT) {
			int kept = Math.min(length, HEADER_LIMIT - this.headerLength);
			System.arraycopy(bytes, offset, this.header, this.headerLength, kept);
			this.headerLength += kept;
		}
		this.total += length;
	}

	long total() {
		return this.total;
	}

	/**
	 * The audio's length.
	 * @return the length, or {@code null} when the bytes are not a PCM-like WAV file
	 */
	@Nullable Duration duration() {
		if (this.headerLength < 12 || !ascii(0, "RIFF") || !ascii(8, "WAVE")) {
			return null;
		}
		long byteRate = 0;
		int position = 12;
		while (position + 8 <= this.headerLength) {
			long size = littleEndian(position + 4, 4);
			if (ascii(position, "fmt ") && position + 20 <= this.headerLength) {
				byteRate = littleEndian(position + 16, 4);
			}
			else if (ascii(position, "data")) {
				long audioBytes = this.total - (position + 8);
				if (byteRate <= 0 || audioBytes < 0) {
					return null;
				}
				return Duration.ofNanos(Math.round(audioBytes * 1e9 / byteRate));
			}
			position += 8 + (int) Math.min(size + (size & 1), HEADER_LIMIT);
		}
		return null;
	}

	private boolean ascii(int position, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (this.header[position + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private long littleEndian(int position, int bytes) {
		long value = 0;
		for (int i = bytes - 1; i >= 0; i--) {
			value = (value << 8) | (this.header[position + i] & 0xFF);
		}
		return value;
	}

}
