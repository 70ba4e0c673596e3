package io.github.groqspring.test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jspecify.annotations.Nullable;

/**
 * WAV files for the emulated audio endpoints: the speech it answers (RIFF/WAVE, PCM, mono,
 * 16-bit, 24 kHz, a soft tone, of a length that follows the text) and the length of a WAV
 * upload, read from its {@code fmt } chunk and its size (the sizes a header states are not
 * trusted: a WAV streamed as it is made may hold placeholders there).
 */
final class WavFiles {

	/** Orpheus's sample rate (24 kHz, as Canopy Labs' model card gives it; unconfirmed for Groq). */
	static final int SAMPLE_RATE = 24_000;

	/** How fast the emulated voice speaks: 15 characters a second, about 170 words a minute. */
	static final double CHARACTERS_PER_SECOND = 15;

	private WavFiles() {
	}

	/** The seconds of speech the emulator makes of a text: its characters at 15 a second, at least half a second. */
	static double speechSeconds(String input) {
		return Math.max(0.5, input.codePointCount(0, input.length()) / CHARACTERS_PER_SECOND);
	}

	/** A mono 16-bit PCM WAV of this many seconds: a quiet 440 Hz tone. */
	static byte[] speech(double seconds) {
		int samples = (int) Math.round(seconds * SAMPLE_RATE);
		ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"));
		wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE)
			.putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
		wav.put(ascii("data")).putInt(samples * 2);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE) * 3000));
		}
		return wav.array();
	}

	/**
	 * The length of a WAV file.
	 * @param header its first bytes (the header, at least up to the {@code data} chunk)
	 * @param size its size in bytes
	 * @return seconds, or {@code null} when it is not a WAV file the emulator can read
	 */
	static @Nullable Double seconds(byte[] header, int headerLength, long size) {
		ByteBuffer bytes = ByteBuffer.wrap(header, 0, headerLength).order(ByteOrder.LITTLE_ENDIAN);
		if (headerLength < 12 || !is(header, 0, "RIFF") || !is(header, 8, "WAVE")) {
			return null;
		}
		long byteRate = 0;
		int position = 12;
		while (position + 8 <= headerLength) {
			long chunk = bytes.getInt(position + 4) & 0xFFFFFFFFL;
			if (is(header, position, "fmt ") && position + 20 <= headerLength) {
				byteRate = bytes.getInt(position + 16) & 0xFFFFFFFFL;
			}
			else if (is(header, position, "data")) {
				return (byteRate > 0) ? (size - position - 8) / (double) byteRate : null;
			}
			position += 8 + (int) Math.min(chunk + (chunk & 1), headerLength);
		}
		return null;
	}

	private static boolean is(byte[] bytes, int position, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (bytes[position + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

}
