package io.github.groqspring.autoconfigure;

import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqRedirectException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.health.GroqHealthIndicator;
import io.github.groqspring.http.ProxySettings;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.testsupport.LocalHttpsServer;
import io.github.groqspring.testsupport.LocalProxy;
import io.github.groqspring.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Boot's HTTP client settings reach Groq's calls, with {@code groq.*} winning where both are
 * set: the timeouts and SSL bundle of {@code spring.http.clients.*}, Boot's
 * {@code ClientHttpRequestFactoryBuilder}, {@code groq.ssl.bundle} against a local HTTPS
 * server whose certificate only a bundle trusts, and proxies (the JVM's system properties
 * and {@code groq.proxy.*}) through a local proxy that records what passes.
 */
class GroqHttpClientSettingsTests {

	private static final String KEY = "gsk_http_settings_test_key_42";

	@RegisterExtension
	static final GroqEmulatorExtension groq = new GroqEmulatorExtension();

	private final List<AutoCloseable> servers = new ArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
				JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("groq.api-key=" + KEY, "groq.retry.max-retries=0");

	private final ApplicationContextRunner emulated = this.runner.withPropertyValues("groq.base-url=" + groq.baseUrl());

	@AfterEach
	void closeServers() throws Exception {
		for (AutoCloseable server : this.servers) {
			server.close();
		}
	}

	@Test
	void springHttpClientsReadTimeoutAppliesWhenGroqReadTimeoutIsUnset() {
		groq.emulator().enqueue(GroqEmulator.MODELS, slowModels());
		this.emulated.withPropertyValues("spring.http.clients.read-timeout=150ms").run((context) -> {
			assertThat(context.getBean(GroqProperties.class).getReadTimeout()).isNull();
			assertThatExceptionOfType(GroqTimeoutException.class)
				.isThrownBy(() -> context.getBean(GroqTemplate.class).listModels());
		});
	}

	@Test
	void groqReadTimeoutWinsOverSpringHttpClientsReadTimeout() {
		groq.emulator().enqueue(GroqEmulator.MODELS, slowModels());
		this.emulated.withPropertyValues("spring.http.clients.read-timeout=150ms", "groq.read-timeout=10s")
			.run((context) -> assertThat(context.getBean(GroqTemplate.class).listModels()).isEmpty());
	}

	@Test
	void aSpringHttpClientsTimeoutGroqCannotUseFailsStartUpNamingIt() {
		this.emulated.withPropertyValues("spring.http.clients.connect-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(GroqInvalidPropertyException.class)
				.hasMessage("Invalid configuration property 'spring.http.clients.connect-timeout': Groq's calls need a "
						+ "connect-timeout of more than 0s, and groq.connect-timeout is not set");
		});
		this.emulated.withPropertyValues("spring.http.clients.connect-timeout=0s", "groq.connect-timeout=2s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void eachHttpSettingComesFromGroqWhereItIsSetElseFromBootsSettings() {
		SslBundle groqBundle = SslBundle.of(null);
		SslBundle bootBundle = SslBundle.of(null);
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("groq-bundle", groqBundle);
		bundles.registerBundle("boot-bundle", bootBundle);
		HttpClientSettings boot = HttpClientSettings.defaults()
			.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(30))
			.withSslBundle(bootBundle)
			.withRedirects(HttpRedirects.FOLLOW);
		GroqHttpClientSettings settings = new GroqHttpClientSettings(new StandardEnvironment());
		GroqProperties properties = new GroqProperties();
		assertThat(settings.resolve(properties, boot, bundles)).isEqualTo(
				new GroqHttpClientSettings.Resolved(Duration.ofSeconds(3), Duration.ofSeconds(30), bootBundle, null));
		properties.setConnectTimeout(Duration.ofSeconds(2));
		assertThat(settings.resolve(properties, boot, bundles)).isEqualTo(
				new GroqHttpClientSettings.Resolved(Duration.ofSeconds(2), Duration.ofSeconds(30), bootBundle, null));
		properties.setReadTimeout(Duration.ofSeconds(45));
		properties.getSsl().setBundle("groq-bundle");
		properties.getProxy().setHost("proxy.corp.example");
		properties.getProxy().setPort(3128);
		assertThat(settings.resolve(properties, boot, bundles))
			.isEqualTo(new GroqHttpClientSettings.Resolved(Duration.ofSeconds(2), Duration.ofSeconds(45), groqBundle,
					ProxySettings.of("proxy.corp.example", 3128)));
		assertThat(settings.resolve(new GroqProperties(), null, null))
			.as("neither set: the builder's 5s and 60s, the JVM's trust store and proxy")
			.isEqualTo(new GroqHttpClientSettings.Resolved(null, null, null, null));
	}

	@Test
	void anHttpClientSettingsBeanOfTheApplicationAppliesWhereGroqLeavesASettingUnset() {
		groq.emulator().enqueue(GroqEmulator.MODELS, slowModels());
		this.emulated
			.withBean(HttpClientSettings.class,
					() -> HttpClientSettings.defaults().withReadTimeout(Duration.ofMillis(150)))
			.withPropertyValues("spring.http.clients.read-timeout=10s")
			.run((context) -> {
				assertThat(context.getBean(HttpClientSettings.class).readTimeout()).isEqualTo(Duration.ofMillis(150));
				assertThatExceptionOfType(GroqTimeoutException.class)
					.isThrownBy(() -> context.getBean(GroqTemplate.class).listModels());
			});
	}

	@Test
	void springHttpClientsRedirectsDoNotMakeGroqFollowARedirect() {
		try (GroqEmulator elsewhere = GroqEmulator.start()) {
			groq.emulator()
				.enqueue(GroqEmulator.MODELS, EmulatedResponse.raw(302, "text/html", "<html>Moved</html>")
					.withHeader("Location", elsewhere.baseUrl() + GroqEmulator.MODELS));
			this.emulated.withPropertyValues("spring.http.clients.redirects=follow").run((context) -> {
				GroqRedirectException ex = catchThrowableOfType(GroqRedirectException.class,
						() -> context.getBean(GroqTemplate.class).listModels());
				assertThat(ex.getStatusCode()).isEqualTo(302);
				assertThat(elsewhere.requests()).isEmpty();
			});
		}
	}

	@Test
	void customizationsOfBootsRequestFactoryBuilderApplyToGroqsCallsUnderGroqsOwnSettings() {
		this.emulated
			.withBean(ClientHttpRequestFactoryBuilderCustomizer.class,
					() -> (ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder>) (
							builder) -> builder.withHttpClientCustomizer((client) -> client
								.addRequestInterceptorFirst((request, entity, httpContext) -> request
									.addHeader("X-Corporate-Trace", "on"))
								.setUserAgent("corporate-agent")))
			.run((context) -> {
				context.getBean(GroqTemplate.class).chat(ChatRequest.builder("llama-3.1-8b-instant").user("Hi"));
				assertThat(groq.emulator().lastRequest().header("X-Corporate-Trace")).isEqualTo("on");
				assertThat(groq.emulator().lastRequest().header("User-Agent")).isEqualTo("groq-spring-boot-starter");
			});
	}

	@Test
	void aRequestFactoryBuilderOfAnotherKindIsNotUsedWhileHttpClient5IsPresent() {
		AtomicBoolean used = new AtomicBoolean();
		this.emulated.withBean(ClientHttpRequestFactoryBuilder.class, () -> ClientHttpRequestFactoryBuilder.of(() -> {
			used.set(true);
			return new SimpleClientHttpRequestFactory();
		})).run((context) -> {
			assertThat(context.getBean(GroqTemplate.class).listModels()).isNotEmpty();
			assertThat(used).isFalse();
			assertThat(groq.emulator().lastRequest().header("User-Agent")).isEqualTo("groq-spring-boot-starter");
		});
	}

	@Test
	void groqSslBundleTrustsAPrivateEndpointsCertificate() {
		LocalHttpsServer https = https(false);
		this.runner.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl("localhost"), "groq.ssl.bundle=private")
			.run((context) -> {
				assertThat(context.getBean(GroqTemplate.class).listModels()).extracting(GroqModel::id)
					.containsExactly("llama-3.1-8b-instant");
				assertThat(https.requests()).containsExactly(
						new LocalHttpsServer.Request(GroqEmulator.MODELS, "Bearer " + KEY, null));
			});
	}

	@Test
	void withoutABundleThePrivateEndpointsCertificateIsRefused() {
		LocalHttpsServer https = https(false);
		this.runner.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl("localhost"))
			.run((context) -> {
				GroqTransportException ex = catchThrowableOfType(GroqTransportException.class,
						() -> context.getBean(GroqTemplate.class).listModels());
				assertThat(ex).hasRootCauseInstanceOf(CertPathBuilderException.class)
					.cause()
					.isInstanceOf(SSLHandshakeException.class);
				assertThat(https.requests()).isEmpty();
			});
	}

	@Test
	void springHttpClientsSslBundleAppliesWhenGroqSslBundleIsUnset() {
		LocalHttpsServer https = https(false);
		this.runner.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl("127.0.0.1"), "spring.http.clients.ssl.bundle=private")
			.run((context) -> {
				assertThat(context.getBean(GroqTemplate.class).listModels()).hasSize(1);
				assertThat(https.requests()).hasSize(1);
			});
	}

	@Test
	void aClientCertificateFromTheBundleIsShownToAServerThatAsksForOne() {
		LocalHttpsServer https = https(true);
		this.runner.withPropertyValues(bundles("mutual", true))
			.withPropertyValues("groq.base-url=" + https.baseUrl("localhost"), "groq.ssl.bundle=mutual")
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(https.requests()).extracting(LocalHttpsServer.Request::clientCertificate)
					.containsExactly("CN=" + TestCertificates.HOST);
			});
	}

	@Test
	void groqSslBundleWinsOverSpringHttpClientsSslBundle() {
		LocalHttpsServer https = https(true);
		this.runner.withPropertyValues(bundles("mutual", true))
			.withPropertyValues(bundles("trust-only", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl("localhost"))
			.withPropertyValues("spring.http.clients.ssl.bundle=trust-only", "groq.ssl.bundle=mutual")
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(https.requests()).hasSize(1);
			});
		this.runner.withPropertyValues(bundles("mutual", true))
			.withPropertyValues(bundles("trust-only", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl("localhost"))
			.withPropertyValues("spring.http.clients.ssl.bundle=mutual", "groq.ssl.bundle=trust-only")
			.run((context) -> {
				assertThatExceptionOfType(GroqTransportException.class)
					.isThrownBy(() -> context.getBean(GroqTemplate.class).listModels());
				assertThat(https.requests()).as("the first context's request only").hasSize(1);
			});
	}

	@Test
	void anUnknownSslBundleFailsStartUpNamingThePropertyAndTheBundles() {
		this.emulated.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.ssl.bundle=corporate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(GroqInvalidPropertyException.class)
					.hasMessage("Invalid configuration property 'groq.ssl.bundle': No SSL bundle is named 'corporate'; "
							+ "the bundles are private");
			});
		this.emulated.withPropertyValues("groq.ssl.bundle=corporate").run((context) -> {
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("Invalid configuration property 'groq.ssl.bundle': No SSL bundle is configured");
		});
	}

	@Test
	void groqProxyTunnelsHttpsCallsAndAnswersItsChallengeWithTheCredentials() {
		LocalHttpsServer https = https(false);
		LocalProxy proxy = proxy(LocalProxy.start("groq-user", "proxy-s3cret"));
		this.runner.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl(TestCertificates.HOST), "groq.ssl.bundle=private",
					"groq.proxy.host=127.0.0.1", "groq.proxy.port=" + proxy.port(), "groq.proxy.username=groq-user",
					"groq.proxy.password=proxy-s3cret")
			.run((context) -> {
				assertThat(context.getBean(GroqTemplate.class).listModels()).hasSize(1);
				String connect = "CONNECT " + TestCertificates.HOST + ":" + https.port() + " HTTP/1.1";
				assertThat(proxy.requests()).containsExactly(new LocalProxy.Request(connect, null),
						new LocalProxy.Request(connect, basic("groq-user", "proxy-s3cret")));
				assertThat(https.requests()).extracting(LocalHttpsServer.Request::authorization)
					.containsExactly("Bearer " + KEY);
				assertThat(context.getBean(GroqProperties.class).toString()).doesNotContain("proxy-s3cret");
			});
	}

	@Test
	void groqProxyForwardsHttpCallsAndResendsTheirBodyAfterTheChallenge() {
		LocalProxy proxy = proxy(LocalProxy.start("groq-user", "proxy-s3cret"));
		String baseUrl = "http://" + TestCertificates.HOST + ":" + groq.emulator().port();
		this.runner
			.withPropertyValues("groq.base-url=" + baseUrl, "groq.proxy.host=localhost",
					"groq.proxy.port=" + proxy.port(), "groq.proxy.username=groq-user",
					"groq.proxy.password=proxy-s3cret")
			.run((context) -> {
				String content = context.getBean(GroqTemplate.class)
					.chat(ChatRequest.builder("llama-3.1-8b-instant").user("Through the proxy"))
					.content();
				assertThat(content).isEqualTo("Emulated reply to: Through the proxy");
				String post = "POST " + baseUrl + "/openai/v1/chat/completions HTTP/1.1";
				assertThat(proxy.requests()).containsExactly(new LocalProxy.Request(post, null),
						new LocalProxy.Request(post, basic("groq-user", "proxy-s3cret")));
				assertThat(groq.emulator().chatRequests()).hasSize(1);
				assertThat(groq.emulator().lastRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(groq.emulator().lastRequest().header("Proxy-Authorization")).isNull();
			});
	}

	@Test
	void theHealthProbeAndADerivedTemplateTrustTheBundleAndGoThroughTheProxyOfTheTemplate() {
		LocalHttpsServer https = https(false);
		LocalProxy proxy = proxy(LocalProxy.start());
		this.runner.withConfiguration(AutoConfigurations.of(GroqHealthContributorAutoConfiguration.class))
			.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl(TestCertificates.HOST), "groq.ssl.bundle=private",
					"groq.proxy.host=127.0.0.1", "groq.proxy.port=" + proxy.port())
			.run((context) -> {
				assertThat(context.getBean(GroqHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
				try (GroqTemplate tenantB = context.getBean(GroqTemplate.class)
					.mutate()
					.apiKey("gsk_tenant_b_through_the_proxy")
					.build()) {
					assertThat(tenantB.listModels()).hasSize(1);
				}
				String connect = "CONNECT " + TestCertificates.HOST + ":" + https.port() + " HTTP/1.1";
				assertThat(proxy.requestLines()).as("one tunnel for each template's own pool")
					.containsExactly(connect, connect);
				assertThat(https.requests()).extracting(LocalHttpsServer.Request::authorization)
					.containsExactly("Bearer " + KEY, "Bearer gsk_tenant_b_through_the_proxy");
			});
	}

	@Test
	void theJvmsProxySystemPropertiesApplyWhenGroqProxyIsUnset() {
		LocalProxy proxy = proxy(LocalProxy.start());
		String baseUrl = "http://" + TestCertificates.HOST + ":" + groq.emulator().port();
		withSystemProperties("http", proxy, () -> this.runner.withPropertyValues("groq.base-url=" + baseUrl).run((context) -> {
			assertThat(context.getBean(GroqTemplate.class).listModels()).isNotEmpty();
			assertThat(proxy.requestLines()).containsExactly("GET " + baseUrl + "/openai/v1/models HTTP/1.1");
		}));
	}

	@Test
	void theJvmsHttpsProxySystemPropertiesTunnelHttpsCalls() {
		LocalHttpsServer https = https(false);
		LocalProxy proxy = proxy(LocalProxy.start());
		withSystemProperties("https", proxy, () -> this.runner.withPropertyValues(bundles("private", false))
			.withPropertyValues("groq.base-url=" + https.baseUrl(TestCertificates.HOST), "groq.ssl.bundle=private")
			.run((context) -> {
				assertThat(context.getBean(GroqTemplate.class).listModels()).hasSize(1);
				assertThat(proxy.requestLines())
					.containsExactly("CONNECT " + TestCertificates.HOST + ":" + https.port() + " HTTP/1.1");
				assertThat(https.requests()).extracting(LocalHttpsServer.Request::authorization)
					.containsExactly("Bearer " + KEY);
			}));
	}

	@Test
	void groqProxyWinsOverTheJvmsProxySystemProperties() {
		LocalProxy jvms = proxy(LocalProxy.start());
		LocalProxy groqs = proxy(LocalProxy.start());
		String baseUrl = "http://" + TestCertificates.HOST + ":" + groq.emulator().port();
		withSystemProperties("http", jvms, () -> this.runner
			.withPropertyValues("groq.base-url=" + baseUrl, "groq.proxy.host=127.0.0.1", "groq.proxy.port=" + groqs.port())
			.run((context) -> {
				context.getBean(GroqTemplate.class).listModels();
				assertThat(groqs.requestLines()).containsExactly("GET " + baseUrl + "/openai/v1/models HTTP/1.1");
				assertThat(jvms.requestLines()).isEmpty();
			}));
	}

	@Test
	void proxyPropertiesGroqCannotUseFailStartUpNamingThePropertyButNeverShowingThePassword() {
		assertThat(startUpFailure("groq.proxy.host=proxy.corp.example"))
			.isEqualTo("Invalid configuration property 'groq.proxy.host': groq.proxy.port is not set; a proxy needs both");
		assertThat(startUpFailure("groq.proxy.host=http://proxy.corp.example", "groq.proxy.port=3128")).isEqualTo(
				"Invalid configuration property 'groq.proxy.host': A proxy host is a host name or address, without a "
						+ "scheme, port, path or credentials");
		assertThat(startUpFailure("groq.proxy.host=proxy.corp.example:3128", "groq.proxy.port=3128")).startsWith(
				"Invalid configuration property 'groq.proxy.host': A proxy host is a host name or address");
		assertThat(startUpFailure("groq.proxy.username=groq-user"))
			.isEqualTo("Invalid configuration property 'groq.proxy.username': groq.proxy.host is not set");
		assertThat(startUpFailure("groq.proxy.host=proxy.corp.example", "groq.proxy.port=3128",
				"groq.proxy.password=never-shown"))
			.isEqualTo("Invalid configuration property 'groq.proxy.password': groq.proxy.username is not set");
		this.emulated.withPropertyValues("groq.proxy.host=user:never-shown@proxy.corp.example", "groq.proxy.port=3128")
			.run((context) -> {
				GroqInvalidPropertyException ex = (GroqInvalidPropertyException) rootCause(context.getStartupFailure());
				assertThat(ex.getShownValue()).isEqualTo("******@proxy.corp.example");
				assertThat(ex.toString()).doesNotContain("never-shown");
			});
	}

	private String startUpFailure(String... properties) {
		List<String> messages = new ArrayList<>();
		this.emulated.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable root = rootCause(context.getStartupFailure());
			assertThat(root).isInstanceOf(GroqInvalidPropertyException.class);
			assertThat(root.toString()).doesNotContain("never-shown");
			messages.add(root.getMessage());
		});
		return messages.get(0);
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	private LocalHttpsServer https(boolean needClientAuth) {
		LocalHttpsServer server = LocalHttpsServer.start(needClientAuth);
		this.servers.add(server);
		return server;
	}

	private LocalProxy proxy(LocalProxy proxy) {
		this.servers.add(proxy);
		return proxy;
	}

	private static String[] bundles(String name, boolean withKey) {
		return TestCertificates.bundleProperties(name, withKey);
	}

	private static EmulatedResponse slowModels() {
		return EmulatedResponse.raw(200, "application/json", "{\"object\":\"list\",\"data\":[]}")
			.delayedBy(Duration.ofSeconds(1));
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
	}

	/**
	 * Run with the JVM's {@code http.proxyHost} and {@code http.proxyPort} (or the
	 * {@code https.} ones) pointing at a proxy, as {@code -Dhttps.proxyHost=...} would;
	 * restored afterwards (the tests of this module run one at a time).
	 */
	private static void withSystemProperties(String scheme, LocalProxy proxy, Runnable test) {
		String hostProperty = scheme + ".proxyHost";
		String portProperty = scheme + ".proxyPort";
		String host = System.getProperty(hostProperty);
		String port = System.getProperty(portProperty);
		System.setProperty(hostProperty, "127.0.0.1");
		System.setProperty(portProperty, String.valueOf(proxy.port()));
		try {
			test.run();
		}
		finally {
			restore(hostProperty, host);
			restore(portProperty, port);
		}
	}

	private static void restore(String name, String value) {
		if (value != null) {
			System.setProperty(name, value);
		}
		else {
			System.clearProperty(name);
		}
	}

}
