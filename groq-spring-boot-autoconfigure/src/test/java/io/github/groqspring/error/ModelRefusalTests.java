package io.github.groqspring.error;

import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ContentPart;
import io.github.groqspring.chat.ResponseFormat;
import io.github.groqspring.chat.Tool;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.stream.ChatStream;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Groq's refusals because of the model: typed, with the model named and what to do said. */
class ModelRefusalTests {

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey("gsk_refusal_test_0123456789")
		.retry(new RetrySettings(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2),
				java.time.Duration.ofSeconds(1)))
		.build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void termsNotAcceptedSaysToAcceptThemInGroqsConsoleAndNamesTheModel() {
		this.emulator.requireTermsAcceptance("allam-2-7b");
		ModelTermsRequiredException ex = catchThrowableOfType(ModelTermsRequiredException.class,
				() -> this.groq.chat(ChatRequest.builder("allam-2-7b").user("Hi")));
		assertThat(ex.getModel()).isEqualTo("allam-2-7b");
		assertThat(ex.getTermsUrl()).isEqualTo("https://console.groq.com/playground?model=allam-2-7b");
		assertThat(ex.getErrorCode()).isEqualTo("model_terms_required");
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex).hasMessage("Groq answered 400 Bad Request [type=invalid_request_error, code=model_terms_required]: "
				+ "The model `allam-2-7b` requires terms acceptance. Please have the org admin accept the terms at "
				+ "https://console.groq.com/playground?model=allam-2-7b (request " + this.emulator.lastRequest().requestId()
				+ "). Accept the model's terms in Groq's console (an admin of the organisation must, once): "
				+ "https://console.groq.com/playground?model=allam-2-7b");
	}

	@Test
	void aDecommissionedModelIsTypedAndNamedOnBlockingAndStreamedCalls() {
		this.emulator.decommission("groq/compound");
		ModelDecommissionedException blocking = catchThrowableOfType(ModelDecommissionedException.class,
				() -> this.groq.chat(ChatRequest.builder("groq/compound").user("Hi")));
		String requestId = this.emulator.lastRequest().requestId();
		assertThat(blocking).hasMessage("Groq answered 400 Bad Request [type=invalid_request_error, "
				+ "code=model_decommissioned]: The model `groq/compound` has been decommissioned and is no longer "
				+ "supported. Please refer to https://console.groq.com/docs/deprecations for a recommendation on which "
				+ "model to use instead. (request " + requestId + "). Groq no longer serves groq/compound: choose a "
				+ "current model (https://console.groq.com/docs/deprecations) for the request or groq.default-model");
		assertThat(blocking.getModel()).isEqualTo("groq/compound");
		ModelDecommissionedException streamed = catchThrowableOfType(ModelDecommissionedException.class, () -> {
			try (ChatStream stream = this.groq.stream(ChatRequest.builder("groq/compound").user("Hi"))) {
				stream.toResponse();
			}
		});
		assertThat(streamed.getModel()).isEqualTo("groq/compound");
		assertThat(this.emulator.chatRequests()).hasSize(2);
	}

	@Test
	void aModelWithoutToolCallingOrVisionIsACapabilityRefusalNamingIt() {
		ModelCapabilityException tools = catchThrowableOfType(ModelCapabilityException.class,
				() -> this.groq.chat(ChatRequest.builder("allam-2-7b")
					.user("Weather?")
					.tools(java.util.List.of(Tool.function("get_weather", null, Map.of("type", "object"))))));
		assertThat(tools.getCapability()).isEqualTo(ModelCapabilityException.Capability.TOOL_CALLING);
		assertThat(tools.getModel()).isEqualTo("allam-2-7b");
		assertThat(tools.getMessage()).endsWith("model `allam-2-7b` does not support tool calling (request "
				+ this.emulator.lastRequest().requestId() + "). Model allam-2-7b does not support tool calling: send this "
				+ "request to a model that does (see https://console.groq.com/docs/models)");
		ModelCapabilityException vision = catchThrowableOfType(ModelCapabilityException.class,
				() -> this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile")
					.user(ContentPart.text("What is this?"), ContentPart.imageUrl("https://example.com/cat.png"))));
		assertThat(vision.getCapability()).isEqualTo(ModelCapabilityException.Capability.VISION);
		assertThat(vision.getModel()).isEqualTo("llama-3.3-70b-versatile");
		ModelCapabilityException builtIn = catchThrowableOfType(ModelCapabilityException.class,
				() -> this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile")
					.user("Search")
					.tools(java.util.List.of(Tool.browserSearch()))));
		assertThat(builtIn.getCapability()).isEqualTo(ModelCapabilityException.Capability.BUILT_IN_TOOLS);
	}

	@Test
	void whenGroqsMessageDoesNotNameTheModelTheRequestsModelIsNamed() {
		ModelCapabilityException ex = catchThrowableOfType(ModelCapabilityException.class,
				() -> this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile")
					.user("JSON")
					.responseFormat(ResponseFormat.jsonSchema("answer", Map.of("type", "object"), true))));
		assertThat(ex.getCapability()).isEqualTo(ModelCapabilityException.Capability.JSON_SCHEMA);
		assertThat(ex.getModel()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(ex).hasMessage("Groq answered 400 Bad Request [type=invalid_request_error, code=null]: This model does "
				+ "not support response format `json_schema`. See supported models at "
				+ "https://console.groq.com/docs/structured-outputs#supported-models (request "
				+ this.emulator.lastRequest().requestId() + "). Model llama-3.3-70b-versatile does not support JSON schema "
				+ "output: send this request to a model that does (see https://console.groq.com/docs/models)");
	}

	@Test
	void otherBadRequestsStayPlainBadRequests() {
		this.emulator.enqueue(EmulatedResponse.error(400, "invalid_request_error", null, "`logprobs` is not supported with this model"));
		GroqBadRequestException ex = catchThrowableOfType(GroqBadRequestException.class,
				() -> this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi")));
		assertThat(ex).isExactlyInstanceOf(GroqBadRequestException.class);
	}

}
