package io.github.groqspring.tier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServiceTierTests {

	@Test
	void wireValuesAreSpelledAsGroqSpellsThem() {
		assertThat(ServiceTier.values()).extracting(ServiceTier::wireValue)
			.containsExactly("performance", "on_demand", "flex", "auto");
	}

	@ParameterizedTest
	@ValueSource(strings = { "on_demand", "on-demand", "ON_DEMAND", "On-Demand", " on_demand " })
	void parseAcceptsTheWaysUsersWriteOnDemand(String text) {
		assertThat(ServiceTier.parse(text)).isEqualTo(ServiceTier.ON_DEMAND);
	}

	@Test
	void parseRejectsUnknownTierNamingTheValidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceTier.parse("turbo"))
			.withMessage("'turbo' is not a Groq service tier; valid values are performance, on_demand, flex, auto");
	}

	@Test
	void fromWireValueIsLenientForFutureTiers() {
		assertThat(ServiceTier.fromWireValue("flex")).contains(ServiceTier.FLEX);
		assertThat(ServiceTier.fromWireValue("priority_plus")).isEmpty();
		assertThat(ServiceTier.fromWireValue(null)).isEmpty();
	}

}
