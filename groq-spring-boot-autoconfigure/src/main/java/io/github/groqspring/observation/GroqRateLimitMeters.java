package io.github.groqspring.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.observation.GroqObservationDocumentation.LowCardinalityKeyNames;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.BudgetSnapshot;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.github.groqspring.ratelimit.RateLimitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Meters of rate-limit pacing, per model and tier: a gauge of the budget left (tokens and
 * requests, as the store last knew it, without asking it over the network), a timer of the
 * waits of paced calls (0 for a call that had enough), a counter of the calls that waited,
 * and one of the calls refused unsent because the refill would come after their deadline.
 * The meters of a budget are made at its first call, so a call pays no more than a map
 * lookup and a timer record.
 */
public class GroqRateLimitMeters implements RateLimitListener {

	/** Budget left, tagged {@value #UNIT} {@code tokens} or {@code requests}. */
	public static final String REMAINING = "groq.client.rate.limit.remaining";

	/** How long paced calls waited for their budget. */
	public static final String DELAY = "groq.client.rate.limit.delay";

	/** Paced calls that had to wait. */
	public static final String WAITED = "groq.client.rate.limit.waited";

	/** Calls not sent: the refill would have come after their deadline. */
	public static final String REFUSED = "groq.client.rate.limit.refused";

	/** The tag that tells the token budget from the request budget. */
	public static final String UNIT = "groq.rate_limit.unit";

	private static final String REFUSED_DESCRIPTION = "Groq calls not sent: the rate limit would refill after their deadline";

	private final MeterRegistry registry;

	private final Map<BudgetKey, Meters> meters = new ConcurrentHashMap<>();

	/**
	 * Create the meters.
	 * @param registry where they go
	 */
	public GroqRateLimitMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void paced(BudgetKey key, long waitedNanos, RateLimitBudgetStore store) {
		Meters meters = meters(key, store);
		meters.delay.record(waitedNanos, TimeUnit.NANOSECONDS);
		if (waitedNanos > 0) {
			meters.waited.increment();
		}
	}

	@Override
	public void refused(BudgetKey key, long neededNanos) {
		Meters meters = this.meters.get(key);
		if (meters != null) {
			meters.refused.increment();
		}
		else {
			Counter.builder(REFUSED).description(REFUSED_DESCRIPTION).tags(tags(key)).register(this.registry).increment();
		}
	}

	private Meters meters(BudgetKey key, RateLimitBudgetStore store) {
		Meters found = this.meters.get(key);
		return (found != null) ? found : this.meters.computeIfAbsent(key, (name) -> register(name, store));
	}

	private Meters register(BudgetKey key, RateLimitBudgetStore store) {
		Tags tags = tags(key);
		Gauge.builder(REMAINING, store, (budgets) -> remaining(budgets.snapshot(key), true))
			.description("Tokens left in Groq's rate-limit budget, as last known")
			.baseUnit("tokens")
			.tags(tags.and(UNIT, "tokens"))
			.register(this.registry);
		Gauge.builder(REMAINING, store, (budgets) -> remaining(budgets.snapshot(key), false))
			.description("Requests left in Groq's rate-limit budget, as last known")
			.baseUnit("requests")
			.tags(tags.and(UNIT, "requests"))
			.register(this.registry);
		return new Meters(
				Timer.builder(DELAY).description("Time Groq calls waited for their rate-limit budget").tags(tags)
					.register(this.registry),
				Counter.builder(WAITED).description("Groq calls that waited for their rate-limit budget").tags(tags)
					.register(this.registry),
				Counter.builder(REFUSED).description(REFUSED_DESCRIPTION).tags(tags).register(this.registry));
	}

	private static double remaining(@Nullable BudgetSnapshot snapshot, boolean tokens) {
		if (snapshot == null) {
			return Double.NaN;
		}
		if (tokens) {
			return snapshot.limits().limitsTokens() ? snapshot.remainingTokens() : Double.NaN;
		}
		return snapshot.limits().limitsRequests() ? snapshot.remainingRequests() : Double.NaN;
	}

	private static Tags tags(BudgetKey key) {
		return Tags.of(LowCardinalityKeyNames.REQUEST_MODEL.asString(), key.model(),
				LowCardinalityKeyNames.REQUESTED_TIER.asString(), key.tier());
	}

	private record Meters(Timer delay, Counter waited, Counter refused) {
	}

}
