package io.github.groqspring.benchmarks.clients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.groqspring.benchmarks.server.Payload;

/**
 * The floor: one pre-built JDK {@code HttpRequest} with pre-serialized bytes, the body read
 * back as bytes and not parsed.
 */
final class RawJdkClient implements BenchClient {

	static final byte[] REQUEST = ("{\"model\":\"" + Payload.MODEL + "\",\"messages\":[{\"role\":\"system\",\"content\":\""
			+ Payload.SYSTEM + "\"},{\"role\":\"user\",\"content\":\"" + Payload.USER + "\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	private final HttpClient client;

	private final HttpRequest request;

	RawJdkClient(String baseUrl) {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.request = HttpRequest.newBuilder(URI.create(baseUrl + "/openai/v1/chat/completions"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + Client.API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST))
			.build();
	}

	@Override
	public Object chat() throws Exception {
		HttpResponse<byte[]> response = this.client.send(this.request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Status " + response.statusCode());
		}
		return response.body();
	}

}
