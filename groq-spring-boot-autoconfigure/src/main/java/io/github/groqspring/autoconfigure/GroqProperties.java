package io.github.groqspring.autoconfigure;

import java.time.Duration;

import io.github.groqspring.GroqTemplateBuilder;
import io.github.groqspring.ServiceTier;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Groq.
 */
@ConfigurationProperties("groq")
public class GroqProperties {

	/**
	 * API key for Groq (starts with gsk_). Also read from the GROQ_API_KEY environment
	 * variable. Required while groq.base-url is Groq's cloud.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of Groq's API, without the /openai/v1 path. Also read from GROQ_BASE_URL.
	 */
	private String baseUrl = GroqTemplateBuilder.DEFAULT_BASE_URL;

	/**
	 * Model used by requests that name none, e.g. llama-3.3-70b-versatile.
	 */
	private @Nullable String defaultModel;

	/**
	 * Service tier sent when neither the request nor @GroqTier chooses one. Unset sends no
	 * service_tier, so Groq serves on_demand.
	 */
	private @Nullable ServiceTier defaultServiceTier;

	/**
	 * How long connecting to Groq may take.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * How long reading a response may stall.
	 */
	private Duration readTimeout = Duration.ofSeconds(60);

	/**
	 * Most connections open to Groq at once (the HTTP connection pool's size).
	 */
	private int maxConnections = 64;

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getDefaultModel() {
		return this.defaultModel;
	}

	public void setDefaultModel(@Nullable String defaultModel) {
		this.defaultModel = defaultModel;
	}

	public @Nullable ServiceTier getDefaultServiceTier() {
		return this.defaultServiceTier;
	}

	public void setDefaultServiceTier(@Nullable ServiceTier defaultServiceTier) {
		this.defaultServiceTier = defaultServiceTier;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	@Override
	public String toString() {
		return "GroqProperties[apiKey=" + ((this.apiKey != null) ? "******" : "none") + ", baseUrl=" + this.baseUrl
				+ ", defaultModel=" + this.defaultModel + ", defaultServiceTier=" + this.defaultServiceTier + "]";
	}

	/**
	 * Observations of Groq calls.
	 */
	private final Observations observations = new Observations();

	public Observations getObservations() {
		return this.observations;
	}

	/**
	 * Settings of the observations of Groq calls.
	 */
	public static class Observations {

		/**
		 * Whether to log prompts and completions at DEBUG (category
		 * io.github.groqspring.content), for debugging. API keys in the text are masked.
		 */
		private boolean logContent;

		public boolean isLogContent() {
			return this.logContent;
		}

		public void setLogContent(boolean logContent) {
			this.logContent = logContent;
		}

	}

}
