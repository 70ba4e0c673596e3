package io.github.groqspring.ratelimit.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The clock Bucket4j computes refills with: this JVM's clock corrected by its offset from
 * Redis's {@code TIME}, measured at each connection. Bucket4j's Redis buckets are computed in
 * each client with the client's clock (compare-and-swap in Redis), so instances whose clocks
 * disagree would refill a shared bucket early or not at all; measured against the one clock
 * they share, they agree to within a round trip.
 */
final class RedisClock implements TimeMeter {

	private final Clock local;

	private volatile long offsetNanos;

	RedisClock(Clock local) {
		this.local = local;
	}

	@Override
	public long currentTimeNanos() {
		return localNanos() + this.offsetNanos;
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

	/** Measure the offset from Redis's clock, halfway through the round trip. */
	void synchronize(RedisCommands<String, byte[]> commands) {
		long before = localNanos();
		List<byte[]> time = commands.time();
		long after = localNanos();
		long redisNanos = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII)) * 1_000_000_000L
				+ Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII)) * 1_000L;
		this.offsetNanos = redisNanos - (before + (after - before) / 2);
	}

	long offsetNanos() {
		return this.offsetNanos;
	}

	private long localNanos() {
		Instant now = this.local.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

}
