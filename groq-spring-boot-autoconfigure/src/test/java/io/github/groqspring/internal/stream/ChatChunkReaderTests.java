package io.github.groqspring.internal.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.stream.GroqStreamException;
import io.github.groqspring.stream.GroqStreamTimeoutException;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatChunkReaderTests {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	static final ResponseMetadata METADATA = new ResponseMetadata(200, "req_header_7", "dls", RateLimits.NONE, null, 1, null);

	/** Groq's shape for a text answer: role chunk, content chunks, usage chunk (both usages), [DONE]. */
	static final String TEXT = """
			data: {"id":"chatcmpl-6b77f788","object":"chat.completion.chunk","created":1747512940,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp_37da608fc1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"x_groq":{"id":"req_01jvfy6n35ek69jhnc5ja1hhyx"},"service_tier":"on_demand"}

			data: {"id":"chatcmpl-6b77f788","object":"chat.completion.chunk","created":1747512940,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp_37da608fc1","choices":[{"index":0,"delta":{"content":"The answer"},"logprobs":null,"finish_reason":null}],"service_tier":"on_demand"}

			data: {"id":"chatcmpl-6b77f788","object":"chat.completion.chunk","created":1747512940,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp_37da608fc1","choices":[{"index":0,"delta":{"content":" is 4."},"logprobs":null,"finish_reason":null}],"service_tier":"on_demand"}

			data: {"id":"chatcmpl-6b77f788","object":"chat.completion.chunk","created":1747512940,"model":"llama-3.3-70b-versatile","system_fingerprint":"fp_37da608fc1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"x_groq":{"id":"req_01jvfy6n35ek69jhnc5ja1hhyx","seed":1321871292,"usage":{"queue_time":0.630466235,"prompt_tokens":13,"prompt_time":0.002560199,"completion_tokens":7,"completion_time":0.013977272,"total_tokens":20,"total_time":0.016537471}},"usage":{"queue_time":0.630466235,"prompt_tokens":13,"prompt_time":0.002560199,"completion_tokens":99,"completion_time":0.013977272,"total_tokens":112,"total_time":0.016537471},"service_tier":"on_demand"}

			data: [DONE]

			""";

	/** Groq's shape for a tool call: the first delta names the call, the next ones carry argument pieces. */
	static final String TOOL_CALL = """
			data: {"id":"chatcmpl-e7f8e220","object":"chat.completion.chunk","created":1711357598,"model":"gemma2-9b-it","system_fingerprint":"fp_3bc1b5746c","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_O17Uplv4lJvD6DVdIvFFeRMw","type":"function","function":{"name":"test-tool","arguments":"{\\""}}]},"finish_reason":null}]}

			data: {"id":"chatcmpl-e7f8e220","object":"chat.completion.chunk","created":1711357598,"model":"gemma2-9b-it","system_fingerprint":"fp_3bc1b5746c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"va"}}]},"finish_reason":null}]}

			data: {"id":"chatcmpl-e7f8e220","object":"chat.completion.chunk","created":1711357598,"model":"gemma2-9b-it","system_fingerprint":"fp_3bc1b5746c","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_second","type":"function","function":{"name":"clock","arguments":"{}"}}]},"finish_reason":null}]}

			data: {"id":"chatcmpl-e7f8e220","object":"chat.completion.chunk","created":1711357598,"model":"gemma2-9b-it","system_fingerprint":"fp_3bc1b5746c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"lue\\":\\"Sparkle Day\\"}"}}]},"finish_reason":null}]}

			data: {"id":"chatcmpl-e7f8e220","object":"chat.completion.chunk","created":1729171479,"model":"gemma2-9b-it","system_fingerprint":"fp_10c08bf97d","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"x_groq":{"id":"req_01jadadp0femyae9kav1gpkhe8","usage":{"queue_time":0.061348671,"prompt_tokens":18,"prompt_time":0.000211569,"completion_tokens":439,"completion_time":0.798181818,"total_tokens":457,"total_time":0.798393387}}}

			data: [DONE]

			""";

	static final String REASONING = """
			data: {"id":"c","object":"chat.completion.chunk","created":7,"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"x_groq":{"id":"req_r"}}

			data: {"id":"c","object":"chat.completion.chunk","created":7,"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"reasoning":"User wants"},"finish_reason":null}]}

			data: {"id":"c","object":"chat.completion.chunk","created":7,"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"reasoning":" a greeting."},"finish_reason":null}]}

			data: {"id":"c","object":"chat.completion.chunk","created":7,"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"content":"Hello!"},"finish_reason":null}]}

			data: {"id":"c","object":"chat.completion.chunk","created":7,"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14,"completion_tokens_details":{"reasoning_tokens":6}}}

			data: [DONE]

			""";

	@Test
	void readsGroqsTextShapeAndPrefersXGroqUsageOverTopLevelUsage() {
		ChatChunkReader reader = reader(TEXT);
		List<ChatCompletionChunk> chunks = readAll(reader);
		assertThat(chunks).extracting(ChatCompletionChunk::content).containsExactly("", "The answer", " is 4.", null);
		assertThat(chunks.get(0).groqRequestId()).isEqualTo("req_01jvfy6n35ek69jhnc5ja1hhyx");
		assertThat(chunks.get(1).groqRequestId()).isNull();
		ChatCompletionChunk last = chunks.get(3);
		assertThat(last.finishReason()).isEqualTo("stop");
		assertThat(last.usage().completionTokens()).isEqualTo(7);
		assertThat(last.topLevelUsage().completionTokens()).isEqualTo(99);
		assertThat(reader.isDone()).isTrue();
		assertThat(reader.chunkCount()).isEqualTo(4);
		assertThat(reader.next()).isNull();
		ChatResponse response = reader.partialResponse();
		assertThat(response.content()).isEqualTo("The answer is 4.");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage().completionTokens()).isEqualTo(7);
		assertThat(response.usage().queueDuration()).isEqualTo(Duration.ofNanos(630_466_235));
		assertThat(response.groqRequestId()).isEqualTo("req_01jvfy6n35ek69jhnc5ja1hhyx");
		assertThat(response.completion().xGroq().seed()).isEqualTo(1321871292L);
		assertThat(response.completion().id()).isEqualTo("chatcmpl-6b77f788");
		assertThat(response.completion().model()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(response.serviceTier()).isEqualTo("on_demand");
		assertThat(response.metadata()).isSameAs(METADATA);
	}

	@Test
	void readsTheTopLevelUsageWhenXGroqHasNone() {
		ChatChunkReader reader = reader(REASONING);
		List<ChatCompletionChunk> chunks = readAll(reader);
		assertThat(chunks).extracting(ChatCompletionChunk::reasoning)
			.containsExactly(null, "User wants", " a greeting.", null, null);
		ChatResponse response = reader.partialResponse();
		assertThat(response.usage().completionTokens()).isEqualTo(9);
		assertThat(response.usage().completionTokensDetails().reasoningTokens()).isEqualTo(6L);
		assertThat(response.reasoning()).isEqualTo("User wants a greeting.");
		assertThat(response.content()).isEqualTo("Hello!");
	}

	@Test
	void toolCallPiecesAreKeyedByIndexAndAssembled() {
		ChatChunkReader reader = reader(TOOL_CALL);
		List<ChatCompletionChunk> chunks = readAll(reader);
		assertThat(chunks.get(0).toolCalls()).singleElement().satisfies((delta) -> {
			assertThat(delta.index()).isZero();
			assertThat(delta.id()).isEqualTo("call_O17Uplv4lJvD6DVdIvFFeRMw");
			assertThat(delta.function().name()).isEqualTo("test-tool");
			assertThat(delta.function().arguments()).isEqualTo("{\"");
		});
		assertThat(chunks.get(1).toolCalls().get(0).id()).isNull();
		ChatResponse response = reader.partialResponse();
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isNull();
		assertThat(response.toolCalls()).containsExactly(
				ToolCall.function("call_O17Uplv4lJvD6DVdIvFFeRMw", "test-tool", "{\"value\":\"Sparkle Day\"}"),
				ToolCall.function("call_second", "clock", "{}"));
		assertThat(response.usage().totalTokens()).isEqualTo(457);
	}

	@Test
	void anErrorPayloadRaisesGroqsErrorWithWhatArrived() {
		ChatChunkReader reader = reader(firstChunks(2) + """
				data: {"error":{"message":"Service Unavailable","type":"internal_server_error","code":"service_unavailable"}}

				""");
		readChunks(reader, 2);
		assertThatExceptionOfType(GroqStreamException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream failed after 2 chunks: [type=internal_server_error, code=service_unavailable] "
					+ "Service Unavailable (request req_01jvfy6n35ek69jhnc5ja1hhyx)")
			.satisfies((ex) -> {
				assertThat(ex.getError()).isEqualTo(new GroqError("Service Unavailable", "internal_server_error",
						"service_unavailable", null, null));
				assertThat(ex.getChunksReceived()).isEqualTo(2);
				assertThat(ex.getPartialResponse().content()).isEqualTo("The answer");
				assertThat(ex.getRequestId()).isEqualTo("req_header_7");
			});
	}

	@Test
	void anErrorAsAPlainStringIsRaisedToo() {
		assertThatExceptionOfType(GroqStreamException.class).isThrownBy(reader("data: {\"error\":\"overloaded\"}\n\n")::next)
			.withMessage("Groq's stream failed after 0 chunks: overloaded (request req_header_7)");
	}

	@Test
	void anErrorEventRaisesItsDataEvenWhenItIsNotJson() {
		ChatChunkReader reader = reader(firstChunks(1) + "event: error\ndata: upstream connect error\n\n");
		readChunks(reader, 1);
		assertThatExceptionOfType(GroqStreamException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream failed after 1 chunk: upstream connect error "
					+ "(request req_01jvfy6n35ek69jhnc5ja1hhyx)")
			.satisfies((ex) -> assertThat(ex.getError().message()).isEqualTo("upstream connect error"));
	}

	@Test
	void anErrorEventWithoutDataIsStillAnError() {
		assertThatExceptionOfType(GroqStreamException.class).isThrownBy(reader("event: error\n\n")::next)
			.withMessage("Groq's stream failed after 0 chunks: no message (request req_header_7)")
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(GroqError.NONE));
	}

	@Test
	void anXGroqErrorRaisesAfterKeepingTheChunksContent() {
		ChatChunkReader reader = reader(firstChunks(2) + """
				data: {"id":"chatcmpl-6b77f788","object":"chat.completion.chunk","created":1747512940,"model":"llama-3.3-70b-versatile","choices":[{"index":0,"delta":{"content":" is"},"finish_reason":null}],"x_groq":{"id":"req_01jvfy6n35ek69jhnc5ja1hhyx","error":"stream stopped: model overloaded"}}

				""");
		readChunks(reader, 2);
		assertThatExceptionOfType(GroqStreamException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream failed after 3 chunks: stream stopped: model overloaded "
					+ "(request req_01jvfy6n35ek69jhnc5ja1hhyx)")
			.satisfies((ex) -> assertThat(ex.getPartialResponse().content()).isEqualTo("The answer is"));
	}

	@Test
	void contentThatSaysErrorAndErrorPropertiesBelowTheChunkAndXGroqAreNotErrors() {
		ChatChunkReader reader = reader("""
				data: {"id":"c","choices":[{"index":0,"delta":{"content":"error"}}],"error":null,"x_groq":{"id":"req_1","error":null}}

				data: {"id":"c","choices":[{"index":0,"delta":{"content":" \\"error\\""}}]}

				data: {"id":"c","choices":[{"index":0,"delta":{"content":"!","error":"not Groq's"}}],"usage":{"error":1}}

				data: [DONE]

				""");
		assertThat(readAll(reader)).extracting(ChatCompletionChunk::content)
			.containsExactly("error", " \"error\"", "!");
	}

	@Test
	void aStreamEndingWithoutDoneIsTruncated() {
		ChatChunkReader reader = reader(firstChunks(3));
		readChunks(reader, 3);
		assertThatExceptionOfType(GroqStreamTruncatedException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream ended without data: [DONE] after 3 chunks: the answer is incomplete "
					+ "(request req_01jvfy6n35ek69jhnc5ja1hhyx)")
			.satisfies((ex) -> assertThat(ex.getPartialResponse().content()).isEqualTo("The answer is 4."));
	}

	@Test
	void aChunkCutOffMidEventIsTruncatedNotAParseError() {
		ChatChunkReader reader = reader(firstChunks(1) + "data: {\"id\":\"chatcmpl-6b77f788\",\"choi");
		readChunks(reader, 1);
		assertThatExceptionOfType(GroqStreamTruncatedException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream ended in the middle of an event after 1 chunk: the answer is incomplete "
					+ "(request req_01jvfy6n35ek69jhnc5ja1hhyx)");
	}

	@Test
	void doneWithoutItsBlankLineStillEndsTheStream() {
		ChatChunkReader reader = reader(firstChunks(2) + "data: [DONE]");
		assertThat(readAll(reader)).hasSize(2);
		assertThat(reader.isDone()).isTrue();
	}

	@Test
	void aBrokenConnectionIsTruncationWithItsCause() {
		InputStream broken = new SequenceInputStream(bytes(firstChunks(1)), new InputStream() {
			@Override
			public int read() throws IOException {
				throw new SocketException("Connection reset");
			}
		});
		ChatChunkReader reader = new ChatChunkReader(broken, JSON, METADATA);
		readChunks(reader, 1);
		assertThatExceptionOfType(GroqStreamTruncatedException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream broke after 1 chunk: java.net.SocketException: Connection reset; "
					+ "the answer is incomplete (request req_01jvfy6n35ek69jhnc5ja1hhyx)")
			.withCauseInstanceOf(SocketException.class);
	}

	@Test
	void aReadTimeoutIsAStreamTimeout() {
		InputStream stalled = new SequenceInputStream(bytes(firstChunks(1)), new InputStream() {
			@Override
			public int read() throws IOException {
				throw new SocketTimeoutException("Read timed out");
			}
		});
		ChatChunkReader reader = new ChatChunkReader(stalled, JSON, METADATA);
		readChunks(reader, 1);
		assertThatExceptionOfType(GroqStreamTimeoutException.class).isThrownBy(reader::next)
			.withMessage("Groq's stream stalled after 1 chunk: no bytes within the read timeout (groq.read-timeout, "
					+ "or RequestOptions.readTimeout of this call; java.net.SocketTimeoutException: Read timed out) "
					+ "(request req_01jvfy6n35ek69jhnc5ja1hhyx)");
	}

	@Test
	void aChunkThatIsNotJsonIsAStreamException() {
		ChatChunkReader reader = reader(firstChunks(1) + "data: <html>Bad gateway</html>\n\n");
		readChunks(reader, 1);
		assertThatExceptionOfType(GroqStreamException.class).isThrownBy(reader::next)
			.withMessageStartingWith("Groq's stream sent a chunk that is not valid JSON after 1 chunk: ")
			.withMessageContaining("chunk starts: <html>Bad gateway</html>")
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(GroqError.NONE));
	}

	private static String firstChunks(int count) {
		String[] events = TEXT.split("\n\n");
		StringBuilder chunks = new StringBuilder();
		for (int i = 0; i < count; i++) {
			chunks.append(events[i]).append("\n\n");
		}
		return chunks.toString();
	}

	private static ChatChunkReader reader(String stream) {
		return new ChatChunkReader(bytes(stream), JSON, METADATA);
	}

	private static ByteArrayInputStream bytes(String stream) {
		return new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8));
	}

	private static List<ChatCompletionChunk> readAll(ChatChunkReader reader) {
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		for (ChatCompletionChunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
			chunks.add(chunk);
		}
		return chunks;
	}

	private static void readChunks(ChatChunkReader reader, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(reader.next()).isNotNull();
		}
	}

}
