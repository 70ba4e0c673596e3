package io.github.groqspring.autoconfigure;

import io.github.groqspring.tier.ServiceTier;

import org.springframework.core.convert.converter.Converter;

/**
 * Binds {@code groq.default-service-tier} leniently ({@code on_demand}, {@code on-demand},
 * {@code ON_DEMAND}) and, for anything else, fails with a message listing the valid values
 * as they are spelled on the wire.
 */
final class ServiceTierConverter implements Converter<String, ServiceTier> {

	@Override
	public ServiceTier convert(String source) {
		return ServiceTier.parse(source);
	}

}
