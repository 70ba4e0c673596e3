package io.github.groqspring.samples.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.GroqModelCatalogue;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

// groq.emulator.enabled=false: this test points groq.base-url at its own emulator
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "groq.emulator.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
@ExtendWith(GroqEmulatorExtension.class)
class WebSampleApplicationTests {

	static GroqEmulator emulator;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private ThreadPoolTaskExecutor applicationTaskExecutor;

	@DynamicPropertySource
	static void groq(DynamicPropertyRegistry registry) {
		registry.add("groq.base-url", emulator::baseUrl);
	}

	@Test
	void afterSummariesAndADigestHealthShowsGroqUpAndMetricsShowTheCallsPerTier() throws Exception {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		for (String text : List.of("Groq serves tiers.", "Flex may answer 498.", "Health is cached.")) {
			JsonNode summary = get(client.post()
				.uri("/summarize")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"text\":\"" + text + "\"}"));
			assertThat(summary.get("summary").asString()).isEqualTo("Emulated reply to: " + text);
			assertThat(summary.get("requestedTier").asString()).isEqualTo("auto");
			assertThat(summary.get("servedTier").asString()).isEqualTo("on_demand");
			assertThat(summary.get("attempts").asInt()).isEqualTo(1);
			assertThat(summary.get("requestId").asString()).matches("req_01[0-9a-hjkmnp-tv-z]{24}");
			JSONAssert.assertEquals("""
					{"model":"llama-3.3-70b-versatile","service_tier":"auto","messages":[
					 {"role":"system","content":"Summarize the user's text in one sentence."},
					 {"role":"user","content":"%s"}]}""".formatted(text), emulator.lastRequest().bodyText(),
					JSONCompareMode.STRICT);
		}
		JsonNode digest = get(client.post()
			.uri("/digest")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"events\":[\"3 releases\",\"2 incidents\"]}"));
		assertThat(digest.get("digest").asString()).isEqualTo("Emulated reply to: 3 releases\n2 incidents");
		assertThat(digest.get("requestedTier").asString()).isEqualTo("flex");
		assertThat(digest.get("servedTier").asString()).isEqualTo("flex");
		assertThat(digest.get("attempts").asInt()).isEqualTo(1);
		JSONAssert.assertEquals("""
				{"model":"llama-3.3-70b-versatile","service_tier":"flex","messages":[
				 {"role":"system","content":"Write a one-paragraph digest of these events."},
				 {"role":"user","content":"3 releases\\n2 incidents"}]}""", emulator.lastRequest().bodyText(),
				JSONCompareMode.STRICT);

		JsonNode groq = get(client.get().uri("/actuator/health")).get("components").get("groq");
		assertThat(groq.get("status").asString()).isEqualTo("UP");
		JsonNode details = groq.get("details");
		assertThat(details.get("host").asString()).isEqualTo("127.0.0.1:" + emulator.port());
		assertThat(details.get("defaultModel").asString()).isEqualTo("llama-3.3-70b-versatile");
		assertThat(details.get("defaultServiceTier").asString()).isEqualTo("on_demand");
		assertThat(details.get("models").asInt()).isEqualTo(GroqModelCatalogue.defaults().size());
		assertThat(details.has("probeLatencyMs")).isTrue();

		List<String> names = new ArrayList<>();
		get(client.get().uri("/actuator/metrics")).get("names").forEach((name) -> names.add(name.asString()));
		assertThat(names).contains("groq.client.operation", "groq.client.token.usage", "groq.client.queue.time");

		JsonNode operation = get(client.get().uri("/actuator/metrics/groq.client.operation"));
		assertThat(tagValues(operation, "groq.request.service_tier")).containsExactlyInAnyOrder("auto", "flex");
		assertThat(tagValues(operation, "groq.response.service_tier")).containsExactlyInAnyOrder("on_demand", "flex");
		assertThat(tagValues(operation, "gen_ai.request.model")).containsExactly("llama-3.3-70b-versatile");
		assertThat(tagValues(operation, "groq.fallback")).containsExactly("false");
		JsonNode summaries = get(client.get()
			.uri("/actuator/metrics/groq.client.operation?tag=gen_ai.operation.name:chat"
					+ "&tag=groq.request.service_tier:auto&tag=groq.response.service_tier:on_demand&tag=outcome:SUCCESS"));
		assertThat(measurement(summaries, "COUNT")).isEqualTo(3);
		JsonNode digests = get(client.get()
			.uri("/actuator/metrics/groq.client.operation?tag=gen_ai.operation.name:chat"
					+ "&tag=groq.request.service_tier:flex&tag=groq.response.service_tier:flex&tag=outcome:SUCCESS"));
		assertThat(measurement(digests, "COUNT")).isEqualTo(1);
		JsonNode queue = get(
				client.get().uri("/actuator/metrics/groq.client.queue.time?tag=groq.response.service_tier:on_demand"));
		assertThat(measurement(queue, "COUNT")).isEqualTo(3);
		JsonNode input = get(client.get().uri("/actuator/metrics/groq.client.token.usage?tag=gen_ai.token.type:input"));
		assertThat(measurement(input, "COUNT")).isPositive();
	}

	@Test
	void theAsyncExecutorCarriesTheSubmittersGroqTierToItsThreads() throws Exception {
		Future<@Nullable ServiceTier> seen = GroqTierContext.callWith(ServiceTier.PERFORMANCE,
				() -> this.applicationTaskExecutor.submit(GroqTierContext::current));
		assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(ServiceTier.PERFORMANCE);
		assertThat(GroqTierContext.current()).isNull();
	}

	@Test
	void blankTextIsABadRequestAndCallsNobody() {
		int before = emulator.requests().size();
		HttpStatusCode status = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/summarize")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\":\" \"}")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status.value()).isEqualTo(400);
		assertThat(emulator.requests()).hasSize(before);
	}

	@Test
	void mainWithoutApiKeyUsesTheEmbeddedEmulatorAndSaysSo(CapturedOutput output) {
		assumeTrue(System.getenv("GROQ_API_KEY") == null, "GROQ_API_KEY is set: main would call Groq");
		try (ConfigurableApplicationContext context = WebSampleApplication.run("--server.port=0")) {
			assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:");
			assertThat(context.getBean(GroqTemplate.class).complete("Offline")).isEqualTo("Emulated reply to: Offline");
		}
	}

	private static JsonNode get(RestClient.RequestHeadersSpec<?> request) {
		return json.readTree(request.retrieve().body(String.class));
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + metric);
	}

	private static List<String> tagValues(JsonNode metric, String tag) {
		List<String> values = new ArrayList<>();
		for (JsonNode available : metric.get("availableTags")) {
			if (available.get("tag").asString().equals(tag)) {
				available.get("values").forEach((value) -> values.add(value.asString()));
			}
		}
		return values;
	}

}
