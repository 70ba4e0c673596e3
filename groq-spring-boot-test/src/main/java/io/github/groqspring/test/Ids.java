package io.github.groqspring.test;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids shaped like Groq's: {@code req_01...}, {@code batch_01...}, {@code file_01...} are
 * lowercase ULIDs (48-bit millisecond time, 80 random bits, Crockford base32, as in every
 * captured {@code x-request-id} and {@code x_groq.id}); {@code chatcmpl-} ids carry a UUID.
 * Every id is new: ULIDs of the same millisecond stay unique and ordered by counting up the
 * random part, as the ULID spec's monotonic mode does.
 */
final class Ids {

	private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static long lastMillis;

	private static long randomHigh;

	private static long randomLow;

	private Ids() {
	}

	static String requestId() {
		return "req_" + ulid();
	}

	static String batchId() {
		return "batch_" + ulid();
	}

	static String fileId() {
		return "file_" + ulid();
	}

	static String completionId() {
		return "chatcmpl-" + UUID.randomUUID();
	}

	static String toolCallId() {
		return "call_" + ulid().substring(10);
	}

	/** A 26-character ULID: 10 characters of time, 16 of randomness. */
	static String ulid() {
		long millis;
		long high;
		long low;
		synchronized (Ids.class) {
			millis = System.currentTimeMillis();
			if (millis <= lastMillis) {
				millis = lastMillis;
				randomLow = (randomLow + 1) & 0xFFFFFFFFFFL;
				if (randomLow == 0) {
					randomHigh = (randomHigh + 1) & 0xFFFFFFFFFFL;
				}
			}
			else {
				lastMillis = millis;
				randomHigh = RANDOM.nextLong() & 0xFFFFFFFFFFL;
				randomLow = RANDOM.nextLong() & 0xFFFFFFFFFFL;
			}
			high = randomHigh;
			low = randomLow;
		}
		char[] id = new char[26];
		encode(millis, id, 0, 10);
		encode(high, id, 10, 8);
		encode(low, id, 18, 8);
		return new String(id);
	}

	private static void encode(long value, char[] into, int offset, int length) {
		for (int i = offset + length - 1; i >= offset; i--) {
			into[i] = CROCKFORD[(int) (value & 31)];
			value >>>= 5;
		}
	}

}
