package io.github.groqspring;

import java.util.stream.Stream;

import io.github.groqspring.batch.BatchInput;
import io.github.groqspring.batch.BatchOptions;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqApiException;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqHealthContributorAutoConfiguration;
import io.github.groqspring.error.GroqRedirectException;
import io.github.groqspring.health.GroqHealthIndicator;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Groq's API never redirects: whatever the call, a 3xx is a typed error that names the
 * status and the {@code Location}, is not retried, and is never followed to the other host
 * (which would get the request, as a GET after 301/302/303, and possibly the key).
 */
class RedirectTests {

	static final String KEY = "gsk_redirect_test_0123456789";

	static final String MODEL = "llama-3.3-70b-versatile";

	static final String CHAT = "/openai/v1/chat/completions";

	static final String COMPLETION = """
			{"id":"chatcmpl-elsewhere","object":"chat.completion","created":1,"model":"llama-3.3-70b-versatile",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Not from Groq"},"finish_reason":"stop"}],
			 "x_groq":{"id":"req_elsewhere"},"service_tier":"on_demand"}""";

	@RegisterExtension
	final GroqEmulatorExtension groqs = new GroqEmulatorExtension();

	/** Where the redirects point: it answers 401 to any request without its own key. */
	@RegisterExtension
	final GroqEmulatorExtension elsewheres = new GroqEmulatorExtension()
		.configure((emulator) -> emulator.requireApiKey("gsk_the_other_hosts_key_0000"));

	private final GroqEmulator groq = this.groqs.emulator();

	private final GroqEmulator elsewhere = this.elsewheres.emulator();

	/** Default retries: a 3xx must not be retried either. */
	private final GroqTemplate template = GroqTemplate.builder().baseUrl(this.groq.baseUrl()).apiKey(KEY).build();

	@AfterEach
	void stop() throws Exception {
		this.template.close();
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void aRedirectedChatIsATypedErrorNamingTheStatusAndLocationAndIsNotFollowed(int status) {
		String location = this.elsewhere.baseUrl() + CHAT;
		this.groq.enqueue(EmulatedResponse.raw(status, "text/html", "<html><title>Moved</title></html>")
			.withHeader("Location", location));
		GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getLocation()).isEqualTo(location);
		assertThat(ex.getAttempts()).isEqualTo(1);
		String requestId = this.groq.requests().get(0).requestId();
		assertThat(requestId).startsWith("req_01");
		assertThat(ex.getRequestId()).isEqualTo(requestId);
		assertThat(ex).hasMessage("Groq answered " + status + " " + reason(status) + " with a redirect to " + location
				+ " (request " + requestId + "), which was not followed: Groq's API does not redirect, and the request "
				+ "would have gone to another address; check groq.base-url");
		assertThat(this.groq.requests()).hasSize(1);
		assertThat(this.elsewhere.requests()).isEmpty();
	}

	@Test
	void a307WithACompletionBodyIsNeverASuccess() {
		String location = this.elsewhere.baseUrl() + CHAT;
		this.groq.enqueue(EmulatedResponse.raw(307, "application/json", COMPLETION).withHeader("Location", location));
		GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(ex.getStatusCode()).isEqualTo(307);
		assertThat(ex.getLocation()).isEqualTo(location);
		assertThat(ex).hasMessage(redirectMessage(307, location, this.groq.requests().get(0).requestId()));
		assertThat(this.elsewhere.requests()).isEmpty();
	}

	@Test
	void aRedirectedStreamIsATypedErrorBeforeAnyChunk() {
		String location = this.elsewhere.baseUrl() + CHAT;
		this.groq.enqueue(EmulatedResponse.raw(307, "application/json", COMPLETION).withHeader("Location", location));
		this.groq.enqueue(EmulatedResponse.raw(302, "text/event-stream", "data: [DONE]\n\n").withHeader("Location",
				location));
		GroqRedirectException json = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.stream(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(json.getStatusCode()).isEqualTo(307);
		assertThat(json.getLocation()).isEqualTo(location);
		assertThat(json.getAttempts()).isEqualTo(1);
		GroqRedirectException events = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.stream(ChatRequest.builder(MODEL).user("Hi"), (chunk) -> {
				}));
		assertThat(events.getStatusCode()).isEqualTo(302);
		assertThat(events.getLocation()).isEqualTo(location);
		assertThat(events.getAttempts()).isEqualTo(1);
		assertThat(json).hasMessage(redirectMessage(307, location, this.groq.requests().get(0).requestId()));
		assertThat(events).hasMessage(redirectMessage(302, location, this.groq.requests().get(1).requestId()));
		assertThat(this.groq.requests()).hasSize(2);
		assertThat(this.elsewhere.requests()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyOtherCall")
	void everyOtherCallRefusesRedirectsToo(String call, String path, GroqCall<?> operation) {
		String location = this.elsewhere.baseUrl() + path;
		this.groq.enqueue(path, EmulatedResponse.raw(302, "text/html", "<html><title>Found</title></html>")
			.withHeader("Location", location));
		GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
				() -> operation.call(this.template));
		assertThat(ex.getStatusCode()).isEqualTo(302);
		assertThat(ex.getLocation()).isEqualTo(location);
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex).hasMessage(redirectMessage(302, location, this.groq.requests().get(0).requestId()));
		assertThat(this.groq.requests()).hasSize(1);
		assertThat(this.elsewhere.requests()).isEmpty();
	}

	static Stream<Arguments> everyOtherCall() {
		return Stream.of(arguments("list models", "/openai/v1/models", (GroqCall<?>) GroqTemplate::listModels),
				arguments("get model", "/openai/v1/models/" + MODEL, (GroqCall<?>) (groq) -> groq.getModel(MODEL)),
				arguments("upload (multipart)", "/openai/v1/files",
						(GroqCall<?>) (groq) -> groq.batches()
							.upload(BatchInput.builder().add("q1", ChatRequest.builder(MODEL).user("One?")).build())),
				arguments("create batch", "/openai/v1/batches",
						(GroqCall<?>) (groq) -> groq.batches().create("file_1", BatchOptions.defaults())),
				arguments("get batch", "/openai/v1/batches/batch_1",
						(GroqCall<?>) (groq) -> groq.batches().get("batch_1")),
				arguments("list batches", "/openai/v1/batches", (GroqCall<?>) (groq) -> groq.batches().list()),
				arguments("cancel batch", "/openai/v1/batches/batch_1/cancel",
						(GroqCall<?>) (groq) -> groq.batches().cancel("batch_1")),
				arguments("download a file", "/openai/v1/files/file_1/content",
						(GroqCall<?>) (groq) -> groq.batches().files().download("file_1")),
				arguments("delete a file", "/openai/v1/files/file_1",
						(GroqCall<?>) (groq) -> groq.batches().files().delete("file_1")),
				arguments("list files", "/openai/v1/files", (GroqCall<?>) (groq) -> groq.batches().files().list()),
				arguments("get a file", "/openai/v1/files/file_1",
						(GroqCall<?>) (groq) -> groq.batches().files().get("file_1")));
	}

	/** The auto-configured template (Boot's RestClient.Builder and customizers) and the health probe's own client. */
	@Test
	void theAutoConfiguredTemplateAndTheHealthProbeFollowNoRedirectEither() {
		String chatLocation = this.elsewhere.baseUrl() + CHAT;
		String modelsLocation = this.elsewhere.baseUrl() + GroqEmulator.MODELS;
		this.groq.enqueue(EmulatedResponse.raw(302, "text/html", "").withHeader("Location", chatLocation));
		this.groq.enqueue(GroqEmulator.MODELS,
				EmulatedResponse.raw(302, "text/html", "").withHeader("Location", modelsLocation));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class,
					GroqHealthContributorAutoConfiguration.class, RestClientAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + this.groq.baseUrl(), "groq.api-key=" + KEY,
					"groq.health.cache-time-to-live=0s")
			.run((context) -> {
				GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
						() -> context.getBean(GroqTemplate.class).chat(ChatRequest.builder(MODEL).user("Hi")));
				assertThat(ex).hasMessage(redirectMessage(302, chatLocation, this.groq.requests().get(0).requestId()));
				assertThat(ex.getAttempts()).isEqualTo(1);
				Health health = context.getBean(GroqHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error",
						redirectMessage(302, modelsLocation, this.groq.requests().get(1).requestId()));
			});
		assertThat(this.groq.requests()).extracting(RecordedRequest::path).containsExactly(CHAT, GroqEmulator.MODELS);
		assertThat(this.elsewhere.requests()).isEmpty();
	}

	@Test
	void aRedirectSayingXShouldRetryTrueIsStillNotRetried() {
		String location = this.elsewhere.baseUrl() + CHAT;
		for (int i = 0; i < 3; i++) {
			this.groq.enqueue(EmulatedResponse.raw(307, "text/html", "<html><title>Moved</title></html>")
				.withHeader("Location", location)
				.withHeader("x-should-retry", "true"));
		}
		GroqRedirectException blocking = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(blocking.getRetryHint()).isTrue();
		assertThat(blocking.getAttempts()).isEqualTo(1);
		assertThat(this.groq.requests()).hasSize(1);
		GroqRedirectException streamed = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.stream(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(streamed.getAttempts()).isEqualTo(1);
		assertThat(this.groq.requests()).hasSize(2);
		assertThat(this.elsewhere.requests()).isEmpty();
	}

	@Test
	void credentialsInTheLocationAreNeverShown() {
		this.groq.enqueue(EmulatedResponse.raw(302, "text/html", "<html><title>Found</title></html>")
			.withHeader("Location", "https://user:topsecretpw@other.example/x?k=" + KEY));
		GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(ex.getLocation()).isEqualTo("https://******@other.example/x?k=******");
		assertThat(ex).hasMessage("Groq answered 302 Found with a redirect to https://******@other.example/x?k=****** "
				+ "(request " + ex.getRequestId() + "), which was not followed: Groq's API does not redirect, and the "
				+ "request would have gone to another address; check groq.base-url");
		assertThat(ex.getRequestId()).isEqualTo(this.groq.requests().get(0).requestId());
	}

	@Test
	void aPasswordWithAnUnencodedHashInTheLocationIsNotShownEither() {
		this.groq.enqueue(EmulatedResponse.raw(307, "text/html", "")
			.withHeader("Location", "http://user:pa#ss?w/rd@other.example:8443/x"));
		GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(ex.getLocation()).isEqualTo("http://******@other.example:8443/x");
		assertThat(ex.getMessage()).doesNotContain("pa#ss");
	}

	@Test
	void aRedirectWithoutLocationIsStillATypedError() {
		this.groq.enqueue(EmulatedResponse.raw(300, "text/html", "<html><title>Choose</title></html>"));
		GroqApiException ex = catchThrowableOfType(GroqRedirectException.class,
				() -> this.template.chat(ChatRequest.builder(MODEL).user("Hi")));
		assertThat(ex.getStatusCode()).isEqualTo(300);
		assertThat(((GroqRedirectException) ex).getLocation()).isNull();
		assertThat(ex).hasMessage("Groq answered 300 Multiple Choices without a Location header (request "
				+ this.groq.requests().get(0).requestId() + "): Groq's API does not redirect; check groq.base-url");
	}

	private static String redirectMessage(int status, String location, String requestId) {
		return "Groq answered " + status + " " + reason(status) + " with a redirect to " + location + " (request "
				+ requestId + "), which was not followed: Groq's API does not redirect, and the request would have "
				+ "gone to another address; check groq.base-url";
	}

	private static String reason(int status) {
		return switch (status) {
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 303 -> "See Other";
			case 307 -> "Temporary Redirect";
			case 308 -> "Permanent Redirect";
			default -> throw new IllegalArgumentException("status " + status);
		};
	}

	/** One call through the public API. */
	@FunctionalInterface
	interface GroqCall<T> {

		T call(GroqTemplate groq) throws Exception;

	}

}
