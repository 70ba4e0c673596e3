package io.github.groqspring.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A local HTTP proxy, as a corporate one works: {@code CONNECT host:port} opens a tunnel
 * (how {@code https} calls go through), a request in absolute form
 * ({@code POST http://host:port/path}) is forwarded; with credentials it answers 407 with a
 * {@code Basic} challenge until a request carries them. Every host name resolves to this
 * machine, so a base URL on a name no resolver knows ({@link TestCertificates#HOST}) is
 * reachable only through the proxy. Records each request's line and
 * {@code Proxy-Authorization} header.
 */
public final class LocalProxy implements AutoCloseable {

	private final ServerSocket server;

	private final @Nullable String expectedAuthorization;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private LocalProxy(ServerSocket server, @Nullable String expectedAuthorization) {
		this.server = server;
		this.expectedAuthorization = expectedAuthorization;
	}

	/**
	 * Start a proxy that asks for no credentials.
	 * @return the running proxy
	 */
	public static LocalProxy start() {
		return start(null, null);
	}

	/**
	 * Start a proxy.
	 * @param username the user name it asks for, or {@code null} for none
	 * @param password the password it asks for
	 * @return the running proxy
	 */
	public static LocalProxy start(@Nullable String username, @Nullable String password) {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			String expected = (username != null) ? "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
			LocalProxy proxy = new LocalProxy(server, expected);
			daemon(proxy::accept, "local-proxy");
			return proxy;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * The requests the proxy received, refused ones included, oldest first.
	 * @return the requests
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * The request lines the proxy received, e.g. {@code CONNECT api.groq.test:443 HTTP/1.1}.
	 * @return the lines, oldest first
	 */
	public List<String> requestLines() {
		return this.requests.stream().map(Request::line).toList();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				daemon(() -> serve(client), "local-proxy-connection");
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			List<String> head = readHead(in);
			if (head.isEmpty()) {
				return;
			}
			String line = head.get(0);
			String authorization = header(head, "Proxy-Authorization");
			this.requests.add(new Request(line, authorization));
			if (this.expectedAuthorization != null && !this.expectedAuthorization.equals(authorization)) {
				out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"local\"\r\n"
						+ "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				return;
			}
			String[] parts = line.split(" ");
			if (parts[0].equals("CONNECT")) {
				tunnel(parts[1], in, out);
			}
			else {
				forward(parts[0], URI.create(parts[1]), parts[2], head, in, out);
			}
		}
		catch (IOException ex) {
			// the client or the target went away
		}
	}

	private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
		int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
		try (Socket target = connect(port)) {
			out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			daemon(() -> pipe(in, target, true), "local-proxy-tunnel");
			target.getInputStream().transferTo(out);
		}
	}

	private void forward(String method, URI uri, String version, List<String> head, InputStream in, OutputStream out)
			throws IOException {
		int port = (uri.getPort() != -1) ? uri.getPort() : 80;
		try (Socket target = connect(port)) {
			StringBuilder request = new StringBuilder(method + " " + uri.getRawPath()
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "") + " " + version + "\r\n");
			head.stream().skip(1).filter((header) -> !isHopByHop(header)).forEach((header) -> request.append(header).append("\r\n"));
			request.append("Connection: close\r\n\r\n");
			OutputStream targetOut = target.getOutputStream();
			targetOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			targetOut.flush();
			daemon(() -> pipe(in, target, false), "local-proxy-forward");
			InputStream targetIn = target.getInputStream();
			StringBuilder response = new StringBuilder();
			readHead(targetIn).stream()
				.filter((header) -> !isHopByHop(header))
				.forEach((header) -> response.append(header).append("\r\n"));
			response.append("Connection: close\r\n\r\n");
			out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
			targetIn.transferTo(out);
		}
	}

	private Socket connect(int port) throws IOException {
		Socket target = new Socket(InetAddress.getLoopbackAddress(), port);
		this.sockets.add(target);
		return target;
	}

	/** Copy until the input ends; a tunnel then tells the target that the client is done. */
	private static void pipe(InputStream from, Socket to, boolean endOutput) {
		try {
			from.transferTo(to.getOutputStream());
			if (endOutput) {
				to.shutdownOutput();
			}
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	private static boolean isHopByHop(String header) {
		String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
		return name.equals("connection") || name.equals("proxy-connection") || name.equals("proxy-authorization")
				|| name.equals("keep-alive");
	}

	private static @Nullable String header(List<String> head, String name) {
		for (String header : head.subList(1, head.size())) {
			int colon = header.indexOf(':');
			if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return header.substring(colon + 1).trim();
			}
		}
		return null;
	}

	/** The lines up to the blank line that ends a head, without their line ends; empty at once-closed input. */
	private static List<String> readHead(InputStream in) throws IOException {
		List<String> lines = new ArrayList<>();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n' && previous == '\r') {
				byte[] bytes = line.toByteArray();
				String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
				if (text.isEmpty()) {
					return lines;
				}
				lines.add(text);
				line.reset();
			}
			else {
				line.write(b);
			}
			previous = b;
		}
		return lines;
	}

	private static void daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	/**
	 * A request the proxy received.
	 *
	 * @param line the request line, e.g. {@code CONNECT api.groq.test:443 HTTP/1.1}
	 * @param proxyAuthorization its {@code Proxy-Authorization} header, or {@code null}
	 */
	public record Request(String line, @Nullable String proxyAuthorization) {
	}

}
