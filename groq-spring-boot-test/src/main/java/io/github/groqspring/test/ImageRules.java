package io.github.groqspring.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Groq's limits for requests with images (vision docs, Llama 4 era): at most 5 images per
 * request (400; the Qwen 3.8 model card is said to allow 3: unconfirmed, so 5 here), and
 * at most 4 MB for a request with a base64 image (413). The 20 MB limit of an image by URL
 * and the 33-megapixel limit are Groq's to check on the image it fetches; the emulator
 * fetches nothing. Wording: the emulator's (Groq's bodies for these are unconfirmed).
 */
final class ImageRules {

	/** Vision docs: "You can process a maximum of 5 images". */
	static final int MAX_IMAGES = 5;

	/** Vision docs: "Maximum allowed size for a request containing a base64 encoded image is 4MB" (read as 4 MiB). */
	static final int MAX_BASE64_REQUEST_BYTES = 4 * 1024 * 1024;

	private ImageRules() {
	}

	/** The 400 for too many images, or {@code null}. */
	static @Nullable String tooMany(JsonNode messages) {
		int images = count(messages);
		return (images > MAX_IMAGES) ? "Too many images provided: " + images + ". This model supports up to "
				+ MAX_IMAGES + " images per request." : null;
	}

	/** Groq's 413 for a request over 4 MB that carries a base64 image, or {@code null}. */
	static @Nullable EmulatedResponse tooLarge(RecordedRequest request, JsonNode body) {
		if (request.body().length <= MAX_BASE64_REQUEST_BYTES || !hasInlineImage(body.path("messages"))) {
			return null;
		}
		return EmulatedResponse.error(413, "invalid_request_error", "request_too_large",
				"Request Entity Too Large: a request with base64 images may be at most 4MB, this one is "
						+ request.body().length + " bytes");
	}

	static int count(JsonNode messages) {
		int images = 0;
		for (JsonNode message : messages) {
			for (JsonNode part : message.path("content")) {
				if ("image_url".equals(part.path("type").asString(""))) {
					images++;
				}
			}
		}
		return images;
	}

	private static boolean hasInlineImage(JsonNode messages) {
		for (JsonNode message : messages) {
			for (JsonNode part : message.path("content")) {
				if (part.path("image_url").path("url").asString("").startsWith("data:")) {
					return true;
				}
			}
		}
		return false;
	}

}
