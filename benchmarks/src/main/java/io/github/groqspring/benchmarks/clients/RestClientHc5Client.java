package io.github.groqspring.benchmarks.clients;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.stream.ChatCompletionChunk;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The reference: what a developer would write by hand with {@code RestClient} on Apache
 * HttpClient 5 (pool sized like {@code GroqTemplate}'s), posting the same request record and
 * reading the same response record through RestClient's Jackson converter. A stream is read
 * with {@code exchange}: the body line by line, each {@code data:} line parsed into the
 * same chunk record with one Jackson mapper, until {@code data: [DONE]}.
 */
final class RestClientHc5Client implements BenchClient {

	private final CloseableHttpClient httpClient;

	private final RestClient restClient;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	RestClientHc5Client(String baseUrl) {
		this.httpClient = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(64)
				.setMaxConnPerRoute(64)
				.build())
			.disableAutomaticRetries()
			.build();
		this.restClient = RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(new HttpComponentsClientHttpRequestFactory(this.httpClient))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Client.API_KEY)
			.build();
	}

	@Override
	public Object chat() {
		ChatRequest request = ChatRequest.builder(Payload.MODEL).system(Payload.SYSTEM).user(Payload.USER).build();
		ChatCompletion completion = this.restClient.post()
			.uri("/openai/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.retrieve()
			.body(ChatCompletion.class);
		return Objects.requireNonNull(Objects.requireNonNull(completion).choices().get(0).message()).content();
	}

	@Override
	public void close() throws Exception {
		this.httpClient.close();
	}

	@Override
	public void stream(StreamTally tally) {
		ChatRequest request = ChatRequest.builder(Payload.MODEL)
			.system(Payload.SYSTEM)
			.user(Payload.USER)
			.build()
			.withStream(true);
		this.restClient.post()
			.uri("/openai/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.body(request)
			.exchange((sent, response) -> {
				if (response.getStatusCode().value() != 200) {
					throw new IllegalStateException("Status " + response.getStatusCode());
				}
				BufferedReader lines = new BufferedReader(
						new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.equals("data: [DONE]")) {
						return true;
					}
					if (line.startsWith("data: ")) {
						tally.chunk(this.jsonMapper.readValue(line.substring(6), ChatCompletionChunk.class).content());
					}
				}
				throw new IllegalStateException("The stream ended without data: [DONE]");
			});
	}

}
