package io.github.groqspring.ratelimit.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.groqspring.ratelimit.BudgetKey;
import io.github.groqspring.ratelimit.BudgetLimits;
import io.github.groqspring.ratelimit.BudgetReservation;
import io.github.groqspring.ratelimit.BudgetSnapshot;
import io.github.groqspring.ratelimit.LocalBudgetStore;
import io.github.groqspring.ratelimit.RateLimitBudgetStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Budgets on Redis, shared by every instance of an application: each budget's tokens and
 * requests are Bucket4j buckets ({@code capacity = limit}, refilled greedily over the refill
 * period) under keys made of the prefix, the {@linkplain BudgetKey#hash hash} of the base URL
 * and API key (never the key), the model, the tier and the limit. Refills are computed with
 * this JVM's clock corrected by its offset from Redis's {@code TIME} ({@link RedisClock}), so
 * instances with skewed clocks agree.
 *
 * <p>Groq's remaining headers can only lower a shared bucket (a bucket holding more than Groq
 * says is left is brought down to it): the reservations other instances made after the
 * answered request was admitted are not known here.
 *
 * <p>Fail-open: when Redis is unreachable or slower than the timeout, calls are paced in this
 * JVM ({@link LocalBudgetStore}, kept warm with Groq's headers all along) for the retry
 * interval, then Redis is tried again; the first failure of an outage is logged at WARN
 * (without any key), the recovery at INFO, and {@link #state()} says which is in use (for
 * health). A store never fails a call because of Redis, and it connects in the background,
 * so an application starts while Redis is down.
 *
 * <p>Concurrent operations of this JVM on one bucket are combined into one compare-and-swap
 * (Bucket4j's batching optimization): without it, threads of one instance retry each other's
 * conflicting swaps, and under load an operation overruns the timeout. Only the reservation
 * is on a call's path; settling it and learning from Groq's headers happen asynchronously,
 * after the answer has been handed over.
 */
public final class RedisBudgetStore implements RateLimitBudgetStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisBudgetStore.class);

	private final Supplier<? extends @Nullable RedisClient> client;

	private final Settings settings;

	private final RedisClock clock;

	private final LocalBudgetStore fallback = new LocalBudgetStore();

	private final Map<String, Proxy> proxies = new ConcurrentHashMap<>();

	private final Map<BudgetKey, Known> known = new ConcurrentHashMap<>();

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile @Nullable Connection connection;

	private volatile long retryAtNanos = System.nanoTime();

	private volatile @Nullable Instant failingSince;

	private volatile @Nullable String lastError = "not connected yet";

	private volatile boolean closed;

	private final AtomicLong outages = new AtomicLong();

	/** Operations off the calls' path not yet answered by Redis. */
	private final AtomicLong pending = new AtomicLong();

	/**
	 * Create a store; it connects in the background.
	 * @param client the Lettuce client to open its connection with, e.g. Spring Data Redis's
	 * {@code LettuceConnectionFactory.getNativeClient()}; {@code null} until it exists
	 * @param settings the key prefix, timeout and retry interval
	 */
	public RedisBudgetStore(Supplier<? extends @Nullable RedisClient> client, Settings settings) {
		this(client, settings, Clock.systemUTC());
	}

	RedisBudgetStore(Supplier<? extends @Nullable RedisClient> client, Settings settings, Clock clock) {
		this.client = client;
		this.settings = settings;
		this.clock = new RedisClock(clock);
		connectInBackground();
	}

	@Override
	public BudgetReservation reserve(BudgetKey key, BudgetLimits limits, long tokens, long requests,
			long maxWaitNanos) {
		Connection connection = usable();
		if (connection == null) {
			return this.fallback.reserve(key, limits, tokens, requests, maxWaitNanos);
		}
		try {
			Proxy tokenProxy = limits.limitsTokens() ? proxy(connection, key, limits, true) : null;
			Proxy requestProxy = limits.limitsRequests() ? proxy(connection, key, limits, false) : null;
			BucketProxy tokenBucket = (tokenProxy != null) ? tokenProxy.bucket : null;
			BucketProxy requestBucket = (requestProxy != null) ? requestProxy.bucket : null;
			long tokenWait = 0;
			if (tokenBucket != null && tokens > 0) {
				tokenWait = take(tokenBucket, tokens, maxWaitNanos);
				if (tokenWait < 0) {
					long needed = tokenBucket.estimateAbilityToConsume(tokens).getNanosToWaitForRefill();
					recovered();
					return BudgetReservation.refused(key, limits, tokens, requests, needed);
				}
			}
			long requestWait = 0;
			if (requestBucket != null && requests > 0) {
				requestWait = take(requestBucket, requests, maxWaitNanos);
				if (requestWait < 0) {
					if (tokenBucket != null && tokens > 0) {
						tokenBucket.addTokens(tokens);
					}
					long needed = requestBucket.estimateAbilityToConsume(requests).getNanosToWaitForRefill();
					recovered();
					return BudgetReservation.refused(key, limits, tokens, requests, needed);
				}
			}
			recovered();
			return new RedisReservation(key, limits, tokens, requests, Math.max(tokenWait, requestWait),
					(tokenProxy != null) ? tokenProxy.async : null, (requestProxy != null) ? requestProxy.async : null);
		}
		catch (RuntimeException ex) {
			failed(ex);
			return this.fallback.reserve(key, limits, tokens, requests, maxWaitNanos);
		}
	}

	@Override
	public void settle(BudgetReservation reservation, long usedTokens, long usedRequests) {
		if (!(reservation instanceof RedisReservation redis)) {
			this.fallback.settle(reservation, usedTokens, usedRequests);
			return;
		}
		if (!redis.markSettledOnce() || usable() == null) {
			return;
		}
		adjust(redis.tokenBucket, reservation.tokens() - usedTokens);
		adjust(redis.requestBucket, reservation.requests() - usedRequests);
	}

	@Override
	public void observe(BudgetKey key, BudgetLimits limits, long remainingTokens, long remainingRequests,
			@Nullable BudgetReservation sentWith) {
		Known known = this.known.computeIfAbsent(key, (name) -> new Known());
		known.update(limits, remainingTokens, remainingRequests);
		this.fallback.observe(key, limits, remainingTokens, remainingRequests,
				(sentWith instanceof RedisReservation) ? null : sentWith);
		Connection connection = usable();
		if (connection == null) {
			return;
		}
		try {
			if (limits.limitsTokens() && remainingTokens >= 0) {
				AsyncBucketProxy bucket = proxy(connection, key, limits, true).async;
				this.pending.incrementAndGet();
				lower(bucket, remainingTokens).whenComplete((level, ex) -> {
					if (done(ex) && level != null) {
						known.tokens = level;
					}
				});
			}
			if (limits.limitsRequests() && remainingRequests >= 0) {
				AsyncBucketProxy bucket = proxy(connection, key, limits, false).async;
				this.pending.incrementAndGet();
				lower(bucket, remainingRequests).whenComplete((level, ex) -> {
					if (done(ex) && level != null) {
						known.requests = level;
					}
				});
			}
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	@Override
	public @Nullable BudgetSnapshot snapshot(BudgetKey key) {
		if (usable() == null) {
			return this.fallback.snapshot(key);
		}
		Known known = this.known.get(key);
		BudgetLimits limits = (known != null) ? known.limits : null;
		return (known != null && limits != null) ? new BudgetSnapshot(limits, known.tokens, known.requests) : null;
	}

	/**
	 * Whether budgets are shared on Redis now, or paced in this JVM, and why.
	 * @return the state
	 */
	public State state() {
		Connection connection = this.connection;
		boolean shared = connection != null && this.failingSince == null;
		return new State(shared, this.failingSince, shared ? null : this.lastError,
				(connection != null) ? Duration.ofNanos(this.clock.offsetNanos()) : null, this.outages.get());
	}

	/**
	 * Operations off the calls' path (settling, learning from headers) still waiting for Redis.
	 * @return how many
	 */
	long pendingOperations() {
		return this.pending.get();
	}

	@Override
	public void close() {
		this.closed = true;
		Connection connection = this.connection;
		this.connection = null;
		if (connection != null) {
			connection.redis.close();
		}
	}

	@Override
	public String toString() {
		return "RedisBudgetStore[" + this.settings.keyPrefix() + ", " + (state().shared() ? "shared" : "local") + "]";
	}

	private @Nullable Connection usable() {
		Connection connection = this.connection;
		if (connection == null) {
			connectInBackground();
			return null;
		}
		return (System.nanoTime() - this.retryAtNanos >= 0) ? connection : null;
	}

	private void connectInBackground() {
		if (this.closed || System.nanoTime() - this.retryAtNanos < 0 || !this.connecting.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(this::connect, "groq-rate-limit-redis-connect");
		thread.setDaemon(true);
		thread.start();
	}

	private void connect() {
		try {
			RedisClient redis = this.client.get();
			if (redis == null) {
				throw new IllegalStateException("no Redis client yet");
			}
			StatefulRedisConnection<String, byte[]> opened = redis
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			try {
				opened.setTimeout(this.settings.timeout());
				this.clock.synchronize(opened.sync());
				ProxyManager<String> proxyManager = Bucket4jLettuce.casBasedBuilder(opened)
					.clientClock(this.clock)
					.requestTimeout(this.settings.timeout())
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
					.build();
				if (this.closed) {
					opened.close();
					return;
				}
				this.proxies.clear();
				this.connection = new Connection(opened, proxyManager);
				recovered();
			}
			catch (RuntimeException ex) {
				opened.close();
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
		finally {
			this.connecting.set(false);
		}
	}

	private void failed(RuntimeException ex) {
		this.retryAtNanos = System.nanoTime() + this.settings.retryInterval().toNanos();
		this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (this.failingSince == null) {
			this.failingSince = Instant.now();
			this.outages.incrementAndGet();
			logger.warn("Groq rate-limit budgets on Redis are unavailable (" + this.lastError + "); calls are paced in "
					+ "this JVM alone until Redis answers again (tried again every " + this.settings.retryInterval()
					+ ", groq.rate-limit.redis.retry-interval)");
		}
	}

	private void recovered() {
		if (this.failingSince != null) {
			Instant since = this.failingSince;
			this.failingSince = null;
			logger.info("Groq rate-limit budgets are shared on Redis again (unavailable since " + since + ")");
		}
	}

	private Proxy proxy(Connection connection, BudgetKey key, BudgetLimits limits, boolean tokens) {
		long limit = tokens ? limits.tokenLimit() : limits.requestLimit();
		Duration refill = tokens ? limits.tokenRefill() : limits.requestRefill();
		String redisKey = this.settings.keyPrefix() + ":" + key.keyHash() + ":" + key.model() + ":" + key.tier() + ":"
				+ (tokens ? "tokens" : "requests") + ":" + limit;
		Proxy proxy = this.proxies.get(redisKey);
		if (proxy == null) {
			Known known = this.known.get(key);
			long last = (known == null) ? -1 : (tokens ? known.tokens : known.requests);
			long initial = (last < 0) ? limit : Math.min(limit, last);
			proxy = this.proxies.computeIfAbsent(redisKey,
					(name) -> new Proxy(refill,
							connection.proxyManager.builder()
								.withOptimization(Optimizations.batching())
								.build(name, () -> configuration(limit, refill, initial)),
							connection.proxyManager.asAsync()
								.builder()
								.withOptimization(Optimizations.batching())
								.build(name, () -> CompletableFuture.completedFuture(configuration(limit, refill, initial)))));
		}
		else if (!proxy.refill.equals(refill)) {
			proxy.bucket.replaceConfiguration(configuration(limit, refill, limit), TokensInheritanceStrategy.AS_IS);
			proxy = new Proxy(refill, proxy.bucket, proxy.async);
			this.proxies.put(redisKey, proxy);
		}
		return proxy;
	}

	private static BucketConfiguration configuration(long limit, Duration refill, long initial) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit).refillGreedy(limit, refill).initialTokens(initial))
			.build();
	}

	/**
	 * Take from a bucket now or from its refill within {@code maxWaitNanos} (Bucket4j reserves
	 * it and says how long to wait; this store's caller waits, not Bucket4j).
	 * @return the wait, or -1 when nothing was taken
	 */
	private static long take(BucketProxy bucket, long amount, long maxWaitNanos) {
		if (maxWaitNanos <= 0) {
			return bucket.tryConsume(amount) ? 0 : -1;
		}
		long[] wait = new long[1];
		return bucket.asBlocking().tryConsumeUninterruptibly(amount, maxWaitNanos, (nanos) -> wait[0] = nanos)
				? wait[0] : -1;
	}

	/** Give back (or take more), off the caller's path: the answer is already there. */
	private void adjust(@Nullable AsyncBucketProxy bucket, long giveBack) {
		if (bucket == null || giveBack == 0) {
			return;
		}
		try {
			CompletableFuture<?> adjusted = (giveBack > 0) ? bucket.addTokens(giveBack)
					: bucket.consumeIgnoringRateLimits(-giveBack);
			this.pending.incrementAndGet();
			adjusted.whenComplete((ignored, ex) -> done(ex));
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	/** Bring a bucket down to what Groq says is left, off the caller's path; the level it then has. */
	private static CompletableFuture<Long> lower(AsyncBucketProxy bucket, long remaining) {
		return bucket.getAvailableTokens().thenCompose((available) -> (available > remaining)
				? bucket.consumeIgnoringRateLimits(available - remaining).thenApply((ignored) -> remaining)
				: CompletableFuture.completedFuture(available));
	}

	/** Whether an operation off the caller's path succeeded; a failure counts as Redis failing. */
	private boolean done(@Nullable Throwable failure) {
		this.pending.decrementAndGet();
		if (failure == null) {
			recovered();
			return true;
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		failed((cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause));
		return false;
	}

	/**
	 * Where budgets go on Redis and how long Redis may take.
	 *
	 * @param keyPrefix the prefix of every key, e.g. {@code groq:rate-limit}
	 * @param timeout the longest one budget operation may wait for Redis before the call is
	 * paced in the JVM instead
	 * @param retryInterval how long to pace in the JVM after a failure before trying Redis again
	 */
	public record Settings(String keyPrefix, Duration timeout, Duration retryInterval) {

		/** {@code groq:rate-limit}, 250 ms, 5 s. */
		public static final Settings DEFAULTS = new Settings("groq:rate-limit", Duration.ofMillis(250),
				Duration.ofSeconds(5));

	}

	/**
	 * Whether budgets are shared now.
	 *
	 * @param shared {@code true} while Redis answers
	 * @param failingOpenSince when the current outage began, {@code null} while shared
	 * @param lastError why budgets are not shared (an exception's type and message, never a
	 * key), {@code null} while shared
	 * @param clockOffset this JVM's clock's offset from Redis's, {@code null} before the first
	 * connection
	 * @param outages how many times Redis failed or was too slow since the store was made
	 * (each time, calls were paced in this JVM for the retry interval)
	 */
	public record State(boolean shared, @Nullable Instant failingOpenSince, @Nullable String lastError,
			@Nullable Duration clockOffset, long outages) {
	}

	private record Connection(StatefulRedisConnection<String, byte[]> redis, ProxyManager<String> proxyManager) {
	}

	/** One bucket on Redis, for the calls' path and for work off it. */
	private record Proxy(Duration refill, BucketProxy bucket, AsyncBucketProxy async) {
	}

	/** What this instance last knew of a budget, for snapshots and a re-created bucket's start. */
	private static final class Known {

		private volatile @Nullable BudgetLimits limits;

		private volatile long tokens = -1;

		private volatile long requests = -1;

		void update(BudgetLimits limits, long tokens, long requests) {
			this.limits = limits;
			if (tokens >= 0) {
				this.tokens = tokens;
			}
			if (requests >= 0) {
				this.requests = requests;
			}
		}

	}

	private static final class RedisReservation extends BudgetReservation {

		private final @Nullable AsyncBucketProxy tokenBucket;

		private final @Nullable AsyncBucketProxy requestBucket;

		RedisReservation(BudgetKey key, BudgetLimits limits, long tokens, long requests, long waitNanos,
				@Nullable AsyncBucketProxy tokenBucket, @Nullable AsyncBucketProxy requestBucket) {
			super(key, limits, tokens, requests, waitNanos, true);
			this.tokenBucket = tokenBucket;
			this.requestBucket = requestBucket;
		}

		boolean markSettledOnce() {
			return markSettled();
		}

	}

}
