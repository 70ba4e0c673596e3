package io.github.groqspring;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import io.github.groqspring.batch.Batch;
import io.github.groqspring.batch.BatchInput;
import io.github.groqspring.batch.BatchPolling;
import io.github.groqspring.batch.BatchResult;
import io.github.groqspring.batch.BatchResultReader;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.health.GroqHealthIndicator;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.http.KeyMaskedException;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.stream.GroqStreamException;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A server that echoes the key back (as Groq's 401 does: "Invalid API Key: gsk_... is not
 * valid") must not get it into an exception's message, {@code getError()},
 * {@code toString()}, a health detail or any log line, at any level.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyEchoedBackTests {

	private static final String KEY = "gsk_echoedBackByTheServer4711";

	/** A key of a proxy in front of Groq: not shaped like Groq's, masked because it is the one configured. */
	private static final String PROXY_KEY = "proxy-secret-31337-abcdef";

	private static final String MODEL = "llama-3.3-70b-versatile";

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey(KEY)
		.retry(new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO))
		.build();

	@BeforeEach
	void traceEverything() {
		this.logging.setLogLevel("io.github.groqspring", LogLevel.TRACE);
		this.logging.setLogLevel("org.springframework", LogLevel.TRACE);
	}

	@AfterEach
	void close() throws Exception {
		this.logging.setLogLevel("io.github.groqspring", null);
		this.logging.setLogLevel("org.springframework", null);
		this.groq.close();
	}

	@Test
	void aKeyEchoedIn401IsMaskedInTheMessageTheErrorAndToString(CapturedOutput output) {
		this.emulator.enqueue(EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key",
				"Invalid API Key: " + KEY + " is not valid"));

		GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class, this::chat);

		String expected = "Groq answered 401 Unauthorized [type=invalid_request_error, code=invalid_api_key]: "
				+ "Invalid API Key: ****** is not valid (request " + ex.getRequestId()
				+ "). Check GROQ_API_KEY (groq.api-key)";
		assertThat(ex).hasMessage(expected);
		assertThat(ex.toString()).isEqualTo(GroqAuthenticationException.class.getName() + ": " + expected);
		assertThat(ex.getErrorMessage()).isEqualTo("Invalid API Key: ****** is not valid");
		assertThat(ex.getError()).isEqualTo(
				new GroqError("Invalid API Key: ****** is not valid", "invalid_request_error", "invalid_api_key", null,
						null));
		assertThat(ex.getError().toString()).doesNotContain(KEY);
		assertThat(this.emulator.lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(output.getAll()).contains("Groq answered 401").doesNotContain(KEY);
	}

	@Test
	void everyFieldOfAnEchoing400IsMaskedAndAnotherGroqShapedKeyToo(CapturedOutput output) {
		String other = "gsk_someoneElsesKey123";
		this.emulator.enqueue(EmulatedResponse.raw(400, "application/json",
				"{\"error\":{\"message\":\"Key " + KEY + " may not use " + other + "\",\"type\":\"invalid_request_error\","
						+ "\"code\":\"tool_use_failed\",\"param\":\"" + KEY + "\",\"failed_generation\":\"echo " + KEY
						+ "\"}}"));

		GroqBadRequestException ex = catchThrowableOfType(GroqBadRequestException.class, this::chat);

		assertThat(ex).hasMessage("Groq answered 400 Bad Request [type=invalid_request_error, code=tool_use_failed]: "
				+ "Key ****** may not use gsk_****** (request " + ex.getRequestId() + ")");
		assertThat(ex.getError()).isEqualTo(new GroqError("Key ****** may not use gsk_******", "invalid_request_error",
				"tool_use_failed", "******", "echo ******"));
		assertThat(ex.getFailedGeneration()).isEqualTo("echo ******");
		assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(other);
	}

	@Test
	void theDebugRetryLineOfARetriedFailureHoldsNoKey(CapturedOutput output) {
		this.emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "Boom for key " + KEY));
		this.emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "Boom for key " + KEY));

		GroqServerException ex = catchThrowableOfType(GroqServerException.class, this::chat);

		assertThat(ex.getAttempts()).isEqualTo(2);
		assertThat(ex).hasMessage("Groq answered 500 Internal Server Error [type=internal_server_error, code=null]: "
				+ "Boom for key ****** (request " + ex.getRequestId() + ")");
		assertThat(output.getAll()).contains("Retrying Groq call in ")
			.contains(" ms after attempt 1: Groq answered 500 Internal Server Error [type=internal_server_error, "
					+ "code=null]: Boom for key ****** (request req_")
			.doesNotContain(KEY);
	}

	@Test
	void aKeyInAnHtmlErrorPageIsMasked(CapturedOutput output) {
		this.emulator.enqueue(EmulatedResponse.raw(403, "text/html",
				"<html><head><title>Forbidden for " + KEY + "</title></head><body>no</body></html>"));

		GroqApiException ex = catchThrowableOfType(GroqApiException.class, this::chat);

		assertThat(ex).hasMessage("Groq answered 403 Forbidden with a body that is not Groq's JSON error (text/html): "
				+ "Forbidden for ****** (request " + ex.getRequestId() + ")");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void aKeyInAnUnreadableSuccessBodyIsMasked(CapturedOutput output) {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", "{\"choices\": \"" + KEY + "\"}"));

		GroqInvalidResponseException ex = catchThrowableOfType(GroqInvalidResponseException.class, this::chat);

		assertThat(ex).hasMessage("Groq answered 200 with a body that is not a valid ChatCompletion (Cannot deserialize "
				+ "value of type `java.util.ArrayList<io.github.groqspring.chat.ChatCompletion$Choice>` from String value "
				+ "(token `JsonToken.VALUE_STRING`)); body starts: {\"choices\": \"******\"}");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void aKeyInAnErrorInsideAStreamIsMasked(CapturedOutput output) {
		this.emulator.enqueueStream(EmulatedStream.reply("Hello there, friend")
			.failingAfter(2, "server_error", "internal_error", "Generation failed for " + KEY));

		GroqStreamException ex;
		try (ChatStream stream = this.groq.stream(ChatRequest.builder(MODEL).user("Hi"))) {
			ex = catchThrowableOfType(GroqStreamException.class, () -> stream.forEach((chunk) -> {
			}));
		}

		assertThat(ex).hasMessage("Groq's stream failed after 2 chunks: [type=server_error, code=internal_error] "
				+ "Generation failed for ****** (request " + this.emulator.lastRequest().requestId() + ")");
		assertThat(ex.getError()).isEqualTo(
				new GroqError("Generation failed for ******", "server_error", "internal_error", null, null));
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void aKeyInAJsonAnswerToAStreamRequestIsMasked(CapturedOutput output) {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", "{\"note\":\"" + KEY + "\"}"));

		GroqInvalidResponseException ex = catchThrowableOfType(GroqInvalidResponseException.class,
				() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi")).close());

		assertThat(ex).hasMessage("Groq answered 200 with application/json instead of text/event-stream to a "
				+ "streaming request; body starts: {\"note\":\"******\"}");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void aConfiguredKeyOfAnotherShapeIsMaskedWhereverItIsEchoed(CapturedOutput output) throws Exception {
		try (GroqTemplate proxied = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.apiKey(PROXY_KEY)
			.retry(RetrySettings.NONE)
			.build()) {
			this.emulator.enqueue(EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key",
					"Invalid API Key: " + PROXY_KEY + " is not valid"));

			GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class,
					() -> proxied.chat(ChatRequest.builder(MODEL).user("Hi")));

			assertThat(ex.getErrorMessage()).isEqualTo("Invalid API Key: ****** is not valid");
			assertThat(ex).hasMessage("Groq answered 401 Unauthorized [type=invalid_request_error, code=invalid_api_key]: "
					+ "Invalid API Key: ****** is not valid (request " + this.emulator.lastRequest().requestId()
					+ "). Check GROQ_API_KEY (groq.api-key)");
		}
		assertThat(output.getAll()).doesNotContain(PROXY_KEY);
	}

	/**
	 * A configured key shorter than eight characters (a proxy's {@code sk-123}) is masked
	 * wherever it stands as a whole token, and only there: the same characters inside a
	 * longer token ({@code sk-1234}, {@code ask-123}, {@code sk-123_b}) are left alone.
	 */
	@Test
	void aShortConfiguredKeyIsMaskedWhereverItIsAWholeToken(CapturedOutput output) throws Exception {
		String shortKey = "sk-123";
		try (GroqTemplate proxied = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.apiKey(shortKey)
			.retry(RetrySettings.NONE)
			.build()) {
			this.emulator.enqueue(EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key",
					"Invalid API Key: sk-123 is not valid (nor sk-1234, ask-123, sk-123_b or 'sk-123')"));

			GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class,
					() -> proxied.chat(ChatRequest.builder(MODEL).user("Hi")));

			assertThat(ex.getErrorMessage())
				.isEqualTo("Invalid API Key: ****** is not valid (nor sk-1234, ask-123, sk-123_b or '******')");
			assertThat(ex).hasMessage("Groq answered 401 Unauthorized [type=invalid_request_error, code=invalid_api_key]: "
					+ "Invalid API Key: ****** is not valid (nor sk-1234, ask-123, sk-123_b or '******') (request "
					+ this.emulator.lastRequest().requestId() + "). Check GROQ_API_KEY (groq.api-key)");
		}
		assertThat(output.getAll()).doesNotContainPattern("(?<![A-Za-z0-9_-])sk-123(?![A-Za-z0-9_-])");
	}

	/**
	 * A one-character placeholder key (emulators) is masked as a whole token, not inside
	 * words, which would garble every message ({@code "answ******r******d"}); Groq-shaped keys
	 * are masked all the same.
	 */
	@Test
	void aOneCharacterKeyDoesNotGarbleMessagesButIsStillMaskedAsAToken() throws Exception {
		try (GroqTemplate placeholder = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.apiKey("e")
			.retry(RetrySettings.NONE)
			.build()) {
			this.emulator.enqueue(EmulatedResponse.error(400, "invalid_request_error", null,
					"Please check the request entered; key e was seen, and " + KEY));

			GroqBadRequestException ex = catchThrowableOfType(GroqBadRequestException.class,
					() -> placeholder.chat(ChatRequest.builder(MODEL).user("Hi")));

			assertThat(ex).hasMessage("Groq answered 400 Bad Request [type=invalid_request_error, code=null]: Please "
					+ "check the request entered; key ****** was seen, and gsk_****** (request "
					+ this.emulator.lastRequest().requestId() + ")");
		}
	}

	/** A configured key of eight characters or more is masked anywhere, even inside a longer token. */
	@Test
	void anEightCharacterKeyIsMaskedEvenInsideAToken(CapturedOutput output) throws Exception {
		try (GroqTemplate proxied = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.apiKey("proxy-k8")
			.retry(RetrySettings.NONE)
			.build()) {
			this.emulator.enqueue(EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key",
					"Invalid API Key: Bearerproxy-k8s is not valid"));

			GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class,
					() -> proxied.chat(ChatRequest.builder(MODEL).user("Hi")));

			assertThat(ex.getErrorMessage()).isEqualTo("Invalid API Key: Bearer******s is not valid");
		}
		assertThat(output.getAll()).doesNotContain("proxy-k8");
	}

	@Test
	void theHealthDetailsOfAnEchoed401HoldNoKey(CapturedOutput output) {
		this.emulator.enqueue(GroqEmulator.MODELS, EmulatedResponse.error(401, "invalid_request_error",
				"invalid_api_key", "Invalid API Key: " + KEY + " is not valid"));
		GroqHealthIndicator indicator = new GroqHealthIndicator(this.groq, Duration.ofSeconds(2), Duration.ZERO);

		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		Map<String, Object> details = health.getDetails();
		assertThat(details).containsEntry("reason", "invalid_api_key");
		assertThat(details.get("error")).isEqualTo("Groq answered 401 Unauthorized [type=invalid_request_error, "
				+ "code=invalid_api_key]: Invalid API Key: ****** is not valid (request "
				+ this.emulator.lastRequest().requestId() + "). Check GROQ_API_KEY (groq.api-key)");
		assertThat(health.toString()).doesNotContain(KEY);
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void aKeyInTheReasonsABatchFailedValidationIsMasked(CapturedOutput output) {
		this.emulator.batches().failNextBatchValidation("Line 1 uses key " + KEY);
		Batch failed = this.groq.batches()
			.await(this.groq.batches()
				.submit(BatchInput.builder().add("r1", ChatRequest.builder(MODEL).user("Hi")).build())
				.id(), BatchPolling.every(Duration.ofMillis(1)), (batch) -> {
				});

		assertThatIllegalStateException().isThrownBy(() -> this.groq.batches().results(failed))
			.withMessage("Batch " + failed.id() + " failed validation, so it has no results: Line 1 uses key ******");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	/** Jackson quotes the token or value it could not read in its message: the cause must not carry it unmasked. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"id": %s}        | Unrecognized token '******': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
			{"usage":"%s"}    | Cannot construct instance of `io.github.groqspring.chat.Usage` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('******')
			""")
	void aKeyQuotedByTheParserOfAnUnreadableBodyReachesNoStackTraceAndNoLog(String body, String parserMessage,
			CapturedOutput output) {
		String sent = body.formatted(KEY);
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", sent));

		GroqInvalidResponseException ex = catchThrowableOfType(GroqInvalidResponseException.class, this::chat);

		assertThat(ex).hasMessage("Groq answered 200 with a body that is not a valid ChatCompletion (" + parserMessage
				+ "); body starts: " + body.formatted("******"));
		assertThat(ex.getCause()).isExactlyInstanceOf(KeyMaskedException.class);
		assertThat(ex.getCause().getMessage()).startsWith("tools.jackson.").contains(parserMessage);
		assertNoKeyInTheStackTraceOrAnErrorLog(ex, output);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"id": %s}                                                     | Unrecognized token '******': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
			{"id":"c1","object":"chat.completion.chunk","usage":"%s"}      | Cannot construct instance of `io.github.groqspring.chat.Usage` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('******')
			""")
	void aKeyQuotedByTheParserOfAnUnreadableChunkReachesNoStackTraceAndNoLog(String chunk, String parserMessage,
			CapturedOutput output) {
		this.emulator.enqueueStream(EmulatedStream.rawEvents("data: " + chunk.formatted(KEY)));

		GroqStreamException ex = catchThrowableOfType(GroqStreamException.class,
				() -> this.groq.stream(ChatRequest.builder(MODEL).user("Hi")));

		assertThat(ex).hasMessage("Groq's stream sent a chunk that is not valid JSON after 0 chunks: " + parserMessage
				+ "; chunk starts: " + chunk.formatted("******") + " (request " + ex.getRequestId() + ")");
		assertThat(ex.getRequestId()).isEqualTo(this.emulator.lastRequest().requestId());
		assertThat(ex.getCause()).isExactlyInstanceOf(KeyMaskedException.class);
		assertNoKeyInTheStackTraceOrAnErrorLog(ex, output);
	}

	@Test
	void aKeyInADownloadedResultFileReachesNoFailureNoStackTraceAndNoLog(CapturedOutput output) {
		this.emulator.enqueue("/openai/v1/files/file_leaky/content", EmulatedResponse.raw(200, "application/octet-stream",
				"{\"id\":\"batch_req_1\",\"custom_id\":\"r1\",\"response\":null,\"error\":{\"code\":\"invalid_api_key\","
						+ "\"message\":\"Invalid API Key: " + KEY + "\"}}\n{\"custom_id\": " + KEY + "}\n"));

		GroqInvalidResponseException ex;
		try (BatchResultReader reader = this.groq.batches().files().readResults("file_leaky")) {
			assertThat(reader.next()).isEqualTo(new BatchResult.Failure("r1", "batch_req_1", 0, null,
					new GroqError("Invalid API Key: ******", null, "invalid_api_key", null, null)));
			ex = catchThrowableOfType(GroqInvalidResponseException.class, reader::next);
		}

		assertThat(ex).hasMessage("Line 2 of file file_leaky is not valid JSON (Unrecognized token '******': was "
				+ "expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))");
		assertThat(ex.getCause()).isExactlyInstanceOf(KeyMaskedException.class);
		assertNoKeyInTheStackTraceOrAnErrorLog(ex, output);
	}

	/** What {@code printStackTrace} and {@code log.error(message, ex)} print holds the masked cause and no key. */
	private static void assertNoKeyInTheStackTraceOrAnErrorLog(Throwable ex, CapturedOutput output) {
		StringWriter trace = new StringWriter();
		ex.printStackTrace(new PrintWriter(trace));
		assertThat(trace.toString()).contains("Caused by: " + KeyMaskedException.class.getName() + ": tools.jackson.")
			.contains("'******'")
			.doesNotContain(KEY);
		LogFactory.getLog(ApiKeyEchoedBackTests.class).error("The Groq call failed", ex);
		assertThat(output.getAll()).contains("The Groq call failed")
			.contains("Caused by: " + KeyMaskedException.class.getName() + ": tools.jackson.")
			.doesNotContain(KEY);
	}

	private void chat() {
		this.groq.chat(ChatRequest.builder(MODEL).user("Hi"));
	}

}
