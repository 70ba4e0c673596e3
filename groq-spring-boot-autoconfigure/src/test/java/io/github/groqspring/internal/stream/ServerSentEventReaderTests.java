package io.github.groqspring.internal.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSentEventReaderTests {

	@Test
	void anEventIsHandedOutAsSoonAsItsBlankLineHasArrived() throws IOException {
		PiecewiseInput input = new PiecewiseInput("data: {\"a\":1}\n\n", "data: {\"b\":2}\n\n");
		ServerSentEventReader reader = new ServerSentEventReader(input);
		assertThat(reader.next()).isTrue();
		assertThat(reader.dataAsString()).isEqualTo("{\"a\":1}");
		assertThat(input.reads).as("the second piece was not waited for").isEqualTo(1);
		assertThat(reader.next()).isTrue();
		assertThat(reader.dataAsString()).isEqualTo("{\"b\":2}");
		assertThat(input.reads).isEqualTo(2);
	}

	@Test
	void eventsSplitAnywhereAcrossReadsAreReassembled() throws IOException {
		String stream = "data: {\"content\":\"Hé\"}\r\n\r\nevent: error\r\ndata: {\"x\":1}\r\n\r\ndata: [DONE]\r\n\r\n";
		byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
		List<byte[]> pieces = new ArrayList<>();
		for (byte b : bytes) {
			pieces.add(new byte[] { b });
		}
		assertThat(events(new PiecewiseInput(pieces), 16)).containsExactly("null|{\"content\":\"Hé\"}|true",
				"error|{\"x\":1}|true", "null|[DONE]|true");
	}

	@Test
	void linesMayEndWithLfCrlfOrCr() throws IOException {
		assertThat(events("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: d\r\n\n")).containsExactly("null|a|true",
				"null|b|true", "null|c|true", "null|d|true");
	}

	@Test
	void aCrlfSplitBetweenTwoReadsIsOneLineEnd() throws IOException {
		ServerSentEventReader reader = new ServerSentEventReader(new PiecewiseInput("data: a\r", "\n\r", "\ndata: b\r\n\r\n"));
		assertThat(reader.next()).isTrue();
		assertThat(reader.dataAsString()).isEqualTo("a");
		assertThat(reader.next()).isTrue();
		assertThat(reader.dataAsString()).isEqualTo("b");
		assertThat(reader.next()).isFalse();
	}

	@Test
	void followsTheEventStreamFormat() throws IOException {
		String stream = """
				: a comment, ignored
				id: 7
				retry: 1000
				data: first line
				data:second line
				data
				unknown: field

				event: error
				data:  two spaces keep one

				""";
		assertThat(events(stream)).containsExactly("null|first line\nsecond line\n|true",
				"error| two spaces keep one|true");
	}

	@Test
	void aStreamOfOnlyCommentsAndBlankLinesHasNoEvent() throws IOException {
		assertThat(events(": ping\n\n\n: ping\n\n")).isEmpty();
	}

	@Test
	void anEventCutOffByTheEndOfTheStreamIsMarkedIncomplete() throws IOException {
		assertThat(events("data: a\n\ndata: {\"cut")).containsExactly("null|a|true", "null|{\"cut|false");
		assertThat(events("data: [DONE]")).containsExactly("null|[DONE]|false");
		assertThat(events("data: a\n\ndata: b\n")).containsExactly("null|a|true", "null|b|false");
	}

	@Test
	void eventsLargerThanTheBufferGrowIt() throws IOException {
		String big = "x".repeat(100_000);
		assertThat(events(new PiecewiseInput("data: " + big.substring(0, 50_000), big.substring(50_000) + "\n\n"), 64))
			.containsExactly("null|" + big + "|true");
	}

	private static List<String> events(String stream) throws IOException {
		return events(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), 8192);
	}

	private static List<String> events(InputStream input, int bufferSize) throws IOException {
		ServerSentEventReader reader = new ServerSentEventReader(input, bufferSize);
		List<String> events = new ArrayList<>();
		while (reader.next()) {
			events.add(reader.event() + "|" + reader.dataAsString() + "|" + reader.isComplete());
		}
		return events;
	}

	/** Hands out one piece per read, as a socket does when bytes trickle in. */
	static final class PiecewiseInput extends InputStream {

		private final Deque<byte[]> pieces = new ArrayDeque<>();

		private int reads;

		PiecewiseInput(String... pieces) {
			for (String piece : pieces) {
				this.pieces.add(piece.getBytes(StandardCharsets.UTF_8));
			}
		}

		PiecewiseInput(List<byte[]> pieces) {
			this.pieces.addAll(pieces);
		}

		@Override
		public int read() {
			throw new UnsupportedOperationException();
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			byte[] piece = this.pieces.poll();
			if (piece == null) {
				return -1;
			}
			this.reads++;
			int count = Math.min(length, piece.length);
			System.arraycopy(piece, 0, bytes, offset, count);
			if (count < piece.length) {
				this.pieces.push(Arrays.copyOfRange(piece, count, piece.length));
			}
			return count;
		}

	}

}
