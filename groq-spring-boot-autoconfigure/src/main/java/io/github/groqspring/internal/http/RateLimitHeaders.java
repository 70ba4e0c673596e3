package io.github.groqspring.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.groqspring.http.RateLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads Groq's rate-limit headers ({@code x-ratelimit-*}, {@code retry-after-ms},
 * {@code retry-after}) into {@link RateLimits}, by hand: it runs on every response.
 */
final class RateLimitHeaders {

	private RateLimitHeaders() {
	}

	/**
	 * Read the rate-limit headers of a response.
	 * @param headers the response headers
	 * @return the limits; {@link RateLimits#NONE} when there are none
	 */
	static RateLimits parse(HttpHeaders headers) {
		RateLimits limits = new RateLimits(parseLong(headers.getFirst("x-ratelimit-limit-requests")),
				parseLong(headers.getFirst("x-ratelimit-remaining-requests")),
				parseGoDuration(headers.getFirst("x-ratelimit-reset-requests")),
				parseLong(headers.getFirst("x-ratelimit-limit-tokens")),
				parseLong(headers.getFirst("x-ratelimit-remaining-tokens")),
				parseGoDuration(headers.getFirst("x-ratelimit-reset-tokens")), parseRetryAfter(headers, Clock.systemUTC()));
		return limits.equals(RateLimits.NONE) ? RateLimits.NONE : limits;
	}

	/**
	 * Parse a Go-style duration as Groq sends it: {@code 2m59.56s}, {@code 7.66s},
	 * {@code 1h2m3s}, {@code 450ms}, {@code 0}. Parsed by hand, without a regular expression
	 * or intermediate strings: it runs twice on every response.
	 * @param value the header value
	 * @return the duration, or {@code null} when absent, not a Go duration, or too long for a
	 * {@link Duration} of nanoseconds
	 */
	static @Nullable Duration parseGoDuration(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String text = value.strip();
		if (text.equals("0")) {
			return Duration.ZERO;
		}
		int length = text.length();
		if (length == 0) {
			return null;
		}
		long nanos = 0;
		int i = 0;
		try {
			while (i < length) {
				int start = i;
				long whole = 0;
				while (i < length && isDigit(text.charAt(i))) {
					whole = Math.addExact(Math.multiplyExact(whole, 10), text.charAt(i++) - '0');
				}
				boolean digits = i > start;
				long fraction = 0;
				long scale = 1;
				if (i < length && text.charAt(i) == '.') {
					i++;
					while (i < length && isDigit(text.charAt(i))) {
						if (scale < 1_000_000_000_000_000L) {
							fraction = fraction * 10 + (text.charAt(i) - '0');
							scale *= 10;
						}
						i++;
						digits = true;
					}
				}
				int unitStart = i;
				while (i < length && !isDigit(text.charAt(i)) && text.charAt(i) != '.') {
					i++;
				}
				long unit = unitNanos(text, unitStart, i);
				if (!digits || unit == 0) {
					return null;
				}
				long part = Math.addExact(Math.multiplyExact(whole, unit),
						Math.round((double) fraction * ((double) unit / scale)));
				nanos = Math.addExact(nanos, part);
			}
		}
		catch (ArithmeticException ex) {
			return null;
		}
		return Duration.ofNanos(nanos);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** Nanoseconds per Go duration unit, 0 for anything else. */
	private static long unitNanos(String text, int start, int end) {
		if (end - start == 1) {
			return switch (text.charAt(start)) {
				case 'h' -> 3_600_000_000_000L;
				case 'm' -> 60_000_000_000L;
				case 's' -> 1_000_000_000L;
				default -> 0;
			};
		}
		if (end - start == 2 && text.charAt(start + 1) == 's') {
			return switch (text.charAt(start)) {
				case 'n' -> 1;
				case 'u', '\u00b5', '\u03bc' -> 1_000;
				case 'm' -> 1_000_000;
				default -> 0;
			};
		}
		return 0;
	}

	/**
	 * Read how long the server asks the caller to wait: {@code retry-after-ms} first, then
	 * {@code retry-after} as seconds or as an HTTP date.
	 * @param headers the response headers
	 * @param clock the clock, read only for an HTTP date
	 * @return the wait, or {@code null} when neither header is usable
	 */
	static @Nullable Duration parseRetryAfter(HttpHeaders headers, Clock clock) {
		Double millis = parseDouble(headers.getFirst("retry-after-ms"));
		if (millis != null && millis >= 0) {
			return Duration.ofNanos(Math.round(millis * 1_000_000d));
		}
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		Double seconds = parseDouble(retryAfter);
		if (seconds != null) {
			return (seconds >= 0) ? Duration.ofNanos(Math.round(seconds * 1_000_000_000d)) : null;
		}
		if (retryAfter != null) {
			try {
				Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable Long parseLong(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Double parseDouble(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			double parsed = Double.parseDouble(value.trim());
			return Double.isFinite(parsed) ? parsed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
