package io.github.groqspring.ratelimit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Budgets kept in this JVM: a token bucket for tokens and one for requests per
 * {@link BudgetKey}, refilled continuously. {@link #shared()} is the one every template uses
 * by default, so that all templates with the same key (and base URL) pace as one; a
 * {@code new LocalBudgetStore()} keeps budgets of its own.
 *
 * <p>Groq's {@code x-ratelimit-remaining-*} headers are taken as the truth about the budget
 * at the moment the answered request was admitted: a response sets the bucket to what Groq
 * said was left (no refill added: when it was admitted is not known), minus what this store
 * reserved after it and what it
 * reserved before it for calls not answered yet (a call reserved earlier may reach Groq
 * later). That corrects estimates at once and also counts what other processes with the
 * same key spent. Reservations the server's answer already covered are not reconciled
 * again when their own answers arrive.
 */
public final class LocalBudgetStore implements RateLimitBudgetStore {

	private static final LocalBudgetStore SHARED = new LocalBudgetStore();

	private final Map<BudgetKey, Budget> budgets = new ConcurrentHashMap<>();

	private final LongSupplier nanoClock;

	/** Create a store with budgets of its own. */
	public LocalBudgetStore() {
		this(System::nanoTime);
	}

	LocalBudgetStore(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
	}

	/**
	 * The store every template uses unless told otherwise.
	 * @return the JVM's shared store
	 */
	public static LocalBudgetStore shared() {
		return SHARED;
	}

	@Override
	public BudgetReservation reserve(BudgetKey key, BudgetLimits limits, long tokens, long requests,
			long maxWaitNanos) {
		Budget budget = budget(key, limits, -1, -1);
		long now = this.nanoClock.getAsLong();
		synchronized (budget) {
			budget.configure(limits, now);
			long wait = Math.max(budget.tokens.waitFor(tokens), budget.requests.waitFor(requests));
			if (wait > maxWaitNanos) {
				return BudgetReservation.refused(key, limits, tokens, requests, wait);
			}
			budget.tokens.take(tokens);
			budget.requests.take(requests);
			return new LocalReservation(key, limits, tokens, requests, wait, budget, budget.tokens.reservedTotal,
					budget.requests.reservedTotal);
		}
	}

	@Override
	public void settle(BudgetReservation reservation, long usedTokens, long usedRequests) {
		if (!(reservation instanceof LocalReservation local) || !reservation.granted() || !local.markSettled()) {
			return;
		}
		Budget budget = local.budget;
		synchronized (budget) {
			budget.tokens.giveBack(local.tokenMark, reservation.tokens(), reservation.tokens() - usedTokens);
			budget.requests.giveBack(local.requestMark, reservation.requests(), reservation.requests() - usedRequests);
		}
	}

	@Override
	public void observe(BudgetKey key, BudgetLimits limits, long remainingTokens, long remainingRequests,
			@Nullable BudgetReservation sentWith) {
		Budget budget = budget(key, limits, remainingTokens, remainingRequests);
		long now = this.nanoClock.getAsLong();
		LocalReservation local = (sentWith instanceof LocalReservation reservation && reservation.budget == budget)
				? reservation : null;
		synchronized (budget) {
			budget.configure(limits, now);
			if (local != null) {
				budget.tokens.sync(remainingTokens, local.tokenMark);
				budget.requests.sync(remainingRequests, local.requestMark);
			}
			else {
				budget.tokens.lower(remainingTokens);
				budget.requests.lower(remainingRequests);
			}
		}
	}

	@Override
	public @Nullable BudgetSnapshot snapshot(BudgetKey key) {
		Budget budget = this.budgets.get(key);
		if (budget == null) {
			return null;
		}
		long now = this.nanoClock.getAsLong();
		synchronized (budget) {
			budget.tokens.refill(now);
			budget.requests.refill(now);
			return new BudgetSnapshot(budget.limits, (long) Math.floor(budget.tokens.level),
					(long) Math.floor(budget.requests.level));
		}
	}

	private Budget budget(BudgetKey key, BudgetLimits limits, long remainingTokens, long remainingRequests) {
		Budget budget = this.budgets.get(key);
		if (budget == null) {
			budget = this.budgets.computeIfAbsent(key,
					(name) -> new Budget(limits, this.nanoClock.getAsLong(), remainingTokens, remainingRequests));
		}
		return budget;
	}

	@Override
	public String toString() {
		return "LocalBudgetStore[" + ((this == SHARED) ? "shared, " : "") + this.budgets.size() + " budgets]";
	}

	/** The two buckets of one budget; guarded by its own monitor. */
	private static final class Budget {

		private final Bucket tokens;

		private final Bucket requests;

		private BudgetLimits limits;

		Budget(BudgetLimits limits, long now, long remainingTokens, long remainingRequests) {
			this.limits = limits;
			this.tokens = new Bucket(limits.tokenLimit(), limits.tokenRefill().toNanos(), now, remainingTokens);
			this.requests = new Bucket(limits.requestLimit(), limits.requestRefill().toNanos(), now,
					remainingRequests);
		}

		void configure(BudgetLimits limits, long now) {
			this.tokens.refill(now);
			this.requests.refill(now);
			if (!limits.equals(this.limits)) {
				this.limits = limits;
				this.tokens.resize(limits.tokenLimit(), limits.tokenRefill().toNanos());
				this.requests.resize(limits.requestLimit(), limits.requestRefill().toNanos());
			}
		}

	}

	/**
	 * One continuously refilled bucket. Its level may go below zero: that is the refill
	 * already promised to waiting callers. A capacity of 0 means no limit.
	 */
	private static final class Bucket {

		private long capacity;

		private double perNano;

		private double level;

		private long last;

		/** Everything ever reserved, so that an answer can tell which reservations came after its request. */
		private long reservedTotal;

		/** The newest reservation an answer from Groq has accounted for. */
		private long syncedMark = -1;

		/** Reserved by calls not settled yet: some may not have reached Groq. */
		private long inFlight;

		/** The reservations not settled yet, by mark: their tokens. */
		private final TreeMap<Long, Long> unsettled = new TreeMap<>();

		Bucket(long capacity, long refillNanos, long now, long remaining) {
			this.capacity = capacity;
			this.perNano = (double) capacity / refillNanos;
			this.level = (remaining >= 0) ? Math.min(capacity, remaining) : capacity;
			this.last = now;
		}

		void refill(long now) {
			if (now > this.last) {
				if (this.capacity > 0) {
					this.level = Math.min(this.capacity, this.level + (now - this.last) * this.perNano);
				}
				this.last = now;
			}
		}

		void resize(long capacity, long refillNanos) {
			this.capacity = capacity;
			this.perNano = (double) capacity / refillNanos;
			this.level = Math.min(this.level, capacity);
		}

		long waitFor(long amount) {
			if (this.capacity <= 0 || amount <= 0 || this.level >= amount) {
				return 0;
			}
			return (long) Math.ceil((amount - this.level) / this.perNano);
		}

		void take(long amount) {
			if (this.capacity > 0) {
				this.level -= amount;
				this.reservedTotal += amount;
				this.inFlight += amount;
				this.unsettled.put(this.reservedTotal, amount);
			}
		}

		void giveBack(long mark, long reserved, long amount) {
			if (this.capacity > 0) {
				this.inFlight = Math.max(0, this.inFlight - reserved);
				this.unsettled.remove(mark);
				if (mark > this.syncedMark) {
					this.level = Math.min(this.capacity, this.level + amount);
				}
			}
		}

		void sync(long remaining, long mark) {
			if (this.capacity <= 0 || remaining < 0) {
				return;
			}
			// Less what was reserved after this request, and what was reserved before it and is still
			// unsettled: a call reserved earlier may reach Groq later (threads are not served in order).
			long earlier = 0;
			for (long tokens : this.unsettled.headMap(mark, false).values()) {
				earlier += tokens;
			}
			// No refill is added for the time since the request was admitted: when that was is not
			// known (between the send and the answer), and a bucket fuller than Groq's sends a call
			// that waited to the exact refill into a 429. The cost is a constant lag of at most one
			// answer's time of refill, not throughput.
			double estimate = remaining - (this.reservedTotal - mark) - earlier;
			if (mark > this.syncedMark) {
				this.level = Math.min(this.capacity, estimate);
				this.syncedMark = mark;
			}
			else {
				this.level = Math.min(this.level, estimate);
			}
		}

		/**
		 * An answer to a request sent without a reservation: what Groq said was left, less
		 * what calls of this store have reserved and not settled (they may have been sent
		 * after it), unless the bucket already holds less.
		 */
		void lower(long remaining) {
			if (this.capacity > 0 && remaining >= 0) {
				this.level = Math.min(this.level, remaining - this.inFlight);
			}
		}

	}

	/** A reservation of this store, with what settling it needs. */
	private static final class LocalReservation extends BudgetReservation {

		private final Budget budget;

		private final long tokenMark;

		private final long requestMark;

		LocalReservation(BudgetKey key, BudgetLimits limits, long tokens, long requests, long waitNanos, Budget budget,
				long tokenMark, long requestMark) {
			super(key, limits, tokens, requests, waitNanos, true);
			this.budget = budget;
			this.tokenMark = tokenMark;
			this.requestMark = requestMark;
		}

	}

}
