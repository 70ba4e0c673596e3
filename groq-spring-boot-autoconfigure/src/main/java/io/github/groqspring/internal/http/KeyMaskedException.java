package io.github.groqspring.internal.http;

import org.jspecify.annotations.Nullable;

/**
 * Stands in for an exception whose text came from a response, as the cause of the
 * {@code GroqException} raised for it: a Jackson parse error quotes the token or value it
 * could not read, which may be an API key the server echoed back. Its message is the
 * original's {@code toString()} (class name and message) with keys masked, its stack trace
 * the original's, and its causes stand-ins of the same kind, so that a stack trace or a log
 * line printed with the exception holds no key.
 */
public final class KeyMaskedException extends RuntimeException {

	/** Causes of causes beyond this depth are left out (a cause chain is rarely deeper than 2). */
	private static final int MAX_DEPTH = 8;

	private KeyMaskedException(Throwable original, ApiKeyMask keyMask, int depth) {
		super(keyMask.mask(original.toString()), maskedCause(original, keyMask, depth), false, true);
		setStackTrace(original.getStackTrace());
	}

	/**
	 * A stand-in for an exception, with keys masked in its text and in its causes' text.
	 * @param original the exception, e.g. a {@code JacksonException}
	 * @param keyMask the mask of the call's configured key
	 * @return the stand-in
	 */
	public static KeyMaskedException of(Throwable original, ApiKeyMask keyMask) {
		return new KeyMaskedException(original, keyMask, 1);
	}

	private static @Nullable KeyMaskedException maskedCause(Throwable original, ApiKeyMask keyMask, int depth) {
		Throwable cause = original.getCause();
		return (cause != null && cause != original && depth < MAX_DEPTH)
				? new KeyMaskedException(cause, keyMask, depth + 1) : null;
	}

}
