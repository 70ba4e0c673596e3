package io.github.groqspring.benchmarks.ratelimit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.github.groqspring.benchmarks.ratelimit.FleetRateLimitBenchmark.Mode;
import io.github.groqspring.benchmarks.ratelimit.FleetRateLimitBenchmark.Outcome;
import io.github.groqspring.benchmarks.ratelimit.FleetRateLimitBenchmark.Result;

/** The fleet benchmark's results as a Markdown table. */
final class Report {

	private Report() {
	}

	static String markdown(List<Result> results, int minutes, int warmupMinutes) {
		StringBuilder out = new StringBuilder();
		out.append("# Rate limits at fleet scale\n\n");
		out.append(String.format(Locale.ROOT,
				"Measured %s by `benchmarks/rate-limits.sh` (`FleetRateLimitBenchmark`): the limit-enforcing emulator "
						+ "(%,d TPM, %,d RPM, %,d RPD per key, model and tier), clock scaled %.0fx (a minute lasts %.0f s), "
						+ "offered %.1fx the TPM limit (prompts of 50-250 words, answers of 50-150, 254 tokens on average) "
						+ "for %d measured minutes after %d warm-up minutes (a full bucket takes 2 to drain), calls spread evenly over the instances, each "
						+ "call's deadline (groq.call-timeout) %d s. Times are on Groq's clock (real time x %.0f).\n\n",
				LocalDate.now(), FleetRateLimitBenchmark.TPM, FleetRateLimitBenchmark.RPM, FleetRateLimitBenchmark.RPD,
				FleetRateLimitBenchmark.SCALE, 60 / FleetRateLimitBenchmark.SCALE, FleetRateLimitBenchmark.LOAD, minutes, warmupMinutes,
				FleetRateLimitBenchmark.DEADLINE.toSeconds(), FleetRateLimitBenchmark.SCALE));
		out.append("| rejected requests | instances | client | goodput (% of TPM) | 429s per success | "
				+ "failed on 429 | not sent (deadline) | other failures | p50 | p99 | p99 vs hand-written | longest wait | Redis too slow or down (times) |\n");
		out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Result result : results) {
			Result reference = results.stream()
				.filter((other) -> other.mode() == Mode.HAND_WRITTEN && other.instances() == result.instances()
						&& other.countRejected() == result.countRejected())
				.findFirst()
				.orElse(result);
			long offered = result.offered();
			double p99 = result.outcomes().percentile(0.99);
			double referenceP99 = reference.outcomes().percentile(0.99);
			boolean answered = !result.outcomes().latencies.isEmpty();
			out.append(String.format(Locale.ROOT,
					"| %s | %d | %s | %.1f %% | %s | %d (%.1f %%) | %d (%.1f %%) | %d | %s | %s | %s | %s | %s |\n",
					result.countRejected() ? "counted" : "not counted", result.instances(), result.mode().label,
					100 * result.goodput(),
					(result.admitted() > 0) ? String.format(Locale.ROOT, "%.3f", result.rejectionsPerSuccess())
							: "all rejected",
					result.outcomes().count(Outcome.RATE_LIMITED),
					percent(result.outcomes().count(Outcome.RATE_LIMITED), offered),
					result.outcomes().count(Outcome.REFUSED), percent(result.outcomes().count(Outcome.REFUSED), offered),
					result.outcomes().count(Outcome.FAILED),
					answered ? String.format(Locale.ROOT, "%.1f s", result.groqSeconds(result.outcomes().percentile(0.5)))
							: "-",
					answered ? String.format(Locale.ROOT, "%.1f s", result.groqSeconds((long) p99)) : "-",
					(answered && referenceP99 > 0) ? String.format(Locale.ROOT, "%.2fx", p99 / referenceP99) : "-",
					(result.mode() != Mode.OFF)
							? String.format(Locale.ROOT, "%.1f s", result.groqSeconds(result.maxWaitNanos())) : "-",
					(result.mode() == Mode.REDIS) ? Long.toString(result.localFallbacks()) : "-"));
		}
		return out.toString();
	}

	private static double percent(long part, long whole) {
		return (whole > 0) ? 100.0 * part / whole : 0;
	}

}
