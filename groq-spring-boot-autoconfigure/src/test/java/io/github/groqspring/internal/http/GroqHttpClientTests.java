package io.github.groqspring.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqRedirectException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.internal.http.GroqHttpClient.HttpResult;
import io.github.groqspring.internal.http.GroqHttpClient.StreamStart;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withRawStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * {@link GroqHttpClient} against Spring's mock server: the bytes and headers each call
 * sends, how answers are decoded into bodies, metadata and typed exceptions, and which
 * calls retry. Whole calls over a real connection are in {@code FaultInjectionTests} and
 * the template's tests.
 */
class GroqHttpClientTests {

	private static final String BASE = "https://groq.test";

	private static final String KEY = "gsk_configuredSecret123";

	private static final String MODEL_JSON = "{\"id\":\"llama-3.3-70b-versatile\",\"object\":\"model\","
			+ "\"created\":1,\"owned_by\":\"Meta\",\"active\":true,\"context_window\":131072}";

	private static final RetrySettings ONE_FAST_RETRY = new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1),
			Duration.ofSeconds(1));

	private final RestClient.Builder builder = RestClient.builder().baseUrl(BASE);

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final GroqHttpClient client = new GroqHttpClient(this.builder.build(), GroqJsonMapper.derive(null), null,
			() -> CallBudget.start(ONE_FAST_RETRY, Duration.ofSeconds(5), Duration.ofSeconds(30)), ApiKeyMask.of(KEY));

	private final List<String> retries = new ArrayList<>();

	private final RetryListener listener = (failure, attempt, wait) -> this.retries
		.add(attempt + ":" + failure.getStatusCode());

	@AfterEach
	void verify() {
		this.server.verify();
	}

	@Test
	void postSendsTheSerializedBytesWithTheirLengthAndDecodesTheAnswerWithItsMetadata() {
		byte[] json = "{\"model\":\"llama-3.3-70b-versatile\",\"service_tier\":\"flex\"}".getBytes(StandardCharsets.UTF_8);
		this.server.expect(requestTo(BASE + "/openai/v1/models/ask"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header(HttpHeaders.CONTENT_TYPE, "application/json"))
			.andExpect(header(HttpHeaders.CONTENT_LENGTH, Integer.toString(json.length)))
			.andExpect(headerDoesNotExist(HttpHeaders.ACCEPT))
			.andExpect(content().bytes(json))
			.andRespond(withSuccess(MODEL_JSON, MediaType.APPLICATION_JSON).headers(groqHeaders()));
		Map<String, String> request = new LinkedHashMap<>();
		request.put("model", "llama-3.3-70b-versatile");
		request.put("service_tier", "flex");
		HttpResult<GroqModel> result = this.client.post("/openai/v1/models/ask", request, GroqModel.class,
				ServiceTier.FLEX, null, budget(), this.listener);
		assertThat(result.body().id()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(result.body().ownedBy()).isEqualTo("Meta");
		assertThat(result.metadata()).isEqualTo(new ResponseMetadata(200, "req_1", "dls", new RateLimits(14400L, 14399L,
				null, null, null, null, null), ServiceTier.FLEX, 1, null));
		assertThat(this.retries).isEmpty();
	}

	@Test
	void anErrorStatusIsItsTypedExceptionWithGroqsAdviceAndTheAttempt() {
		HttpHeaders headers = groqHeaders();
		headers.set("x-should-retry", "false");
		headers.set("retry-after", "2");
		this.server.expect(requestTo(BASE + "/openai/v1/chat/completions"))
			.andRespond(withStatus(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
				.headers(headers)
				.body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}"));
		GroqRateLimitException failure = catchThrowableOfType(GroqRateLimitException.class,
				() -> this.client.post("/openai/v1/chat/completions", Map.of(), GroqModel.class, ServiceTier.ON_DEMAND,
						null, budget(), this.listener));
		assertThat(failure.getMessage()).isEqualTo(
				"Groq answered 429 Too Many Requests [type=tokens, code=rate_limit_exceeded]: Rate limit reached (request req_1)");
		assertThat(failure.getRetryHint()).isFalse();
		assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(failure.getAttempts()).isEqualTo(1);
		assertThat(this.retries).isEmpty();
	}

	@Test
	void aTransientStatusIsRetriedAndTheAnswerCountsBothAttempts() {
		this.server.expect(requestTo(BASE + "/openai/v1/models/llama-3.3-70b-versatile"))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
		this.server.expect(requestTo(BASE + "/openai/v1/models/llama-3.3-70b-versatile"))
			.andExpect(header(HttpHeaders.ACCEPT, "application/json"))
			.andRespond(withSuccess(MODEL_JSON, MediaType.APPLICATION_JSON).headers(groqHeaders()));
		HttpResult<GroqModel> result = this.client.get("/openai/v1/models/{id}", GroqModel.class, this.listener,
				"llama-3.3-70b-versatile");
		assertThat(result.metadata().attempts()).isEqualTo(2);
		assertThat(result.metadata().requestId()).isEqualTo("req_1");
		assertThat(this.retries).containsExactly("1:503");
	}

	@Test
	void retriesThatRunOutEndWithTheExceptionOfTheLastAttempt() {
		this.server.expect(requestTo(BASE + "/openai/v1/models")).andRespond(withRawStatus(500));
		this.server.expect(requestTo(BASE + "/openai/v1/models")).andRespond(withRawStatus(502));
		GroqServerException failure = catchThrowableOfType(GroqServerException.class,
				() -> this.client.get("/openai/v1/models", GroqModel.class, this.listener));
		assertThat(failure.getStatusCode()).isEqualTo(502);
		assertThat(failure.getAttempts()).isEqualTo(2);
		assertThat(this.retries).containsExactly("1:500");
	}

	@Test
	void aBrokenConnectionIsATransportFailureAndIsRetried() {
		this.server.expect(requestTo(BASE + "/openai/v1/models"))
			.andRespond(withException(new IOException("Connection reset")));
		this.server.expect(requestTo(BASE + "/openai/v1/models"))
			.andRespond(withException(new IOException("Connection reset")));
		GroqTransportException failure = catchThrowableOfType(GroqTransportException.class,
				() -> this.client.get("/openai/v1/models", GroqModel.class, this.listener));
		assertThat(failure.getMessage())
			.isEqualTo("Could not talk to Groq for GET /openai/v1/models: java.io.IOException: Connection reset");
		assertThat(failure.getAttempts()).isEqualTo(2);
		assertThat(this.retries).containsExactly("1:0");
	}

	@Test
	void aRedirectIsNeitherFollowedNorRetried() {
		this.server.expect(requestTo(BASE + "/openai/v1/models"))
			.andRespond(withStatus(HttpStatus.TEMPORARY_REDIRECT).location(URI.create("https://elsewhere.test/")));
		GroqRedirectException failure = catchThrowableOfType(GroqRedirectException.class,
				() -> this.client.get("/openai/v1/models", GroqModel.class, this.listener));
		assertThat(failure.getLocation()).isEqualTo("https://elsewhere.test/");
		assertThat(failure.getAttempts()).isEqualTo(1);
		assertThat(this.retries).isEmpty();
	}

	@Test
	void anUnreadableSuccessIsInvalidNotRetriedAndShowsNoKey() {
		this.server.expect(requestTo(BASE + "/openai/v1/models"))
			.andRespond(withSuccess("<html>" + KEY + " and gsk_another1</html>", MediaType.TEXT_HTML));
		GroqInvalidResponseException failure = catchThrowableOfType(GroqInvalidResponseException.class,
				() -> this.client.get("/openai/v1/models", GroqModel.class, this.listener));
		assertThat(failure.getMessage()).startsWith("Groq answered 200 with a body that is not a valid GroqModel (")
			.endsWith("); body starts: <html>****** and gsk_******</html>")
			.doesNotContain(KEY);
		assertThat(failure.getAttempts()).isEqualTo(1);
		assertThat(this.retries).isEmpty();
	}

	@Test
	void aQueryLeavesOutWhatIsNotSet() {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("after", "batch_1");
		query.put("limit", null);
		this.server.expect(requestTo(BASE + "/openai/v1/batches?after=batch_1"))
			.andExpect(method(HttpMethod.GET))
			.andRespond(withSuccess(MODEL_JSON, MediaType.APPLICATION_JSON));
		assertThat(this.client.getWithQuery("/openai/v1/batches", query, GroqModel.class, this.listener).body().id())
			.isEqualTo("llama-3.3-70b-versatile");
	}

	@Test
	void aPostWithoutABodySendsNoContentTypeAndIsNotRetried() {
		this.server.expect(requestTo(BASE + "/openai/v1/batches/batch_1/cancel"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header(HttpHeaders.CONTENT_LENGTH, "0"))
			.andExpect(headerDoesNotExist(HttpHeaders.CONTENT_TYPE))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
		GroqServerException failure = catchThrowableOfType(GroqServerException.class,
				() -> this.client.postWithoutTier("/openai/v1/batches/{id}/cancel", null, GroqModel.class, "batch_1"));
		assertThat(failure.getAttempts()).isEqualTo(1);
	}

	@Test
	void deleteIsRetriedLikeAGet() {
		this.server.expect(requestTo(BASE + "/openai/v1/files/file_1")).andRespond(withStatus(HttpStatus.BAD_GATEWAY));
		this.server.expect(requestTo(BASE + "/openai/v1/files/file_1"))
			.andExpect(method(HttpMethod.DELETE))
			.andRespond(withSuccess(MODEL_JSON, MediaType.APPLICATION_JSON));
		assertThat(this.client.delete("/openai/v1/files/{id}", GroqModel.class, this.listener, "file_1")
			.metadata()
			.attempts()).isEqualTo(2);
		assertThat(this.retries).containsExactly("1:502");
	}

	@Test
	void aDownloadHandsOverTheBodyAndAnErrorIsTyped() throws IOException {
		this.server.expect(requestTo(BASE + "/openai/v1/files/file_1/content"))
			.andExpect(header(HttpHeaders.ACCEPT, "*/*"))
			.andRespond(withSuccess("line 1\nline 2\n", MediaType.APPLICATION_OCTET_STREAM).headers(groqHeaders()));
		this.server.expect(requestTo(BASE + "/openai/v1/files/file_2/content"))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":{\"message\":\"File not found\"}}"));
		HttpResult<InputStream> download = this.client.download("/openai/v1/files/{id}/content", this.listener,
				"file_1");
		try (InputStream body = download.body()) {
			assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
		}
		assertThat(download.metadata().requestId()).isEqualTo("req_1");
		assertThat(catchThrowableOfType(GroqNotFoundException.class,
				() -> this.client.download("/openai/v1/files/{id}/content", this.listener, "file_2")))
			.hasMessage("Groq answered 404 Not Found: File not found");
	}

	@Test
	void aMultipartUploadSendsItsBoundaryItsLengthAndTheFile() {
		byte[] file = "{\"custom_id\":\"r1\"}\n".getBytes(StandardCharsets.UTF_8);
		this.server.expect(requestTo(BASE + "/openai/v1/files"))
			.andExpect(method(HttpMethod.POST))
			.andExpect((request) -> {
				String type = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
				assertThat(type).startsWith("multipart/form-data;boundary=groq-");
				String boundary = type.substring(type.indexOf('=') + 1);
				String body = request.getBody().toString();
				assertThat(body).isEqualTo("--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\n"
						+ "Content-Type: application/octet-stream\r\n\r\n{\"custom_id\":\"r1\"}\n\r\n--" + boundary
						+ "--\r\n");
				assertThat(request.getHeaders().getContentLength()).isEqualTo(body.length());
			})
			.andRespond(withSuccess(MODEL_JSON, MediaType.APPLICATION_JSON));
		this.client.postMultipart("/openai/v1/files", Map.of("purpose", "batch"), "file", "batch.jsonl", file.length,
				(out) -> out.write(file), GroqModel.class);
	}

	@Test
	void aStreamStartThatSaysItsFailureDeliveredNothingIsRetried() {
		this.server.expect(requestTo(BASE + "/openai/v1/chat/completions"))
			.andExpect(header(HttpHeaders.ACCEPT, "text/event-stream"))
			.andExpect(header(HttpHeaders.ACCEPT_ENCODING, "identity"))
			.andRespond(withSuccess("data: cut", MediaType.TEXT_EVENT_STREAM).headers(groqHeaders()));
		this.server.expect(requestTo(BASE + "/openai/v1/chat/completions"))
			.andRespond(withSuccess("data: whole", MediaType.TEXT_EVENT_STREAM).headers(groqHeaders()));
		List<ResponseMetadata> opened = new ArrayList<>();
		String started = this.client.postForStream("/openai/v1/chat/completions", Map.of("stream", true),
				ServiceTier.FLEX, null, null, budget(), this.listener, new StreamStart<>() {

					@Override
					public String start(StreamingResponse response) {
						opened.add(response.metadata());
						String body = read(response);
						if (body.equals("data: cut")) {
							throw new GroqException("cut before the first chunk", 200, null, RateLimits.NONE,
									response.metadata().attempts(), null);
						}
						return body;
					}

					@Override
					public boolean isRetryable(GroqException failure) {
						return failure.getMessage().startsWith("cut");
					}

				});
		assertThat(started).isEqualTo("data: whole");
		assertThat(opened).extracting(ResponseMetadata::attempts).containsExactly(1, 2);
		assertThat(opened).extracting(ResponseMetadata::requestedTier).containsOnly(ServiceTier.FLEX);
		assertThat(this.retries).containsExactly("1:200");
	}

	@Test
	void aStreamThatIsRefusedNeverStarts() {
		this.server.expect(requestTo(BASE + "/openai/v1/chat/completions"))
			.andRespond(withRawStatus(498).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":{\"message\":\"flex is full\"}}"));
		this.server.expect(requestTo(BASE + "/openai/v1/chat/completions"))
			.andRespond(withRawStatus(498).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":{\"message\":\"flex is still full\"}}"));
		List<StreamingResponse> started = new ArrayList<>();
		GroqException failure = catchThrowableOfType(GroqException.class,
				() -> this.client.postForStream("/openai/v1/chat/completions", Map.of(), ServiceTier.FLEX, null, null,
						budget().afterAttempts(2), this.listener, new StreamStart<Object>() {

							@Override
							public Object start(StreamingResponse response) {
								started.add(response);
								return response;
							}

							@Override
							public boolean isRetryable(GroqException failure) {
								return false;
							}

						}));
		assertThat(failure).hasMessage("Groq answered 498 Flex Capacity Exceeded: flex is still full");
		assertThat(failure.getAttempts()).isEqualTo(4);
		assertThat(started).isEmpty();
		assertThat(this.retries).containsExactly("3:498");
	}

	@Test
	void theKeyMaskIsTheConfiguredKeys() {
		assertThat(this.client.keyMask().mask("Invalid API Key: " + KEY + ", not gsk_other9"))
			.isEqualTo("Invalid API Key: ******, not gsk_******");
	}

	private CallBudget budget() {
		return CallBudget.start(ONE_FAST_RETRY, Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

	private static HttpHeaders groqHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-request-id", "req_1");
		headers.set("x-groq-region", "dls");
		headers.set("x-ratelimit-limit-requests", "14400");
		headers.set("x-ratelimit-remaining-requests", "14399");
		return headers;
	}

	private static String read(StreamingResponse response) {
		try {
			return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
