package io.github.groqspring.batch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqInvalidResponseException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BatchResultReaderTests {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final String SUCCESS = """
			{"id":"batch_req_out_01jpra5p4ve4v8k14zkqn6agjm","custom_id":"request-2","response":{"status_code":200,\
			"request_id":"req_01jpra5n2qef6s66k65v8sy51h","body":{"id":"chatcmpl-f822c700","object":"chat.completion",\
			"created":1742425217,"model":"llama-3.1-8b-instant","choices":[{"index":0,"message":{"role":"assistant",\
			"content":"Hola, ¿cómo estás hoy?"},"logprobs":null,"finish_reason":"stop"}],"usage":{"queue_time":1.0087,\
			"prompt_tokens":55,"prompt_time":0.0099,"completion_tokens":55,"completion_time":0.0733,"total_tokens":110,\
			"total_time":0.0832},"system_fingerprint":"fp_9cb648b966","x_groq":{"id":"req_01jpra5n2qef6s66k65v8sy51h"}}},\
			"error":null}""";

	@Test
	void successLineGivesTheSameChatResponseAsASynchronousCall() {
		List<BatchResult> results = read(SUCCESS + "\n");
		assertThat(results).singleElement().isInstanceOfSatisfying(BatchResult.Success.class, (success) -> {
			assertThat(success.customId()).isEqualTo("request-2");
			assertThat(success.id()).isEqualTo("batch_req_out_01jpra5p4ve4v8k14zkqn6agjm");
			assertThat(success.succeeded()).isTrue();
			assertThat(success.content()).isEqualTo("Hola, ¿cómo estás hoy?");
			assertThat(success.response().finishReason()).isEqualTo("stop");
			assertThat(success.response().usage().totalTokens()).isEqualTo(110);
			assertThat(success.response().groqRequestId()).isEqualTo("req_01jpra5n2qef6s66k65v8sy51h");
			assertThat(success.response().metadata().status()).isEqualTo(200);
			assertThat(success.response().metadata().requestId()).isEqualTo("req_01jpra5n2qef6s66k65v8sy51h");
			assertThat(success.response().metadata().requestedTier()).isNull();
		});
	}

	@Test
	void failedRequestLineCarriesItsStatusAndGroqsError() {
		List<BatchResult> results = read("""
				{"id":"batch_req_2","custom_id":"bad","response":{"status_code":400,"request_id":"req_9",\
				"body":{"error":{"message":"The model `nope` does not exist","type":"invalid_request_error",\
				"code":"model_not_found"}}},"error":null}
				""");
		assertThat(results).singleElement()
			.isEqualTo(new BatchResult.Failure("bad", "batch_req_2", 400, "req_9",
					new GroqError("The model `nope` does not exist", "invalid_request_error", "model_not_found", null,
							null)));
	}

	@Test
	void expiredAndCancelledLinesHaveNoResponse() {
		List<BatchResult> results = read("""
				{"id":"batch_req_3","custom_id":"late","response":null,"error":{"code":"batch_expired",\
				"message":"This request could not be executed before the completion window expired."}}

				{"id":"batch_req_4","custom_id":"stopped","response":null,"error":{"code":"batch_cancelled","message":"x"}}
				{"id":"batch_req_5","custom_id":"odd","error":"plain text"}
				""");
		assertThat(results).hasSize(3).allSatisfy((result) -> assertThat(result.succeeded()).isFalse());
		BatchResult.Failure late = (BatchResult.Failure) results.get(0);
		assertThat(late.expired()).isTrue();
		assertThat(late.cancelled()).isFalse();
		assertThat(late.statusCode()).isZero();
		assertThat(late.requestId()).isNull();
		assertThat(late.error().message())
			.isEqualTo("This request could not be executed before the completion window expired.");
		assertThat(((BatchResult.Failure) results.get(1)).cancelled()).isTrue();
		assertThat(((BatchResult.Failure) results.get(2)).error().message()).isEqualTo("plain text");
	}

	@Test
	void unreadableLineIsReportedWithItsNumberNeverSkipped() {
		assertThatExceptionOfType(GroqInvalidResponseException.class).isThrownBy(() -> read(SUCCESS + "\n{oops\n"))
			.withMessageStartingWith("Line 2 of test file is not valid JSON (");
		assertThatExceptionOfType(GroqInvalidResponseException.class)
			.isThrownBy(() -> read("{\"custom_id\":\"x\",\"response\":null,\"error\":null}"))
			.withMessage("Line 1 of test file (custom_id 'x') has neither a response nor an error");
		assertThatExceptionOfType(GroqInvalidResponseException.class)
			.isThrownBy(() -> read("{\"id\":\"batch_req_1\",\"response\":null}"))
			.withMessage("Line 1 of test file has no custom_id");
	}

	@Test
	void fiftyThousandLinesAreReadWithBoundedReadAhead() throws Exception {
		int lines = 50_000;
		GeneratedResults content = new GeneratedResults(lines);
		long[] seen = new long[1];
		try (BatchResultReader reader = new BatchResultReader(content, JSON, "generated file")) {
			while (reader.hasNext()) {
				BatchResult result = reader.next();
				int index = (int) seen[0]++;
				assertThat(result.customId()).isEqualTo("r" + index);
				assertThat(result.succeeded()).isEqualTo(index % 7 != 0);
				// Everything read from the stream beyond the lines handed out so far: the reader's buffers.
				long readAhead = content.produced() - content.endOfLine(index);
				if (readAhead > 64 * 1024) {
					throw new AssertionError("The reader read " + readAhead + " bytes ahead at line " + index);
				}
			}
		}
		assertThat(seen[0]).isEqualTo(lines);
		assertThat(content.produced()).isGreaterThan(20L * 1024 * 1024);
	}

	private static List<BatchResult> read(String content) {
		List<BatchResult> results = new ArrayList<>();
		try (BatchResultReader reader = new BatchResultReader(
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), JSON, "test file")) {
			reader.forEachRemaining(results::add);
		}
		return results;
	}

	/** Result lines made up as they are read: the file never exists as a whole. */
	static final class GeneratedResults extends InputStream {

		private final int lines;

		private final long[] lineEnds;

		private int next;

		private byte[] current = new byte[0];

		private int position;

		private long produced;

		GeneratedResults(int lines) {
			this.lines = lines;
			this.lineEnds = new long[lines];
		}

		long produced() {
			return this.produced;
		}

		long endOfLine(int index) {
			return this.lineEnds[index];
		}

		@Override
		public int read() {
			if (!fill()) {
				return -1;
			}
			this.produced++;
			return this.current[this.position++] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int count = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, buffer, offset, count);
			this.position += count;
			this.produced += count;
			return count;
		}

		private boolean fill() {
			if (this.position < this.current.length) {
				return true;
			}
			if (this.next == this.lines) {
				return false;
			}
			int index = this.next++;
			this.current = line(index).getBytes(StandardCharsets.UTF_8);
			this.position = 0;
			this.lineEnds[index] = ((index > 0) ? this.lineEnds[index - 1] : 0) + this.current.length;
			return true;
		}

		private static String line(int index) {
			if (index % 7 == 0) {
				return "{\"id\":\"batch_req_" + index + "\",\"custom_id\":\"r" + index + "\",\"response\":{\"status_code\":"
						+ "429,\"request_id\":\"req_" + index + "\",\"body\":{\"error\":{\"message\":\"Rate limit reached\","
						+ "\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}},\"error\":null}\n";
			}
			return "{\"id\":\"batch_req_" + index + "\",\"custom_id\":\"r" + index + "\",\"response\":{\"status_code\":200,"
					+ "\"request_id\":\"req_" + index + "\",\"body\":{\"id\":\"chatcmpl-" + index + "\",\"object\":"
					+ "\"chat.completion\",\"created\":1742425217,\"model\":\"llama-3.1-8b-instant\",\"choices\":[{\"index\":0,"
					+ "\"message\":{\"role\":\"assistant\",\"content\":\"Answer number " + index + ": "
					+ "a reasonably long reply so that each line has the size of a real completion, which is what "
					+ "makes a result file large in the first place.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
					+ "\"usage\":{\"queue_time\":0.0418,\"prompt_tokens\":45,\"prompt_time\":0.00195,"
					+ "\"completion_tokens\":607,\"completion_time\":2.245,\"total_tokens\":652,\"total_time\":2.247},"
					+ "\"system_fingerprint\":\"fp_f8b414701e\",\"x_groq\":{\"id\":\"req_" + index + "\"}}},"
					+ "\"error\":null}\n";
		}

	}

}
