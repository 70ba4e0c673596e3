package io.github.groqspring.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseBodies.readBody}: a body is read whole, whatever its
 * {@code Content-Length} says.
 */
class ResponseBodyReadingTests {

	private static final byte[] BODY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void readBodyWithExactContentLengthReturnsTheBody() throws IOException {
		assertThat(read(new ByteArrayInputStream(BODY), BODY.length)).isEqualTo(BODY);
	}

	@Test
	void readBodyWithoutContentLengthReadsToTheEnd() throws IOException {
		assertThat(read(new ByteArrayInputStream(BODY), -1)).isEqualTo(BODY);
	}

	@Test
	void readBodyShorterThanAnnouncedReturnsWhatArrived() throws IOException {
		assertThat(read(new ByteArrayInputStream(BODY), BODY.length + 10)).isEqualTo(BODY);
	}

	@Test
	void readBodyLongerThanAnnouncedKeepsEveryByte() throws IOException {
		assertThat(read(new ByteArrayInputStream(BODY), 5)).isEqualTo(BODY);
	}

	@Test
	void readEmptyBodyReturnsNoBytes() throws IOException {
		assertThat(read(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
	}

	private static byte[] read(java.io.InputStream in, long contentLength) throws IOException {
		return ResponseBodies.readBody(in, contentLength, System.nanoTime() + 60_000_000_000L, "POST /test", 1);
	}

}
