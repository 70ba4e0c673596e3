package io.github.groqspring.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * The custom ids of a job's input, checked for repeats exactly and in little memory.
 *
 * <p>A {@code HashSet<String>} of a million short ids takes about 100 MB of heap; a Bloom
 * filter takes little but calls some new ids repeats. This set keeps a 64-bit fingerprint
 * per id in an open-addressing table (8 bytes a slot, at most three quarters full: 16 MB
 * for a million ids) and appends the ids themselves to a file. An id whose fingerprint is
 * in the table is looked up in that file, so a repeat is reported with the request it
 * repeats, and two ids that only share a fingerprint (about once in 30 million million-id
 * inputs) are both accepted, at the cost of one read of the file.
 */
final class CustomIdSet implements Closeable {

	private static final int INITIAL_CAPACITY = 1 << 12;

	private final Path file;

	private final DataOutputStream log;

	private final ToLongFunction<String> fingerprints;

	private long[] slots = new long[INITIAL_CAPACITY];

	private int used;

	private long added;

	CustomIdSet(Path file) throws IOException {
		this(file, CustomIdSet::fingerprint);
	}

	/** With another fingerprint function: tests make every id collide with it. */
	CustomIdSet(Path file, ToLongFunction<String> fingerprints) throws IOException {
		this.file = file;
		this.log = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
		this.fingerprints = fingerprints;
	}

	/**
	 * Add the id of the next request.
	 * @return the 1-based number of the request that had this id before, or 0 when it is new
	 */
	long add(String customId) throws IOException {
		long fingerprint = nonZero(this.fingerprints.applyAsLong(customId));
		int slot = slot(this.slots, fingerprint);
		if (this.slots[slot] == fingerprint) {
			long earlier = find(customId);
			if (earlier > 0) {
				return earlier;
			}
		}
		else {
			this.slots[slot] = fingerprint;
			if (++this.used > this.slots.length / 4 * 3) {
				grow();
			}
		}
		byte[] bytes = customId.getBytes(StandardCharsets.UTF_8);
		this.log.writeInt(bytes.length);
		this.log.write(bytes);
		this.added++;
		return 0;
	}

	/** How many table slots there are: the heap this set holds is 8 bytes each. */
	int capacity() {
		return this.slots.length;
	}

	@Override
	public void close() throws IOException {
		try {
			this.log.close();
		}
		finally {
			Files.deleteIfExists(this.file);
		}
	}

	private long find(String customId) throws IOException {
		this.log.flush();
		byte[] wanted = customId.getBytes(StandardCharsets.UTF_8);
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(this.file), 64 * 1024))) {
			for (long number = 1; number <= this.added; number++) {
				int length = in.readInt();
				if (length == wanted.length && Arrays.equals(in.readNBytes(length), wanted)) {
					return number;
				}
				if (length != wanted.length && in.skipBytes(length) != length) {
					throw new EOFException("The custom id file " + this.file + " ends early");
				}
			}
		}
		return 0;
	}

	private void grow() {
		long[] larger = new long[this.slots.length * 2];
		for (long fingerprint : this.slots) {
			if (fingerprint != 0) {
				larger[slot(larger, fingerprint)] = fingerprint;
			}
		}
		this.slots = larger;
	}

	/** The slot holding this fingerprint, or the empty one where it goes (linear probing). */
	private static int slot(long[] slots, long fingerprint) {
		int mask = slots.length - 1;
		int slot = (int) fingerprint & mask;
		while (slots[slot] != 0 && slots[slot] != fingerprint) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private static long nonZero(long fingerprint) {
		return (fingerprint != 0) ? fingerprint : 1;
	}

	/** FNV-1a over the id's characters, then MurmurHash3's finalizer to spread the bits. */
	static long fingerprint(String customId) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < customId.length(); i++) {
			hash ^= customId.charAt(i);
			hash *= 0x100000001b3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

}
