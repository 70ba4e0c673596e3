package io.github.groqspring.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Groq's rate-limit headers, parsed. Requests are counted per day, tokens per minute; each
 * value is {@code null} when its header was absent or unreadable (a bad header never fails
 * a call).
 *
 * @param limitRequests {@code x-ratelimit-limit-requests}: requests per day
 * @param remainingRequests {@code x-ratelimit-remaining-requests}
 * @param resetRequests {@code x-ratelimit-reset-requests}: until the request budget resets
 * @param limitTokens {@code x-ratelimit-limit-tokens}: tokens per minute
 * @param remainingTokens {@code x-ratelimit-remaining-tokens}
 * @param resetTokens {@code x-ratelimit-reset-tokens}: until the token budget resets
 * @param retryAfter {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date)
 */
public record RateLimits(@Nullable Long limitRequests, @Nullable Long remainingRequests,
		@Nullable Duration resetRequests, @Nullable Long limitTokens, @Nullable Long remainingTokens,
		@Nullable Duration resetTokens, @Nullable Duration retryAfter) {

	/** No rate-limit information. */
	public static final RateLimits NONE = new RateLimits(null, null, null, null, null, null, null);

	private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|h|m|s)");

	/**
	 * Read the rate-limit headers of a response.
	 * @param headers the response headers
	 * @return the limits; {@link #NONE} when there are none
	 */
	public static RateLimits from(HttpHeaders headers) {
		RateLimits limits = new RateLimits(parseLong(headers.getFirst("x-ratelimit-limit-requests")),
				parseLong(headers.getFirst("x-ratelimit-remaining-requests")),
				parseGoDuration(headers.getFirst("x-ratelimit-reset-requests")),
				parseLong(headers.getFirst("x-ratelimit-limit-tokens")),
				parseLong(headers.getFirst("x-ratelimit-remaining-tokens")),
				parseGoDuration(headers.getFirst("x-ratelimit-reset-tokens")), parseRetryAfter(headers, Instant.now()));
		return limits.equals(NONE) ? NONE : limits;
	}

	/**
	 * Parse a Go-style duration as Groq sends it: {@code 2m59.56s}, {@code 7.66s},
	 * {@code 1h2m3s}, {@code 450ms}.
	 * @param value the header value
	 * @return the duration, or {@code null} when absent or not a Go duration
	 */
	public static @Nullable Duration parseGoDuration(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		Matcher matcher = GO_DURATION_PART.matcher(text);
		double nanos = 0;
		int position = 0;
		while (position < text.length()) {
			if (!matcher.find(position) || matcher.start() != position) {
				return null;
			}
			nanos += Double.parseDouble(matcher.group(1)) * nanosPerUnit(matcher.group(2));
			position = matcher.end();
		}
		return Duration.ofNanos(Math.round(nanos));
	}

	/**
	 * Read how long the server asks the caller to wait: {@code retry-after-ms} first, then
	 * {@code retry-after} as seconds or as an HTTP date.
	 * @param headers the response headers
	 * @param now the current time, for HTTP dates
	 * @return the wait, or {@code null} when neither header is usable
	 */
	static @Nullable Duration parseRetryAfter(HttpHeaders headers, Instant now) {
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
				Duration wait = Duration.between(now, at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static double nanosPerUnit(String unit) {
		return switch (unit) {
			case "h" -> 3_600e9;
			case "m" -> 60e9;
			case "s" -> 1e9;
			case "ms" -> 1e6;
			case "us", "µs" -> 1e3;
			default -> 1;
		};
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
