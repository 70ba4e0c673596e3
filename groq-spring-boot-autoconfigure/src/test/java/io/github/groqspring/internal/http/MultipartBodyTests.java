package io.github.groqspring.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MultipartBodyTests {

	private static final byte[] FILE = "{\"custom_id\":\"r1\"}\n{\"custom_id\":\"r2\"}\n".getBytes(StandardCharsets.UTF_8);

	@Test
	void writesTheFieldsThenTheFileBetweenItsBoundaries() throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("purpose", "batch");
		fields.put("note", "nightly");
		MultipartBody body = new MultipartBody("groq-b0undary", fields, "file", "batch.jsonl", FILE.length,
				(out) -> out.write(FILE));
		String expected = "--groq-b0undary\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
				+ "--groq-b0undary\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnightly\r\n"
				+ "--groq-b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + new String(FILE, StandardCharsets.UTF_8)
				+ "\r\n--groq-b0undary--\r\n";
		byte[] written = write(body);
		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(body.length()).isEqualTo(written.length);
		assertThat(body.boundary()).isEqualTo("groq-b0undary");
	}

	@Test
	void isRepeatableAndWritesTheSameBytesEachTime() throws IOException {
		MultipartBody body = new MultipartBody("b", Map.of("purpose", "batch"), "file", "f.jsonl", FILE.length,
				(out) -> out.write(FILE));
		assertThat(body.repeatable()).isTrue();
		assertThat(write(body)).isEqualTo(write(body));
	}

	@Test
	void aFileThatWritesOtherThanItAnnouncedFails() {
		MultipartBody shorter = new MultipartBody("b", Map.of(), "file", "f.jsonl", FILE.length + 1,
				(out) -> out.write(FILE));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> write(shorter))
			.withMessage("The file part announced " + (FILE.length + 1) + " bytes but wrote " + FILE.length);
	}

	@Test
	void theFileMayNotCloseTheConnection() throws IOException {
		ByteArrayOutputStream target = new ByteArrayOutputStream() {

			@Override
			public void close() {
				throw new AssertionError("closed");
			}

		};
		new MultipartBody("b", Map.of(), "file", "f.jsonl", FILE.length, (out) -> {
			out.write(FILE);
			out.close();
		}).writeTo(target);
		assertThat(target.toString(StandardCharsets.UTF_8)).endsWith("\r\n--b--\r\n");
	}

	@Test
	void aFileNameThatWouldBreakTheHeaderIsRefused() {
		for (String name : new String[] { "a\"b.jsonl", "a\rb.jsonl", "a\nb.jsonl" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new MultipartBody("b", Map.of(), "file", name, 0, (out) -> {
				}))
				.withMessage("A file name must not contain '\"', CR or LF, was " + name);
		}
	}

	private static byte[] write(MultipartBody body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		body.writeTo(out);
		return out.toByteArray();
	}

}
