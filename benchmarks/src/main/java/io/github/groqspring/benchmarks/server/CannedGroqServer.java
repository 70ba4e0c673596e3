package io.github.groqspring.benchmarks.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal Groq on the JDK's HTTP server: every POST under a {@link Payload}'s prefix gets
 * that payload's pre-built bytes and Groq's response headers. The request body is read to
 * the end and must be a chat request (it names the model and holds both messages), so
 * every client really serializes what it sends.
 *
 * <p>Run as its own process: {@code CannedGroqServer <threads> <warm-up requests> [--until-killed]}.
 * It warms itself up (so that the first client measured does not pay for the server's JIT),
 * prints {@code PORT <n>}, and stops when its standard input closes, or when killed.
 */
public final class CannedGroqServer {

	private static final byte[] MODEL = Payload.MODEL.getBytes(StandardCharsets.UTF_8);

	private static final byte[] USER = Payload.USER.getBytes(StandardCharsets.UTF_8);

	private final AtomicLong requests = new AtomicLong();

	private CannedGroqServer() {
	}

	public static void main(String[] args) throws IOException {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		int warmup = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		boolean untilKilled = args.length > 2 && args[2].equals("--until-killed");
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		CannedGroqServer canned = new CannedGroqServer();
		for (Payload payload : Payload.values()) {
			server.createContext(payload.prefix() + "/", (exchange) -> canned.answer(exchange, payload));
		}
		server.createContext("/requests", canned::count);
		server.setExecutor(Executors.newFixedThreadPool(threads));
		server.start();
		int port = server.getAddress().getPort();
		warmUp(port, warmup);
		canned.requests.set(0);
		System.out.println("PORT " + port);
		System.out.flush();
		if (untilKilled) {
			return;
		}
		while (System.in.read() != -1) {
			// runs until the parent closes our standard input
		}
		server.stop(0);
		System.exit(0);
	}

	private static void warmUp(int port, int requests) throws IOException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		byte[] body = ("{\"model\":\"" + Payload.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
				+ Payload.USER + "\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		try {
			for (int i = 0; i < requests; i++) {
				Payload payload = Payload.values()[i % Payload.values().length];
				client.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + payload.prefix() + "/openai/v1/chat/completions"))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.discarding());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void answer(HttpExchange exchange, Payload payload) throws IOException {
		try (exchange) {
			byte[] request;
			try (InputStream in = exchange.getRequestBody()) {
				request = in.readAllBytes();
			}
			if (!"POST".equals(exchange.getRequestMethod()) || indexOf(request, MODEL) < 0 || indexOf(request, USER) < 0) {
				byte[] error = "{\"error\":{\"message\":\"not the benchmark's chat request\",\"type\":\"invalid_request_error\"}}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(400, error.length);
				exchange.getResponseBody().write(error);
				return;
			}
			long number = this.requests.incrementAndGet();
			Headers headers = exchange.getResponseHeaders();
			headers.set("Content-Type", payload.contentType());
			headers.set("x-request-id", "req_01jbd6g2qdfw2adyrt2az8hz4w");
			headers.set("x-groq-region", "bench");
			headers.set("x-ratelimit-limit-requests", "14400");
			headers.set("x-ratelimit-remaining-requests", Long.toString(14399 - (number % 14400)));
			headers.set("x-ratelimit-reset-requests", "2m59.56s");
			headers.set("x-ratelimit-limit-tokens", "6000");
			headers.set("x-ratelimit-remaining-tokens", "5997");
			headers.set("x-ratelimit-reset-tokens", "7.66s");
			byte[] body = payload.body();
			boolean stream = payload == Payload.STREAM;
			exchange.sendResponseHeaders(200, stream ? 0 : body.length);
			OutputStream out = exchange.getResponseBody();
			out.write(body);
		}
	}

	private void count(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = Long.toString(this.requests.get()).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
