package io.github.groqspring.benchmarks.startup;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.benchmarks.BenchmarkApplication;
import io.github.groqspring.benchmarks.clients.Client;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The applications whose start-up is compared: the same auto-configured application with and
 * without the Groq auto-configurations, alone or already using a {@code RestClient} built
 * from Boot's {@code RestClient.Builder} (as most applications that call an HTTP API do, and
 * which makes Boot set up its HTTP client whether Groq is there or not).
 */
public enum StartupApp {

	/** Auto-configuration only, every Groq auto-configuration excluded. */
	BARE(false, false),

	/** {@link #BARE} with the Groq starter. */
	GROQ(true, false),

	/** {@link #BARE} plus one {@code RestClient} from Boot's builder. */
	REST_CLIENT(false, true),

	/** {@link #REST_CLIENT} with the Groq starter. */
	GROQ_REST_CLIENT(true, true);

	private static final String GROQ_AUTO_CONFIGURATIONS = String.join(",",
			"io.github.groqspring.autoconfigure.GroqAutoConfiguration",
			"io.github.groqspring.autoconfigure.GroqTierAutoConfiguration",
			"io.github.groqspring.autoconfigure.GroqHealthContributorAutoConfiguration",
			"io.github.groqspring.autoconfigure.GroqObservationAutoConfiguration",
			"io.github.groqspring.autoconfigure.GroqReactiveAutoConfiguration",
			"io.github.groqspring.autoconfigure.GroqApiKeySanitizingAutoConfiguration");

	private final boolean groq;

	private final boolean restClient;

	StartupApp(boolean groq, boolean restClient) {
		this.groq = groq;
		this.restClient = restClient;
	}

	/**
	 * Start this application and check that it holds a {@code GroqTemplate} exactly when it
	 * should.
	 * @param groqBaseUrl where {@code groq.base-url} points (a socket counting connections)
	 * @return the running context
	 */
	public ConfigurableApplicationContext start(String groqBaseUrl) {
		Class<?>[] sources = this.restClient ? new Class<?>[] { BenchmarkApplication.class, AppRestClient.class }
				: new Class<?>[] { BenchmarkApplication.class };
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties("groq.base-url=" + groqBaseUrl, "groq.api-key=" + Client.API_KEY, "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.autoconfigure.exclude=" + (this.groq ? "" : GROQ_AUTO_CONFIGURATIONS))
			.run();
		if (this.groq != (context.getBeanNamesForType(GroqTemplate.class).length == 1)
				|| this.restClient != context.containsBean("appRestClient")) {
			context.close();
			throw new IllegalStateException(this + " started with the wrong beans");
		}
		return context;
	}

	/** What an application calling some other HTTP API has. */
	@Configuration(proxyBeanMethods = false)
	static class AppRestClient {

		@Bean
		RestClient appRestClient(RestClient.Builder builder) {
			return builder.baseUrl("http://127.0.0.1:9").build();
		}

	}

}
