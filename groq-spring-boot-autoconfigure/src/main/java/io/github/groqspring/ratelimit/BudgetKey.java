package io.github.groqspring.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The budget one call draws on: Groq's limits belong to an organisation (its API key) and
 * apply per model and service tier. The key is never held, only a hash of it
 * ({@link #hash(String, String)}), so that a budget can be named in a shared store, a log or
 * a metric without revealing it.
 *
 * @param keyHash the first 16 hexadecimal digits of the SHA-256 of the base URL and the API key
 * @param model the model id
 * @param tier the service tier's wire value, {@code none} when the call names none (Groq then
 * serves {@code on_demand})
 */
public record BudgetKey(String keyHash, String model, String tier) {

	/** The tier of a call that sends no {@code service_tier}. */
	public static final String NO_TIER = "none";

	/**
	 * Hash an organisation's key for a budget key: SHA-256 over the base URL and the key,
	 * truncated to 64 bits (16 hexadecimal digits). The base URL is included so that an
	 * emulator or proxy never shares a budget with Groq's cloud; 64 bits make an accidental
	 * clash between two keys of one fleet negligible, and reveal nothing usable about the key.
	 * @param baseUrl the base URL calls go to
	 * @param apiKey the API key, {@code null} when none is sent
	 * @return 16 lowercase hexadecimal digits
	 */
	public static String hash(String baseUrl, @Nullable String apiKey) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(baseUrl.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
			if (apiKey != null) {
				digest.update(apiKey.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "model " + this.model + " on tier " + this.tier + " (key " + this.keyHash + ")";
	}

}
