package io.github.groqspring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Groq's health indicator.
 */
@ConfigurationProperties("groq.health")
public class GroqHealthProperties {

	/**
	 * How long a probe's result, DOWN included, is reused before Groq is asked again, so
	 * that frequent health checks do not use up the organisation's daily request quota:
	 * with a check every 10s (a Kubernetes probe), 60s asks Groq 1,440 times a day instead
	 * of 8,640. 0s or more; 0s asks Groq on every check.
	 */
	private Duration cacheTimeToLive = Duration.ofSeconds(60);

	/**
	 * How long the probe may take to connect, and then to read Groq's answer; more than 0s.
	 * The probe is the GroqTemplate bean derived with these timeouts and a small connection
	 * pool of its own (same key, base URL, TLS and proxy), not retried nor observed, so a
	 * slow Groq never holds the health endpoint for groq.read-timeout; concurrent checks
	 * wait for one shared probe.
	 */
	private Duration timeout = Duration.ofSeconds(3);

	public Duration getCacheTimeToLive() {
		return this.cacheTimeToLive;
	}

	public void setCacheTimeToLive(Duration cacheTimeToLive) {
		if (cacheTimeToLive.isNegative()) {
			throw new IllegalArgumentException(
					"groq.health.cache-time-to-live must be 0s or more, such as 60s (0s asks Groq on every check)");
		}
		this.cacheTimeToLive = cacheTimeToLive;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("groq.health.timeout must be more than 0s, such as 3s");
		}
		this.timeout = timeout;
	}

}
