package io.github.groqspring.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TlsSocketStrategy} that creates its delegate on the first TLS connection rather
 * than when the connection pool is built: the JDK's default {@link javax.net.ssl.SSLContext}
 * (trust store, random seeding) and HttpClient 5's public suffix list then load at the first
 * {@code https} call, not at application start-up, and never for a plain {@code http} base
 * URL. The delegate is the one HttpClient 5 creates itself when given none, so TLS behaves
 * the same. Thread-safe: the delegate is created once.
 */
final class LazyTlsSocketStrategy implements TlsSocketStrategy {

	private final Supplier<? extends TlsSocketStrategy> factory;

	private volatile @Nullable TlsSocketStrategy delegate;

	/**
	 * A strategy that creates {@link DefaultClientTlsStrategy#createSystemDefault()} when it
	 * is first used, as a pool built with {@code useSystemProperties()} and no strategy does.
	 */
	LazyTlsSocketStrategy() {
		this(DefaultClientTlsStrategy::createSystemDefault);
	}

	LazyTlsSocketStrategy(Supplier<? extends TlsSocketStrategy> factory) {
		this.factory = factory;
	}

	@Override
	public SSLSocket upgrade(Socket socket, String target, int port, @Nullable Object attachment,
			@Nullable HttpContext context) throws IOException {
		return delegate().upgrade(socket, target, port, attachment, context);
	}

	TlsSocketStrategy delegate() {
		TlsSocketStrategy strategy = this.delegate;
		if (strategy == null) {
			synchronized (this) {
				strategy = this.delegate;
				if (strategy == null) {
					strategy = this.factory.get();
					this.delegate = strategy;
				}
			}
		}
		return strategy;
	}

	boolean isInitialized() {
		return this.delegate != null;
	}

}
