package io.github.groqspring.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long Groq may take to process a batch: from 24 hours to 7 days, in whole hours.
 * Lines not done when it runs out expire (and are not charged).
 *
 * <p>Groq documents the range ("24h to 7d") but not the spelling of the values in between:
 * {@link #of(Duration)} writes whole days as {@code 2d} ... {@code 7d} and anything else as
 * hours ({@code 24h}, {@code 36h}); {@link #parse(String)} keeps the caller's spelling.
 *
 * @param duration the window
 * @param wireValue the {@code completion_window} sent, e.g. {@code 24h}
 */
public record CompletionWindow(Duration duration, String wireValue) {

	private static final Duration MIN = Duration.ofHours(24);

	private static final Duration MAX = Duration.ofDays(7);

	private static final Pattern WIRE = Pattern.compile("(\\d{1,4})([hd])");

	/** The shortest window, {@code 24h}. */
	public static final CompletionWindow HOURS_24 = of(Duration.ofHours(24));

	/** The longest window, {@code 7d}. */
	public static final CompletionWindow DAYS_7 = of(Duration.ofDays(7));

	public CompletionWindow {
		Duration spelled = parseDuration(wireValue);
		if (!spelled.equals(duration)) {
			throw new IllegalArgumentException("completion_window '" + wireValue + "' is not " + duration);
		}
		if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
			throw new IllegalArgumentException("A batch completion_window must be from 24h to 7d, was " + wireValue);
		}
	}

	/**
	 * A window of a given length.
	 * @param duration from 24 hours to 7 days, whole hours
	 * @return the window
	 * @throws IllegalArgumentException when outside that range or not whole hours
	 */
	public static CompletionWindow of(Duration duration) {
		long hours = duration.toHours();
		if (!duration.equals(Duration.ofHours(hours))) {
			throw new IllegalArgumentException("A batch completion_window must be whole hours, was " + duration);
		}
		String wireValue = (hours > 24 && hours % 24 == 0) ? (hours / 24) + "d" : hours + "h";
		return new CompletionWindow(duration, wireValue);
	}

	/**
	 * A window as Groq spells it.
	 * @param value e.g. {@code 24h}, {@code 48h} or {@code 7d}
	 * @return the window, sent with exactly this spelling
	 * @throws IllegalArgumentException when not hours or days, or outside 24h to 7d
	 */
	public static CompletionWindow parse(String value) {
		String wireValue = value.trim().toLowerCase(Locale.ROOT);
		return new CompletionWindow(parseDuration(wireValue), wireValue);
	}

	private static Duration parseDuration(String wireValue) {
		Matcher matcher = WIRE.matcher(wireValue);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"A batch completion_window is hours or days such as 24h or 7d, was '" + wireValue + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		return matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
	}

	@Override
	public String toString() {
		return this.wireValue;
	}

}
