package io.github.groqspring.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.chat.ReasoningEffort;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.GroqTierContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.RateLimit;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link GroqChatModel} through {@code ChatClient}, as a Spring AI application calls it. */
class GroqChatModelTests {

	static final String MODEL = "llama-3.3-70b-versatile";

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(this.emulator.baseUrl())
		.apiKey("gsk_spring_ai_test_0123456789")
		.defaultModel(MODEL)
		.retry(RetrySettings.NONE)
		.build();

	private final GroqChatModel model = GroqChatModel.builder(this.groq)
		.defaultOptions(GroqChatOptions.builder().model(MODEL).build())
		.build();

	private final ChatClient chatClient = ChatClient.create(this.model);

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void aCallSendsThePromptAndTheMergedOptionsAsGroqsRequest() throws Exception {
		String answer = this.chatClient.prompt()
			.system("Be brief.")
			.user("Hi")
			.options(GroqChatOptions.builder()
				.temperature(0.2)
				.maxTokens(50)
				.stopSequences(List.of("END"))
				.seed(7L)
				.reasoningEffort(ReasoningEffort.LOW)
				.endUserId("user-42"))
			.call()
			.content();
		assertThat(answer).isEqualTo("Emulated reply to: Hi");
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"system","content":"Be brief."},
				{"role":"user","content":"Hi"}],"temperature":0.2,"max_completion_tokens":50,"stop":["END"],"seed":7,
				"reasoning_effort":"low","user":"user-42"}""", this.emulator.lastRequest().bodyText(),
				JSONCompareMode.STRICT);
	}

	@Test
	void theTierOfTheOptionsGoesOnTheWire() {
		this.chatClient.prompt().user("Hi").options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX)).call()
			.content();
		assertThat(this.emulator.lastRequest().serviceTier()).isEqualTo("flex");
	}

	@Test
	void theTierOfTheCallingThreadGoesOnTheWireWhenTheOptionsNameNone() {
		GroqTierContext.runWith(ServiceTier.PERFORMANCE, () -> this.chatClient.prompt().user("Hi").call().content());
		GroqTierContext.runWith(ServiceTier.PERFORMANCE, () -> this.chatClient.prompt()
			.user("Hi")
			.options(GroqChatOptions.builder().serviceTier(ServiceTier.ON_DEMAND))
			.call()
			.content());
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("performance", "on_demand");
	}

	@Test
	void theDefaultTierGoesOnTheWireWithoutAnyOther() throws Exception {
		try (GroqTemplate withDefault = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultModel(MODEL)
			.defaultServiceTier(ServiceTier.AUTO)
			.build()) {
			ChatClient client = ChatClient.create(GroqChatModel.builder(withDefault).build());
			client.prompt().user("Hi").call().content();
			GroqTierContext.runWith(ServiceTier.FLEX, () -> client.prompt().user("Hi").call().content());
		}
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("auto", "flex");
	}

	@Test
	void theMetadataCarriesWhatGroqToldAboutTheCall() {
		this.emulator.enqueue(EmulatedResponse.raw(200, "application/json", """
				{"id":"chatcmpl-meta","object":"chat.completion","created":1730241104,"model":"llama-3.3-70b-versatile",
				"choices":[{"index":0,"message":{"role":"assistant","content":"Metadata"},"logprobs":null,
				"finish_reason":"stop"}],
				"usage":{"queue_time":0.25,"prompt_tokens":45,"prompt_time":0.002,"completion_tokens":7,
				"completion_time":0.5,"total_tokens":52,"total_time":0.502,
				"prompt_tokens_details":{"cached_tokens":32},"completion_tokens_details":{"reasoning_tokens":3}},
				"x_groq":{"id":"req_01meta","seed":1},"service_tier":"flex"}""")
			.withHeader("x-groq-region", "us-east-1"));
		ChatResponse response = this.chatClient.prompt()
			.user("Hi")
			.options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX))
			.call()
			.chatResponse();
		ChatResponseMetadata metadata = response.getMetadata();
		assertThat(metadata.getId()).isEqualTo("chatcmpl-meta");
		assertThat(metadata.getModel()).isEqualTo(MODEL);
		assertThat((String) metadata.get(GroqChatMetadata.SERVED_TIER)).isEqualTo("flex");
		assertThat((String) metadata.get(GroqChatMetadata.REQUESTED_TIER)).isEqualTo("flex");
		assertThat(metadata.containsKey(GroqChatMetadata.FALLBACK_FROM)).isFalse();
		assertThat((Integer) metadata.get(GroqChatMetadata.ATTEMPTS)).isEqualTo(1);
		assertThat((String) metadata.get(GroqChatMetadata.REQUEST_ID)).isEqualTo("req_01meta");
		assertThat((String) metadata.get(GroqChatMetadata.REGION)).isEqualTo("us-east-1");
		assertThat((Duration) metadata.get(GroqChatMetadata.QUEUE_TIME)).isEqualTo(Duration.ofMillis(250));
		assertThat((Duration) metadata.get(GroqChatMetadata.PROMPT_TIME)).isEqualTo(Duration.ofMillis(2));
		assertThat((Duration) metadata.get(GroqChatMetadata.COMPLETION_TIME)).isEqualTo(Duration.ofMillis(500));
		assertThat((Duration) metadata.get(GroqChatMetadata.TOTAL_TIME)).isEqualTo(Duration.ofMillis(502));
		assertThat((Long) metadata.get(GroqChatMetadata.CACHED_TOKENS)).isEqualTo(32L);
		assertThat((Long) metadata.get(GroqChatMetadata.REASONING_TOKENS)).isEqualTo(3L);
		assertThat(metadata.getUsage().getPromptTokens()).isEqualTo(45);
		assertThat(metadata.getUsage().getCompletionTokens()).isEqualTo(7);
		assertThat(metadata.getUsage().getTotalTokens()).isEqualTo(52);
		assertThat(metadata.getUsage().getCacheReadInputTokens()).isEqualTo(32L);
		assertThat(metadata.getUsage().getNativeUsage()).isInstanceOf(io.github.groqspring.chat.Usage.class);
		RateLimit rateLimit = metadata.getRateLimit();
		assertThat(rateLimit).isInstanceOf(GroqRateLimit.class);
		assertThat(rateLimit.getRequestsLimit()).isEqualTo(14400L);
		assertThat(rateLimit.getRequestsReset()).isEqualTo(Duration.ofMillis(179_560));
		assertThat(rateLimit.getTokensLimit()).isEqualTo(6000L);
		assertThat(rateLimit.getTokensRemaining()).isEqualTo(5997L);
		assertThat(rateLimit.getTokensReset()).isEqualTo(Duration.ofMillis(7_660));
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("stop");
	}

	@Test
	void aFallbackFromFlexShowsInTheMetadata() throws Exception {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		try (GroqTemplate fallingBack = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultModel(MODEL)
			.retry(new RetrySettings(1, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)))
			.flexFallbackTier(ServiceTier.ON_DEMAND)
			.build()) {
			ChatResponse response = ChatClient.create(GroqChatModel.builder(fallingBack).build())
				.prompt()
				.user("Hi")
				.options(GroqChatOptions.builder().serviceTier(ServiceTier.FLEX))
				.call()
				.chatResponse();
			ChatResponseMetadata metadata = response.getMetadata();
			assertThat((String) metadata.get(GroqChatMetadata.FALLBACK_FROM)).isEqualTo("flex");
			assertThat((String) metadata.get(GroqChatMetadata.REQUESTED_TIER)).isEqualTo("on_demand");
			assertThat((String) metadata.get(GroqChatMetadata.SERVED_TIER)).isEqualTo("on_demand");
			assertThat((Integer) metadata.get(GroqChatMetadata.ATTEMPTS)).isEqualTo(3);
		}
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("flex", "flex", "on_demand");
	}

	@Test
	void aPerCallFallbackGoesThroughTheOptions() {
		this.emulator.enqueue(EmulatedResponse.flexCapacityExceeded());
		ChatResponse response = this.chatClient.prompt()
			.user("Hi")
			.options(GroqChatOptions.builder()
				.serviceTier(ServiceTier.FLEX)
				.requestOptions(RequestOptions.builder().flexFallbackTier(ServiceTier.AUTO).build()))
			.call()
			.chatResponse();
		assertThat((String) response.getMetadata().get(GroqChatMetadata.FALLBACK_FROM)).isEqualTo("flex");
		assertThat(this.emulator.chatRequests()).extracting(RecordedRequest::serviceTier)
			.containsExactly("flex", "auto");
	}

	@Test
	void groqsErrorsReachTheCallerAsTheTemplatesExceptions() {
		this.emulator.enqueue(EmulatedResponse.error(400, "invalid_request_error", null, "messages are broken"));
		assertThatExceptionOfType(GroqBadRequestException.class)
			.isThrownBy(() -> this.chatClient.prompt().user("Hi").call().content())
			.withMessageContaining("messages are broken");
	}

	@Test
	void retriesAreTheTemplatesOnlyNotSpringAis() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.emulator.enqueue(EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		}
		try (GroqTemplate retrying = GroqTemplate.builder()
			.baseUrl(this.emulator.baseUrl())
			.defaultModel(MODEL)
			.retry(new RetrySettings(1, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)))
			.build()) {
			ChatClient client = ChatClient.create(GroqChatModel.builder(retrying).build());
			assertThatExceptionOfType(GroqServerException.class)
				.isThrownBy(() -> client.prompt().user("Hi").call().content())
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(2));
		}
		assertThat(this.emulator.chatRequests()).hasSize(2);
	}

	@Test
	void anotherProvidersPortableOptionsAreMergedIntoTheDefaults() throws Exception {
		this.model.call(new Prompt("Hi", ToolCallingChatOptions.builder().temperature(0.5).maxTokens(9).build()));
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","messages":[{"role":"user","content":"Hi"}],"temperature":0.5,
				"max_completion_tokens":9}""", this.emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
	}

	@Test
	void topKIsRefusedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.chatClient.prompt().user("Hi").options(GroqChatOptions.builder().topK(5)).call()
				.content())
			.withMessage("Groq has no top-k sampling: remove topK (5) from the options, or use topP");
		assertThat(this.emulator.chatRequests()).isEmpty();
	}

	static final String VISION_MODEL = "meta-llama/llama-4-scout-17b-16e-instruct";

	/** A 1x1 PNG. */
	static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

	@Test
	void anImageByUrlIsSentAsAnImagePartAfterTheText() throws Exception {
		UserMessage withImage = UserMessage.builder()
			.text("What is in this picture?")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, java.net.URI.create("https://example.com/cat.png")))
			.build();
		ChatResponse response = this.model
			.call(new Prompt(withImage, GroqChatOptions.builder().model(VISION_MODEL).build()));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Emulated description of image 1: the image "
				+ "at https://example.com/cat.png (Groq fetches it; the emulator does not).");
		JSONAssert.assertEquals("""
				{"model":"meta-llama/llama-4-scout-17b-16e-instruct","messages":[{"role":"user","content":[
				{"type":"text","text":"What is in this picture?"},
				{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""",
				this.emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
	}

	@Test
	void imageBytesAreSentInlineAsADataUrlOfTheMediasMimeType() throws Exception {
		byte[] png = java.util.Base64.getDecoder().decode(PNG_BASE64);
		UserMessage withImages = UserMessage.builder()
			.text("Compare them")
			.media(List.of(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png)),
					Media.builder().mimeType(MimeTypeUtils.IMAGE_JPEG).data("https://example.com/dog.jpg").build()))
			.build();
		this.chatClient.prompt().messages(withImages).options(GroqChatOptions.builder().model(VISION_MODEL)).call()
			.content();
		JSONAssert.assertEquals("""
				{"model":"meta-llama/llama-4-scout-17b-16e-instruct","messages":[{"role":"user","content":[
				{"type":"text","text":"Compare them"},
				{"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}},
				{"type":"image_url","image_url":{"url":"https://example.com/dog.jpg"}}]}]}""".formatted(PNG_BASE64),
				this.emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
	}

	@Test
	void mediaThatIsNotAnImageIsRefusedNamingItsTypeBeforeAnythingIsSent() {
		UserMessage withPdf = UserMessage.builder()
			.text("Summarize this")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, java.net.URI.create("https://example.com/cat.png")),
					new Media(MimeType.valueOf("application/pdf"), new ByteArrayResource(new byte[] { 1, 2, 3 })))
			.build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.model.call(new Prompt(withPdf, GroqChatOptions.builder().model(VISION_MODEL).build())))
			.withMessage("GroqChatModel sends only images to Groq, but media item 1 of the user message has type "
					+ "application/pdf: Groq's chat takes images by URL (any image/* type) or inline as [image/gif, "
					+ "image/jpeg, image/png, image/webp]; send other content as text");
		assertThat(this.emulator.chatRequests()).isEmpty();
	}

	@Test
	void inlineImageBytesOfATypeGroqDoesNotTakeAreRefusedByTheImagePart() {
		UserMessage withTiff = UserMessage.builder()
			.text("What is this?")
			.media(new Media(MimeType.valueOf("image/tiff"), new ByteArrayResource(new byte[] { 1, 2, 3 })))
			.build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.model.call(new Prompt(withTiff, GroqChatOptions.builder().model(VISION_MODEL).build())))
			.withMessage("An inline image must be one of [image/gif, image/jpeg, image/png, image/webp], got "
					+ "'image/tiff': convert it, or send it by URL with ContentPart.imageUrl");
		assertThat(this.emulator.chatRequests()).isEmpty();
	}

	@Test
	void theDefaultOptionsAreWhatChatClientStartsFrom() {
		assertThat(this.model.getOptions()).isEqualTo(GroqChatOptions.builder().model(MODEL).build());
		assertThat(this.model.getOptions().mutate().serviceTier(ServiceTier.FLEX).build().getServiceTier())
			.isEqualTo(ServiceTier.FLEX);
		assertThat(this.model.getOptions().getServiceTier()).isNull();
	}

	@Test
	void theAnswerKeepsItsFinishReasonAndIndexOnTheMessage() {
		ChatResponse response = this.model.call(new Prompt("Hi"));
		assertThat(response.getResult().getOutput().getMetadata()).containsEntry("finishReason", "stop")
			.containsEntry("index", 0)
			.doesNotContainKey(GroqChatMetadata.REASONING_CONTENT);
		assertThat(response.getResults()).hasSize(1);
		assertThat(Map.copyOf(response.getResult().getOutput().getMetadata())).containsKey("messageType");
	}

}
