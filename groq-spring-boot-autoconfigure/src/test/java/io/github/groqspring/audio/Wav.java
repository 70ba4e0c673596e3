package io.github.groqspring.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Mono 16-bit PCM WAV files for the tests. */
final class Wav {

	private Wav() {
	}

	/** A WAV of this many seconds at this rate, its samples a ramp. */
	static byte[] of(double seconds, int sampleRate) {
		int samples = (int) Math.round(seconds * sampleRate);
		ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"));
		wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
			.putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
		wav.put(ascii("data")).putInt(samples * 2);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (i % 2000));
		}
		return wav.array();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
