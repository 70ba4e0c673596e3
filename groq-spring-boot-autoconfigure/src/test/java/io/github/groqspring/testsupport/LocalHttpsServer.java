package io.github.groqspring.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;

/**
 * A local Groq behind TLS, with {@link TestCertificates}' certificate, which no JVM trust
 * store holds: it answers every request with a list of one model and records the path, the
 * {@code Authorization} header and the client certificate's subject, if the client showed
 * one. With {@code needClientAuth} it asks for a client certificate and refuses a client
 * without one it trusts.
 */
public final class LocalHttpsServer implements AutoCloseable {

	/** The one model listed. */
	public static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"llama-3.1-8b-instant\","
			+ "\"object\":\"model\",\"created\":1693721698,\"owned_by\":\"Meta\",\"active\":true,"
			+ "\"context_window\":131072}]}";

	private final HttpsServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private LocalHttpsServer(HttpsServer server) {
		this.server = server;
	}

	/**
	 * Start a server on a free loopback port.
	 * @param needClientAuth whether the server asks for, and requires, a client certificate
	 * @return the running server
	 */
	public static LocalHttpsServer start(boolean needClientAuth) {
		try {
			HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			SSLContext context = TestCertificates.serverContext();
			server.setHttpsConfigurator(new HttpsConfigurator(context) {

				@Override
				public void configure(HttpsParameters parameters) {
					SSLParameters ssl = context.getDefaultSSLParameters();
					ssl.setNeedClientAuth(needClientAuth);
					parameters.setSSLParameters(ssl);
				}

			});
			LocalHttpsServer https = new LocalHttpsServer(server);
			server.createContext("/", https::handle);
			server.start();
			return https;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The base URL for a host name that resolves to this machine.
	 * @param host e.g. {@code localhost}, or {@link TestCertificates#HOST} through a proxy
	 * @return e.g. {@code https://localhost:54321}
	 */
	public String baseUrl(String host) {
		return "https://" + host + ":" + port();
	}

	/**
	 * The requests served, oldest first.
	 * @return the requests
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			this.requests.add(new Request(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"),
					clientSubject(((HttpsExchange) exchange).getSSLSession())));
			byte[] body = MODELS.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private static @Nullable String clientSubject(SSLSession session) {
		try {
			return session.getPeerPrincipal().getName();
		}
		catch (SSLPeerUnverifiedException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request the server answered.
	 *
	 * @param path the path
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param clientCertificate the subject of the client's certificate, or {@code null}
	 * when it showed none
	 */
	public record Request(String path, @Nullable String authorization, @Nullable String clientCertificate) {
	}

}
