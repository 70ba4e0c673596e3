package io.github.groqspring;

import java.time.Duration;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(GroqEmulatorExtension.class)
class GroqTemplateTests {

	static final String KEY = "gsk_test_0123456789abcdef";

	static GroqEmulator emulator;

	private final GroqTemplate groq = GroqTemplate.builder().baseUrl(emulator.baseUrl()).apiKey(KEY).build();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	@Test
	void seedExampleIsOneStatementAndSendsExactlyThisJson() throws Exception {
		String content = this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b")
			.serviceTier(ServiceTier.AUTO)
			.user("Summarize the latest release highlights.")).content();
		assertThat(content).isEqualTo("Emulated reply to: Summarize the latest release highlights.");
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b","service_tier":"auto",
				 "messages":[{"role":"user","content":"Summarize the latest release highlights."}]}""",
				emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
	}

	@Test
	void chatSendsAuthorizationJsonContentTypeAndContentLength() {
		this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
		RecordedRequest request = emulator.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
		assertThat(request.header("User-Agent")).isEqualTo("groq-spring-boot-starter");
		assertThat(request.headers().keySet()).containsExactlyInAnyOrder("authorization", "content-type",
				"content-length", "user-agent", "host", "connection");
		assertThat(request.bodyText())
			.isEqualTo("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
	}

	@Test
	void theRequestGoesOutAsTheSerializedJsonWhateverConvertersTheApplicationPutsFirst() throws Exception {
		RestClient.Builder jsonFirst = RestClient.builder()
			.configureMessageConverters((converters) -> converters.addCustomConverter(new JacksonJsonHttpMessageConverter())
				.addCustomConverter(new StringHttpMessageConverter()));
		try (GroqTemplate groq = GroqTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(KEY)
			.restClientBuilder(jsonFirst)
			.build()) {
			groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
		}
		RecordedRequest request = emulator.lastRequest();
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
		assertThat(request.bodyText())
			.isEqualTo("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
	}

	@Test
	void noTierIsSentWhenNoneIsConfiguredAndGroqsEchoIsKept() {
		ChatResponse response = this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
		assertThat(emulator.lastRequest().json().has("service_tier")).isFalse();
		assertThat(response.serviceTier()).isEqualTo("on_demand");
		assertThat(response.servedTier()).contains(ServiceTier.ON_DEMAND);
		assertThat(response.metadata().requestedTier()).isNull();
	}

	@Test
	void defaultTierIsSentWhenTheRequestHasNone() throws Exception {
		try (GroqTemplate flexByDefault = GroqTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.defaultServiceTier(ServiceTier.FLEX)
			.build()) {
			ChatResponse response = flexByDefault.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
			assertThat(emulator.lastRequest().serviceTier()).isEqualTo("flex");
			assertThat(response.servedTier()).contains(ServiceTier.FLEX);
			assertThat(response.metadata().requestedTier()).isEqualTo(ServiceTier.FLEX);
			flexByDefault.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi").serviceTier(ServiceTier.AUTO));
			assertThat(emulator.lastRequest().serviceTier()).isEqualTo("auto");
		}
	}

	@Test
	void defaultModelIsUsedWhenTheRequestNamesNone() throws Exception {
		try (GroqTemplate withDefault = GroqTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.defaultModel("llama-3.1-8b-instant")
			.build()) {
			assertThat(withDefault.complete("Hello")).isEqualTo("Emulated reply to: Hello");
			assertThat(emulator.lastRequest().model()).isEqualTo("llama-3.1-8b-instant");
		}
	}

	@Test
	void noModelAnywhereFailsBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.groq.complete("Hello"))
			.withMessage("No model: name one with ChatRequest.builder(model) or set groq.default-model");
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void parsesGroqsRealResponseShapeIgnoringUnknownFieldsAndKeepingAnUnknownTier() {
		emulator.enqueue(EmulatedResponse.raw(200, "application/json", """
				{"id":"chatcmpl-f51b2cd2-bef7-417e-964e-a08f0b513c22","object":"chat.completion","created":1730241104,
				 "model":"llama-3.3-70b-versatile",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"Fast inference matters.",
				   "reasoning":"Think briefly.","brand_new_field":[1,2]},"logprobs":null,"finish_reason":"stop"}],
				 "usage":{"queue_time":0.0418,"prompt_tokens":45,"prompt_time":0.00195,"completion_tokens":607,
				   "completion_time":2.245,"total_tokens":652,"total_time":2.247,
				   "prompt_tokens_details":{"cached_tokens":12},"completion_tokens_details":{"reasoning_tokens":30}},
				 "usage_breakdown":{"models":null},
				 "system_fingerprint":"fp_f8b414701e",
				 "x_groq":{"id":"req_01kh52m3qqem4sw141xf026ehx","seed":167346302,"extra":true},
				 "service_tier":"priority_plus"}""")
			.withHeader("x-request-id", "req_header_id"));
		ChatResponse response = this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Why?"));
		assertThat(response.content()).isEqualTo("Fast inference matters.");
		assertThat(response.reasoning()).isEqualTo("Think briefly.");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.serviceTier()).isEqualTo("priority_plus");
		assertThat(response.servedTier()).isEmpty();
		assertThat(response.groqRequestId()).isEqualTo("req_01kh52m3qqem4sw141xf026ehx");
		assertThat(response.completion().systemFingerprint()).isEqualTo("fp_f8b414701e");
		assertThat(response.completion().xGroq().seed()).isEqualTo(167346302L);
		assertThat(response.usage().promptTokens()).isEqualTo(45);
		assertThat(response.usage().completionTokens()).isEqualTo(607);
		assertThat(response.usage().totalTokens()).isEqualTo(652);
		assertThat(response.usage().queueDuration()).isEqualTo(Duration.ofNanos(41_800_000));
		assertThat(response.usage().promptDuration()).isEqualTo(Duration.ofNanos(1_950_000));
		assertThat(response.usage().completionDuration()).isEqualTo(Duration.ofMillis(2245));
		assertThat(response.usage().totalDuration()).isEqualTo(Duration.ofMillis(2247));
		assertThat(response.usage().promptTokensDetails().cachedTokens()).isEqualTo(12L);
		assertThat(response.usage().completionTokensDetails().reasoningTokens()).isEqualTo(30L);
		assertThat(response.metadata().requestId()).isEqualTo("req_header_id");
		assertThat(response.metadata().status()).isEqualTo(200);
	}

	@Test
	void responseMetadataCarriesTheParsedRateLimitHeaders() {
		ChatResponse response = this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Hi"));
		assertThat(response.metadata().rateLimits()).isEqualTo(new RateLimits(14400L, 14399L,
				Duration.ofMillis(179560), 6000L, 5997L, Duration.ofMillis(7660), null));
		assertThat(response.metadata().region()).isEqualTo("emulator");
	}

	@Test
	void toolCallsInTheResponseAreTypedAndReplayable() {
		emulator.enqueue(EmulatedResponse.raw(200, "application/json", """
				{"id":"c1","object":"chat.completion","created":1,"model":"llama-3.3-70b-versatile",
				 "choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"id":"call_d5wg","type":"function",
				   "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],
				 "service_tier":"on_demand"}"""));
		ChatResponse response = this.groq.chat(ChatRequest.builder("llama-3.3-70b-versatile").user("Weather?"));
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isNull();
		assertThat(response.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("call_d5wg");
			assertThat(call.function().name()).isEqualTo("weather");
			assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
		});
		assertThat(response.message().toChatMessage().toolCalls()).isEqualTo(response.toolCalls());
	}

	@Test
	void listsAndGetsModels() {
		assertThat(this.groq.listModels()).extracting(GroqModel::id)
			.contains("openai/gpt-oss-120b", "llama-3.3-70b-versatile");
		GroqModel model = this.groq.getModel("openai/gpt-oss-120b");
		assertThat(model.id()).isEqualTo("openai/gpt-oss-120b");
		assertThat(model.active()).isTrue();
		assertThat(model.contextWindow()).isEqualTo(131072);
		assertThat(model.maxCompletionTokens()).isEqualTo(65536);
		assertThat(model.ownedBy()).isEqualTo("OpenAI");
		assertThat(emulator.lastRequest().path()).isEqualTo("/openai/v1/models/openai/gpt-oss-120b");
	}

	@Test
	void unknownModelIsANotFoundException() {
		assertThatExceptionOfType(GroqNotFoundException.class).isThrownBy(() -> this.groq.getModel("nope"))
			.withMessageStartingWith(
					"Groq answered 404 Not Found [type=invalid_request_error, code=model_not_found]: The model `nope` does not exist");
	}

	@Test
	void baseUrlMayEndWithTheOpenAiPath() throws Exception {
		try (GroqTemplate template = GroqTemplate.builder().baseUrl(emulator.baseUrl() + "/openai/v1/").build()) {
			assertThat(template.getBaseUrl()).isEqualTo(emulator.baseUrl());
			template.listModels();
			assertThat(emulator.lastRequest().path()).isEqualTo("/openai/v1/models");
		}
	}

	@Test
	void toStringShowsNoKey() {
		assertThat(this.groq.toString()).doesNotContain(KEY).contains(emulator.baseUrl());
	}

}
