package io.github.groqspring.benchmarks.clients;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.groqspring.benchmarks.server.Payload;

/**
 * The floor: one pre-built JDK {@code HttpRequest} with pre-serialized bytes, the body read
 * back as bytes and not parsed; a stream is read line by line to its end, counting its
 * {@code data:} lines without parsing them.
 */
final class RawJdkClient implements BenchClient {

	static final byte[] REQUEST = ("{\"model\":\"" + Payload.MODEL + "\",\"messages\":[{\"role\":\"system\",\"content\":\""
			+ Payload.SYSTEM + "\"},{\"role\":\"user\",\"content\":\"" + Payload.USER + "\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	static final byte[] STREAM_REQUEST = ("{\"model\":\"" + Payload.MODEL + "\",\"messages\":[{\"role\":\"system\","
			+ "\"content\":\"" + Payload.SYSTEM + "\"},{\"role\":\"user\",\"content\":\"" + Payload.USER
			+ "\"}],\"stream\":true}")
		.getBytes(StandardCharsets.UTF_8);

	private final HttpClient client;

	private final HttpRequest request;

	private final HttpRequest streamRequest;

	RawJdkClient(String baseUrl) {
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.request = HttpRequest.newBuilder(URI.create(baseUrl + "/openai/v1/chat/completions"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + Client.API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST))
			.build();
		this.streamRequest = HttpRequest.newBuilder(URI.create(baseUrl + "/openai/v1/chat/completions"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + Client.API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(STREAM_REQUEST))
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

	/**
	 * Reads to the end of the body (not just to {@code [DONE]}), so that the connection goes
	 * back to the pool.
	 */
	@Override
	public void stream(StreamTally tally) throws Exception {
		HttpResponse<InputStream> response = this.client.send(this.streamRequest,
				HttpResponse.BodyHandlers.ofInputStream());
		boolean done = false;
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Status " + response.statusCode());
			}
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (done || !line.startsWith("data:")) {
					continue;
				}
				if (line.equals("data: [DONE]")) {
					done = true;
				}
				else {
					tally.rawEvent();
				}
			}
		}
		if (!done) {
			throw new IllegalStateException("The stream ended without data: [DONE]");
		}
	}

}
