package io.github.groqspring.internal.http;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.http.RetrySettings;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class LazyTlsSocketStrategyTests {

	@Test
	void createsTheDelegateOnlyAtTheFirstUpgrade() throws Exception {
		AtomicInteger created = new AtomicInteger();
		List<String> targets = new ArrayList<>();
		LazyTlsSocketStrategy strategy = new LazyTlsSocketStrategy(() -> {
			created.incrementAndGet();
			return recording(targets);
		});
		assertThat(created).hasValue(0);
		assertThat(strategy.isInitialized()).isFalse();
		strategy.upgrade(new Socket(), "api.groq.com", 443, null, null);
		strategy.upgrade(new Socket(), "api.groq.com", 443, null, null);
		assertThat(created).hasValue(1);
		assertThat(strategy.isInitialized()).isTrue();
		assertThat(targets).containsExactly("api.groq.com:443", "api.groq.com:443");
	}

	@Test
	void concurrentFirstUpgradesCreateOneDelegate() throws Exception {
		AtomicInteger created = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<String> targets = Collections.synchronizedList(new ArrayList<>());
		LazyTlsSocketStrategy strategy = new LazyTlsSocketStrategy(() -> {
			created.incrementAndGet();
			sleep(50);
			return recording(targets);
		});
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> upgrades = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				upgrades.add(executor.submit(() -> {
					start.await();
					return strategy.upgrade(new Socket(), "api.groq.com", 443, null, null);
				}));
			}
			start.countDown();
			for (Future<?> upgrade : upgrades) {
				upgrade.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(created).hasValue(1);
		assertThat(targets).hasSize(8);
	}

	@Test
	void theDefaultDelegateIsHttpClientsSystemDefault() {
		assertThat(new LazyTlsSocketStrategy().delegate()).isInstanceOf(DefaultClientTlsStrategy.class);
	}

	@Test
	void anHttpsBaseUrlStillHandshakesThroughTheStrategy() throws Exception {
		// A server that closes every connection: the client's TLS handshake fails, which shows
		// the https connection went through a TLS upgrade.
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread closer = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						server.accept().close();
					}
					catch (Exception ex) {
						// closed
					}
				}
			});
			closer.setDaemon(true);
			closer.start();
			try (GroqTemplate groq = GroqTemplate.builder()
				.baseUrl("https://127.0.0.1:" + server.getLocalPort())
				.apiKey("gsk_test")
				.retry(RetrySettings.NONE)
				.connectTimeout(Duration.ofSeconds(5))
				.readTimeout(Duration.ofSeconds(5))
				.build()) {
				Throwable failure = catchThrowable(groq::listModels);
				assertThat(failure).isInstanceOf(GroqException.class);
				assertThat(causes(failure)).anyMatch(SSLException.class::isInstance);
			}
		}
	}

	@Test
	void aFailingFactoryIsRetriedAtTheNextUpgrade() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		List<String> targets = new ArrayList<>();
		LazyTlsSocketStrategy strategy = new LazyTlsSocketStrategy(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("no trust store");
			}
			return recording(targets);
		});
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> strategy.upgrade(new Socket(), "api.groq.com", 443, null, null))
			.withMessage("no trust store");
		assertThat(strategy.isInitialized()).isFalse();
		strategy.upgrade(new Socket(), "api.groq.com", 443, null, null);
		assertThat(calls).hasValue(2);
		assertThat(targets).containsExactly("api.groq.com:443");
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			causes.add(current);
		}
		return causes;
	}

	private static TlsSocketStrategy recording(List<String> targets) {
		return (socket, target, port, attachment, context) -> {
			targets.add(target + ":" + port);
			return null;
		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
