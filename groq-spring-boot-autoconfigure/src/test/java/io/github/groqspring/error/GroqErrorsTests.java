package io.github.groqspring.error;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExtendWith(GroqEmulatorExtension.class)
class GroqErrorsTests {

	static final String KEY = "gsk_secret_never_shown_42";

	static GroqEmulator emulator;

	/** Retries are off here: these tests pin down how each single answer is decoded (see RetryTests). */
	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(emulator.baseUrl())
		.apiKey(KEY)
		.retry(RetrySettings.NONE)
		.build();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	static Stream<Arguments> documentedStatuses() {
		return Stream.of(
				arguments(400, "invalid_request_error", null, "property 'store' is unsupported, did you mean 'stop'?",
						GroqBadRequestException.class, "Bad Request", ""),
				arguments(401, "invalid_request_error", "invalid_api_key", "Invalid API Key",
						GroqAuthenticationException.class, "Unauthorized", ". Check GROQ_API_KEY (groq.api-key)"),
				arguments(403, "permission_error", "forbidden", "Permission denied for this project",
						GroqPermissionDeniedException.class, "Forbidden", ""),
				arguments(404, "invalid_request_error", "model_not_found",
						"The model `x` does not exist or you do not have access to it.", GroqNotFoundException.class,
						"Not Found", ""),
				arguments(413, "tokens", "rate_limit_exceeded", "Request too large for model: TPM limit 6000",
						GroqRequestTooLargeException.class, "Content Too Large", ""),
				arguments(422, "invalid_request_error", null, "Unprocessable request",
						GroqUnprocessableEntityException.class, "Unprocessable Content", ""),
				arguments(424, "invalid_request_error", "mcp_auth_failed", "Remote MCP server authentication failed",
						GroqFailedDependencyException.class, "Failed Dependency", ""),
				arguments(429, "requests", "rate_limit_exceeded", "Rate limit reached on requests per day (RPD)",
						GroqRateLimitException.class, "Too Many Requests", ""),
				arguments(498, "capacity_exceeded", "capacity_exceeded", "Flex tier capacity exceeded",
						FlexCapacityExceededException.class, "Flex Capacity Exceeded", ""),
				arguments(500, "internal_server_error", null, "Internal server error", GroqServerException.class,
						"Internal Server Error", ""),
				arguments(502, "bad_gateway", null, "Bad gateway", GroqServerException.class, "Bad Gateway", ""),
				arguments(503, "service_unavailable", null, "Service unavailable", GroqServerException.class,
						"Service Unavailable", ""),
				arguments(418, "teapot", null, "I am a teapot", GroqApiException.class, "I'm a teapot", ""));
	}

	@ParameterizedTest(name = "{0} -> {4}")
	@MethodSource("documentedStatuses")
	void eachDocumentedStatusIsItsTypedException(int status, String type, String code, String message,
			Class<? extends GroqApiException> expectedType, String reason, String advice) {
		emulator.enqueue(EmulatedResponse.error(status, type, code, message).withHeader("x-request-id", "req_err_1"));
		GroqApiException ex = catchThrowableOfType(expectedType, this::send);
		assertThat(ex).isExactlyInstanceOf(expectedType);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getErrorType()).isEqualTo(type);
		assertThat(ex.getErrorCode()).isEqualTo(code);
		assertThat(ex.getErrorMessage()).isEqualTo(message);
		assertThat(ex.getRequestId()).isEqualTo("req_err_1");
		assertThat(ex.getRateLimits().limitRequests()).isEqualTo(14400L);
		assertThat(ex).hasMessage("Groq answered " + status + " " + reason + " [type=" + type + ", code=" + code + "]: "
				+ message + " (request req_err_1)" + advice);
		assertThat(ex.getMessage()).doesNotContain(KEY);
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		emulator.enqueue(EmulatedResponse.rateLimited(11));
		GroqRateLimitException ex = catchThrowableOfType(GroqRateLimitException.class, this::send);
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(11));
		assertThat(ex.getErrorType()).isEqualTo("tokens");
		assertThat(ex.getErrorMessage()).contains("service tier `on_demand`");
	}

	@Test
	void toolUseFailedCarriesTheFailedGeneration() {
		emulator.enqueue(EmulatedResponse.raw(400, "application/json", """
				{"error":{"message":"Failed to call a function. Please adjust your prompt.","type":"invalid_request_error",
				 "code":"tool_use_failed","failed_generation":"<function=weather>{\\"city\\": Paris}</function>"}}"""));
		GroqBadRequestException ex = catchThrowableOfType(GroqBadRequestException.class, this::send);
		assertThat(ex.getErrorCode()).isEqualTo("tool_use_failed");
		assertThat(ex.getFailedGeneration()).isEqualTo("<function=weather>{\"city\": Paris}</function>");
	}

	@Test
	void tierNotAvailableNamesTheTierAndTheFix() {
		emulator.allowTiers("on_demand", "flex");
		ServiceTierNotAvailableException ex = catchThrowableOfType(ServiceTierNotAvailableException.class,
				() -> this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi").serviceTier(ServiceTier.AUTO)));
		assertThat(ex.getServiceTier()).isEqualTo("auto");
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getMessage()).startsWith("Groq answered 400 Bad Request [type=invalid_request_error, code=null]: "
				+ "`service_tier` `auto` is not available for this org.")
			.endsWith(". Your organisation cannot use service tier 'auto': send another tier (on the request, "
					+ "@GroqTier or groq.default-service-tier) or none, or upgrade the plan");
	}

	@Test
	void htmlErrorPageFromAProxyStillGivesATypedExceptionWithItsTitle() {
		emulator.enqueue(EmulatedResponse.raw(502, "text/html",
				"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>")
			.withHeader("x-request-id", "req_proxy"));
		GroqServerException ex = catchThrowableOfType(GroqServerException.class, this::send);
		assertThat(ex.getError()).isEqualTo(GroqError.NONE);
		assertThat(ex).hasMessage("Groq answered 502 Bad Gateway with a body that is not Groq's JSON error "
				+ "(text/html): 502 Bad Gateway (request req_proxy)");
	}

	@Test
	void emptyErrorBodySaysSo() {
		emulator.enqueue(EmulatedResponse.raw(503, "text/plain", "").withHeader("x-request-id", "req_empty"));
		assertThatExceptionOfType(GroqServerException.class).isThrownBy(this::send)
			.withMessage("Groq answered 503 Service Unavailable with an empty body (request req_empty)");
	}

	@Test
	void successStatusWithANonJsonBodyIsAnInvalidResponse() {
		emulator.enqueue(EmulatedResponse.raw(200, "text/html", "<html>maintenance</html>"));
		GroqInvalidResponseException ex = catchThrowableOfType(GroqInvalidResponseException.class, this::send);
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getMessage()).startsWith("Groq answered 200 with a body that is not a valid ChatCompletion (")
			.endsWith("); body starts: <html>maintenance</html>");
	}

	@Test
	void connectionRefusedIsATransportException() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (GroqTemplate unreachable = GroqTemplate.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.apiKey(KEY)
			.retry(RetrySettings.NONE)
			.build()) {
			GroqTransportException ex = catchThrowableOfType(GroqTransportException.class,
					() -> unreachable.chat(ChatRequest.builder("m").user("Hi")));
			assertThat(ex).isExactlyInstanceOf(GroqTransportException.class)
				.hasMessageStartingWith("Could not talk to Groq for POST /openai/v1/chat/completions: ")
				.hasRootCauseInstanceOf(ConnectException.class);
			assertThat(ex.getStatusCode()).isZero();
			assertThat(ex.getMessage()).doesNotContain(KEY);
		}
	}

	@Test
	void readTimeoutIsATimeoutException() throws Exception {
		emulator.enqueue(EmulatedResponse.reply("late").delayedBy(Duration.ofSeconds(2)));
		try (GroqTemplate impatient = GroqTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.readTimeout(Duration.ofMillis(200))
			.retry(RetrySettings.NONE)
			.build()) {
			assertThatExceptionOfType(GroqTimeoutException.class)
				.isThrownBy(() -> impatient.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi")))
				.withMessageStartingWith("Groq did not answer POST /openai/v1/chat/completions in time "
						+ "(groq.connect-timeout, groq.read-timeout): ");
		}
	}

	@Test
	void theKeyAppearsInNoExceptionMessageOrToString() {
		emulator.requireApiKey("gsk_other");
		GroqAuthenticationException ex = catchThrowableOfType(GroqAuthenticationException.class, this::send);
		assertThat(ex.getMessage()).doesNotContain(KEY);
		assertThat(ex.toString()).doesNotContain(KEY);
		assertThat(ex.getError().toString()).doesNotContain(KEY);
	}

	private void send() {
		this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
	}

}
