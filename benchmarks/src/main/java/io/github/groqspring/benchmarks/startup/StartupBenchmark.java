package io.github.groqspring.benchmarks.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.benchmarks.BenchmarkApplication;
import io.github.groqspring.benchmarks.clients.Client;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring context start-up with and without {@code GroqAutoConfiguration}, in the same
 * application (Jackson, RestClient and HTTP client auto-configuration either way). The base
 * URL points at a local socket that counts connections: a start-up that connects fails the
 * trial. Run single-shot: the first iteration of a fork is a cold start.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StartupBenchmark {

	private static final String GROQ_AUTO_CONFIGURATION = "io.github.groqspring.autoconfigure.GroqAutoConfiguration";

	@Param({ "true", "false" })
	public boolean groq;

	private final AtomicInteger connections = new AtomicInteger();

	private @Nullable ServerSocket probe;

	private @Nullable ConfigurableApplicationContext context;

	@Setup(Level.Trial)
	public void openProbe() throws IOException {
		ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.probe = socket;
		Thread acceptor = new Thread(() -> {
			while (!socket.isClosed()) {
				try (Socket ignored = socket.accept()) {
					this.connections.incrementAndGet();
				}
				catch (IOException ex) {
					// closed
				}
			}
		}, "startup-probe");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@Benchmark
	public Object start() {
		int port = this.probe.getLocalPort();
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("groq.base-url=http://127.0.0.1:" + port, "groq.api-key=" + Client.API_KEY,
					"spring.main.banner-mode=off", "logging.level.root=warn",
					"spring.autoconfigure.exclude=" + (this.groq ? "" : GROQ_AUTO_CONFIGURATION))
			.run();
		if (this.groq != this.context.containsBean("groqTemplate")
				|| this.groq != (this.context.getBeanNamesForType(GroqTemplate.class).length == 1)) {
			throw new IllegalStateException("groq=" + this.groq + " but the context "
					+ (this.groq ? "has no" : "has a") + " GroqTemplate");
		}
		return this.context;
	}

	@TearDown(Level.Iteration)
	public void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@TearDown(Level.Trial)
	public void checkNoNetworkCall() throws IOException {
		this.probe.close();
		if (this.connections.get() != 0) {
			throw new IllegalStateException("Start-up connected to groq.base-url " + this.connections.get() + " times");
		}
	}

}
