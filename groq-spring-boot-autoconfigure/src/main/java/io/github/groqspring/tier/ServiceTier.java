package io.github.groqspring.tier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The Groq service tiers a request can ask for, spelled on the wire exactly as Groq spells them.
 *
 * <p>A response may echo a tier this enum does not know yet; responses therefore keep the raw
 * value as a string and offer {@link #fromWireValue(String)} to map it leniently.
 */
public enum ServiceTier {

	/** Provisioned capacity with an availability SLA; enterprise plans only. */
	PERFORMANCE("performance"),

	/** Groq's default when no tier is sent; occasional queue latency at peak. */
	ON_DEMAND("on_demand"),

	/** Higher limits, best effort: fails fast with HTTP 498 when capacity runs out. */
	FLEX("flex"),

	/** The best tier available to the organisation at that moment, with fallback. */
	AUTO("auto");

	private final String wireValue;

	ServiceTier(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value sent as {@code service_tier}, e.g. {@code on_demand}.
	 * @return the wire value
	 */
	@JsonValue
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * Parse a tier as a user writes it: {@code on_demand}, {@code on-demand} and
	 * {@code ON_DEMAND} all give {@link #ON_DEMAND}.
	 * @param value the text to parse
	 * @return the tier
	 * @throws IllegalArgumentException naming the valid values when {@code value} is no tier
	 */
	public static ServiceTier parse(String value) {
		return fromWireValue(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'))
			.orElseThrow(() -> new IllegalArgumentException(
					"'" + value + "' is not a Groq service tier; valid values are " + validValues()));
	}

	/**
	 * Map a tier echoed by Groq, leniently: an unknown (future) tier gives an empty result
	 * rather than an error.
	 * @param wireValue the raw value, may be {@code null}
	 * @return the known tier, or empty
	 */
	public static Optional<ServiceTier> fromWireValue(@Nullable String wireValue) {
		for (ServiceTier tier : values()) {
			if (tier.wireValue.equals(wireValue)) {
				return Optional.of(tier);
			}
		}
		return Optional.empty();
	}

	/**
	 * The wire values of all tiers, comma separated, for error messages.
	 * @return e.g. {@code performance, on_demand, flex, auto}
	 */
	public static String validValues() {
		return Arrays.stream(values()).map(ServiceTier::wireValue).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return this.wireValue;
	}

}
