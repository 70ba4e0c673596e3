package io.github.groqspring.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.models.GroqModel;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Groq answers with this API key and serves the default model, from its models
 * endpoint (which costs no tokens); the answer is cached so that frequent health checks do
 * not use up the organisation's request quota, and concurrent checks share one probe.
 *
 * <p>The details never hold the API key: the base URL's host, the default model and tier,
 * the probe's latency, and on {@code DOWN} a {@code reason} code with an {@code error}
 * message.
 */
public class GroqHealthIndicator implements HealthIndicator, AutoCloseable {

	private final GroqTemplate probe;

	private final Duration timeout;

	private final Duration timeToLive;

	private final Clock clock;

	private final String host;

	private final Object probeLock = new Object();

	private volatile @Nullable Result last;

	/**
	 * Create an indicator; it owns the probe and closes it with itself.
	 * @param probe a template for Groq's base URL, key, default model and tier, whose
	 * timeouts are short (its read timeout is the longest a check waits)
	 * @param timeout the probe's timeout, named in the reason when it runs out
	 * @param timeToLive how long a result is reused, zero to probe on every check
	 */
	public GroqHealthIndicator(GroqTemplate probe, Duration timeout, Duration timeToLive) {
		this(probe, timeout, timeToLive, Clock.systemUTC());
	}

	GroqHealthIndicator(GroqTemplate probe, Duration timeout, Duration timeToLive, Clock clock) {
		this.probe = probe;
		this.timeout = timeout;
		this.timeToLive = timeToLive;
		this.clock = clock;
		this.host = host(probe.getBaseUrl());
	}

	@Override
	public Health health() {
		Result cached = this.last;
		if (cached != null && cached.isFresh(this.clock.instant(), this.timeToLive)) {
			return cached.health();
		}
		synchronized (this.probeLock) {
			cached = this.last;
			if (cached != null && cached.isFresh(this.clock.instant(), this.timeToLive)) {
				return cached.health();
			}
			Health health = probe();
			this.last = new Result(health, this.clock.instant());
			return health;
		}
	}

	private Health probe() {
		Instant checkedAt = this.clock.instant();
		long start = System.nanoTime();
		Health.Builder builder;
		try {
			builder = judge(this.probe.listModels());
		}
		catch (GroqAuthenticationException ex) {
			builder = down("invalid_api_key", ex.getMessage()).withDetail("status", ex.getStatusCode());
		}
		catch (GroqTimeoutException ex) {
			builder = down("timeout", "Groq did not answer GET /openai/v1/models at " + this.host + " within "
					+ this.timeout.toMillis() + "ms (groq.health.timeout)");
		}
		catch (GroqTransportException ex) {
			builder = down("unreachable", "Groq is unreachable at " + this.host + ": " + ex.getMessage());
		}
		catch (GroqRateLimitException ex) {
			builder = down("rate_limited", ex.getMessage()).withDetail("status", ex.getStatusCode());
		}
		catch (GroqException ex) {
			builder = down("error", ex.getMessage()).withDetail("status", ex.getStatusCode());
		}
		catch (RuntimeException ex) {
			builder = down("error", ex.toString());
		}
		return builder.withDetail("host", this.host)
			.withDetail("defaultModel", orNone(this.probe.getDefaultModel()))
			.withDetail("defaultServiceTier", orNone(this.probe.getDefaultServiceTier()))
			.withDetail("probeLatencyMs", Duration.ofNanos(System.nanoTime() - start).toMillis())
			.withDetail("checkedAt", checkedAt.toString())
			.build();
	}

	private Health.Builder judge(List<GroqModel> models) {
		String defaultModel = this.probe.getDefaultModel();
		if (defaultModel == null) {
			return Health.up().withDetail("models", models.size());
		}
		Optional<GroqModel> model = models.stream()
			.filter((candidate) -> candidate.id().equals(defaultModel))
			.findFirst();
		if (model.isEmpty()) {
			return down("model_not_found", "groq.default-model '" + defaultModel + "' is not among the "
					+ models.size() + " models this API key may use (GET /openai/v1/models)");
		}
		if (!model.get().active()) {
			return down("model_inactive", "groq.default-model '" + defaultModel + "' is listed but not active");
		}
		return Health.up().withDetail("models", models.size());
	}

	private static Health.Builder down(String reason, @Nullable String message) {
		return Health.down().withDetail("reason", reason).withDetail("error", (message != null) ? message : reason);
	}

	private static String host(String baseUrl) {
		URI uri = URI.create(baseUrl);
		String host = (uri.getHost() != null) ? uri.getHost() : baseUrl;
		return (uri.getPort() != -1) ? host + ":" + uri.getPort() : host;
	}

	private static String orNone(@Nullable Object value) {
		return (value != null) ? value.toString() : "none";
	}

	@Override
	public void close() throws Exception {
		this.probe.close();
	}

	@Override
	public String toString() {
		return "GroqHealthIndicator[host=" + this.host + ", timeout=" + this.timeout + ", timeToLive="
				+ this.timeToLive + "]";
	}

	private record Result(Health health, Instant checkedAt) {

		boolean isFresh(Instant now, Duration timeToLive) {
			return now.isBefore(this.checkedAt.plus(timeToLive));
		}

	}

}
