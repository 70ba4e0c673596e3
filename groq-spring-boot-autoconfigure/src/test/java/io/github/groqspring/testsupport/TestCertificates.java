package io.github.groqspring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key pair with a self-signed certificate for {@code api.groq.test}, {@code localhost}
 * and {@code 127.0.0.1}, which no JVM trust store holds, and a trust store that holds only
 * that certificate: {@code src/test/resources/tls}, made once with the JDK's
 * {@code keytool} (valid for 100 years):
 * <pre>
 * keytool -genkeypair -alias groq -keyalg EC -groupname secp256r1 -dname CN=api.groq.test \
 *     -ext SAN=dns:api.groq.test,dns:localhost,ip:127.0.0.1 -validity 36500 \
 *     -keystore groq-key.p12 -storetype PKCS12 -storepass changeit
 * keytool -exportcert -alias groq -keystore groq-key.p12 -storepass changeit -file groq.crt
 * keytool -importcert -noprompt -alias groq -file groq.crt -keystore groq-trust.p12 -storetype PKCS12 \
 *     -storepass changeit
 * </pre>
 * The same key serves the local HTTPS server and, where a test asks for mutual TLS, the
 * client; the trust store is then the server's too.
 */
public final class TestCertificates {

	/** The host name the certificate is for that no resolver knows: it is reachable only through a proxy. */
	public static final String HOST = "api.groq.test";

	/** The password of both stores. */
	public static final String PASSWORD = "changeit";

	private static final String KEY_STORE = "tls/groq-key.p12";

	private static final String TRUST_STORE = "tls/groq-trust.p12";

	private TestCertificates() {
	}

	/**
	 * The properties of a Boot SSL bundle that trusts the certificate, and with
	 * {@code withKey} presents it as a client certificate too.
	 * @param name the bundle's name
	 * @param withKey whether the bundle holds the key
	 * @return {@code spring.ssl.bundle.jks.<name>.*} properties
	 */
	public static String[] bundleProperties(String name, boolean withKey) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		List<String> properties = new ArrayList<>(List.of(prefix + "truststore.location=classpath:" + TRUST_STORE,
				prefix + "truststore.password=" + PASSWORD, prefix + "truststore.type=PKCS12"));
		if (withKey) {
			properties.addAll(List.of(prefix + "keystore.location=classpath:" + KEY_STORE,
					prefix + "keystore.password=" + PASSWORD, prefix + "keystore.type=PKCS12"));
		}
		return properties.toArray(String[]::new);
	}

	/**
	 * A server's TLS context: this key, and this certificate as the only trusted one (for a
	 * server that asks for a client certificate).
	 * @return the context
	 */
	public static SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(KEY_STORE), PASSWORD.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(load(TRUST_STORE));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(String resource) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = TestCertificates.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " on the test class path");
			}
			store.load(in, PASSWORD.toCharArray());
		}
		return store;
	}

}
