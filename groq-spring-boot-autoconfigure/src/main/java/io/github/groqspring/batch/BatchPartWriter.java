package io.github.groqspring.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes a job's requests, read once, as JSONL part files that each fit one batch: a new
 * part starts when the next line would pass the most lines or bytes a batch may have.
 * Every line is checked as it is written (its custom id unique across the whole input, no
 * tier, no streaming, a model), so a bad request fails the job before anything is sent.
 * Memory does not grow with the parts: a line is serialized, written and dropped; only the
 * custom ids' fingerprints stay ({@link CustomIdSet}).
 */
final class BatchPartWriter {

	private final BatchInputWriter writer;

	private final BatchLimits limits;

	BatchPartWriter(BatchInputWriter writer, BatchLimits limits) {
		this.writer = writer;
		this.limits = limits;
	}

	/**
	 * Write the parts into a directory, which holds nothing else afterwards.
	 * @throws IllegalArgumentException for a request no batch would accept, naming it; the
	 * parts written so far are deleted
	 */
	List<PartFile> write(Iterator<BatchLine> lines, Path directory) {
		Parts parts = new Parts(directory);
		try (parts; CustomIdSet customIds = new CustomIdSet(directory.resolve("custom-ids"))) {
			long number = 0;
			while (lines.hasNext()) {
				BatchLine line = lines.next();
				number++;
				BatchInput.check(line.customId(), line.request());
				long earlier = customIds.add(line.customId());
				if (earlier > 0) {
					throw new IllegalArgumentException("Duplicate custom_id '" + line.customId() + "' at request " + number
							+ " (first at request " + earlier + "): every request of a job needs its own custom_id, "
							+ "since results come back in any order and are matched by it");
				}
				byte[] json = this.writer.serialize(line);
				if (json.length + 1L > this.limits.maxBytes()) {
					throw new IllegalArgumentException("Batch request " + number + " ('" + line.customId() + "') alone is "
							+ (json.length + 1L) + " bytes as a JSONL line, more than the " + this.limits.maxBytes()
							+ " bytes a batch file may hold: shorten it");
				}
				parts.append(json);
			}
			if (number == 0) {
				throw new IllegalArgumentException("A batch job needs at least one request: the input was empty");
			}
			return parts.finish();
		}
		catch (IOException ex) {
			parts.delete();
			throw new UncheckedIOException("Could not write the batch job's part files in " + directory, ex);
		}
		catch (RuntimeException ex) {
			parts.delete();
			throw ex;
		}
	}

	static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// a temporary file left behind is all that is lost
		}
	}

	/** One written part. */
	record PartFile(Path path, long lines, long bytes) {
	}

	/** The part files being written, the last one open. */
	private final class Parts implements AutoCloseable {

		private final Path directory;

		private final List<PartFile> done = new ArrayList<>();

		private @Nullable OutputStream out;

		private @Nullable Path current;

		private long lines;

		private long bytes;

		Parts(Path directory) {
			this.directory = directory;
		}

		void append(byte[] json) throws IOException {
			long size = json.length + 1L;
			OutputStream target = this.out;
			if (target == null || this.lines == BatchPartWriter.this.limits.maxLines()
					|| this.bytes + size > BatchPartWriter.this.limits.maxBytes()) {
				target = next();
			}
			target.write(json);
			target.write('\n');
			this.lines++;
			this.bytes += size;
		}

		List<PartFile> finish() throws IOException {
			closeCurrent();
			return List.copyOf(this.done);
		}

		void delete() {
			try {
				close();
			}
			catch (IOException ex) {
				// deleting below is what matters
			}
			this.done.forEach((part) -> deleteQuietly(part.path()));
			Path open = this.current;
			if (open != null) {
				deleteQuietly(open);
			}
		}

		@Override
		public void close() throws IOException {
			OutputStream open = this.out;
			this.out = null;
			if (open != null) {
				open.close();
			}
		}

		private OutputStream next() throws IOException {
			closeCurrent();
			Path path = this.directory.resolve("part-" + (this.done.size() + 1) + ".jsonl");
			this.current = path;
			OutputStream opened = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
			this.out = opened;
			this.lines = 0;
			this.bytes = 0;
			return opened;
		}

		private void closeCurrent() throws IOException {
			Path path = this.current;
			if (path != null) {
				close();
				this.done.add(new PartFile(path, this.lines, this.bytes));
				this.current = null;
			}
		}

	}

}
