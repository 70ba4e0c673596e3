package io.github.groqspring.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Groq's {@code usage_breakdown}: the usage of each model a compound system used (blocking:
 * top level, often {@code null}; streaming: {@code x_groq.usage_breakdown} on the final
 * chunk). Groq decommissioned its compound systems on 2026-09-21; the field stays typed as
 * Groq's API reference has it.
 *
 * @param models one entry per model
 */
public record UsageBreakdown(List<ModelUsage> models) {

	public UsageBreakdown {
		models = (models != null) ? List.copyOf(models) : List.of();
	}

	/**
	 * One model's usage.
	 *
	 * @param model the model id
	 * @param usage its tokens and timings
	 */
	public record ModelUsage(@Nullable String model, @Nullable Usage usage) {
	}

}
