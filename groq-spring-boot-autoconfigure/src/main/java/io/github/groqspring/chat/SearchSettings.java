package io.github.groqspring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Groq's {@code search_settings}: how the compound systems' web search searches (web
 * search docs). Groq decommissioned its compound systems ({@code groq/compound},
 * {@code groq/compound-mini}) on 2026-09-21; the field stays typed because Groq's SDKs and
 * API reference still have it. Whether it changes the GPT-OSS models'
 * {@link Tool#browserSearch() browser_search} is unconfirmed.
 *
 * <pre>{@code
 * SearchSettings.builder().includeDomains("*.edu").country("germany").build();
 * }</pre>
 *
 * @param country a lower-case English country name from Groq's list, e.g.
 * {@code united states}, to favour results from that country
 * @param includeDomains search only these domains (wildcards such as {@code *.edu})
 * @param excludeDomains never these domains
 * @param includeImages whether results may include images
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchSettings(@Nullable String country,
		@JsonProperty("include_domains") @Nullable List<String> includeDomains,
		@JsonProperty("exclude_domains") @Nullable List<String> excludeDomains,
		@JsonProperty("include_images") @Nullable Boolean includeImages) {

	public SearchSettings {
		includeDomains = (includeDomains != null) ? List.copyOf(includeDomains) : null;
		excludeDomains = (excludeDomains != null) ? List.copyOf(excludeDomains) : null;
	}

	/**
	 * Start search settings.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link SearchSettings}. */
	public static final class Builder {

		private @Nullable String country;

		private @Nullable List<String> includeDomains;

		private @Nullable List<String> excludeDomains;

		private @Nullable Boolean includeImages;

		private Builder() {
		}

		/**
		 * Favour results from a country.
		 * @param country e.g. {@code united states}
		 * @return this builder
		 */
		public Builder country(String country) {
			this.country = country;
			return this;
		}

		/**
		 * Search only these domains.
		 * @param domains e.g. {@code arxiv.org}, {@code *.edu}
		 * @return this builder
		 */
		public Builder includeDomains(String... domains) {
			this.includeDomains = List.of(domains);
			return this;
		}

		/**
		 * Never search these domains.
		 * @param domains e.g. {@code wikipedia.org}
		 * @return this builder
		 */
		public Builder excludeDomains(String... domains) {
			this.excludeDomains = List.of(domains);
			return this;
		}

		/**
		 * Whether results may include images.
		 * @param includeImages the flag
		 * @return this builder
		 */
		public Builder includeImages(boolean includeImages) {
			this.includeImages = includeImages;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public SearchSettings build() {
			return new SearchSettings(this.country, this.includeDomains, this.excludeDomains, this.includeImages);
		}

	}

}
