package io.github.groqspring.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.groqspring.http.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTests {

	@ParameterizedTest
	@CsvSource({ "2m59.56s, 179560", "7.66s, 7660", "1h2m3s, 3723000", "450ms, 450", "0s, 0", "1.5h, 5400000",
			"250us, 0.25", "0, 0", "5.s, 5000", ".5s, 500", "1µs, 0.001", "1\u03bcs, 0.001", "3ns, 0.000003",
			"1.000000000000000000001s, 1000" })
	void parsesGoDurations(String text, double expectedMillis) {
		assertThat(RateLimitHeaders.parseGoDuration(text))
			.isEqualTo(Duration.ofNanos(Math.round(expectedMillis * 1_000_000)));
	}

	@ParameterizedTest
	@CsvSource({ "soon", "5", "1x", "m5s", "''", "1s5", "-1s", "1..5s", ".s", "5m.", "99999999999999999999s",
			"3000000h" })
	void unreadableDurationsGiveNull(String text) {
		assertThat(RateLimitHeaders.parseGoDuration(text)).isNull();
	}

	@Test
	void readsEveryRateLimitHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-ratelimit-limit-requests", "14400");
		headers.set("x-ratelimit-remaining-requests", "14370");
		headers.set("x-ratelimit-reset-requests", "2m59.56s");
		headers.set("x-ratelimit-limit-tokens", "18000");
		headers.set("x-ratelimit-remaining-tokens", "17997");
		headers.set("x-ratelimit-reset-tokens", "7.66s");
		headers.set("retry-after", "11");
		assertThat(RateLimitHeaders.parse(headers)).isEqualTo(new RateLimits(14400L, 14370L, Duration.ofMillis(179560),
				18000L, 17997L, Duration.ofMillis(7660), Duration.ofSeconds(11)));
	}

	@Test
	void noHeadersGiveNone() {
		assertThat(RateLimitHeaders.parse(new HttpHeaders())).isSameAs(RateLimits.NONE);
	}

	@Test
	void badHeaderValuesAreNullNotErrors() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-ratelimit-limit-requests", "lots");
		headers.set("x-ratelimit-reset-tokens", "whenever");
		assertThat(RateLimitHeaders.parse(headers)).isSameAs(RateLimits.NONE);
	}

	@Test
	void retryAfterMsWinsOverRetryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("retry-after-ms", "1500");
		headers.set("retry-after", "11");
		assertThat(RateLimitHeaders.parseRetryAfter(headers, Clock.systemUTC())).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void retryAfterAcceptsFractionalSecondsAndHttpDates() {
		HttpHeaders seconds = new HttpHeaders();
		seconds.set("retry-after", "11.455");
		assertThat(RateLimitHeaders.parseRetryAfter(seconds, Clock.systemUTC())).isEqualTo(Duration.ofMillis(11455));
		HttpHeaders date = new HttpHeaders();
		date.set("retry-after", "Wed, 25 Nov 2026 19:00:30 GMT");
		assertThat(RateLimitHeaders.parseRetryAfter(date, Clock.fixed(Instant.parse("2026-11-25T19:00:00Z"), ZoneOffset.UTC)))
			.isEqualTo(Duration.ofSeconds(30));
	}

}
