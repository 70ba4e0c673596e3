package io.github.groqspring.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.MimeType;

/**
 * One part of a message's content, for messages that carry more than text: a
 * {@link TextPart}, an {@link ImagePart} (an https URL Groq fetches, or the image itself as
 * a {@code data:} URL) or a {@link DocumentPart}. Groq takes parts on user and tool
 * messages ({@link ChatMessage#user(ContentPart...)}); images need a vision model.
 *
 * <pre>{@code
 * groq.chat(ChatRequest.builder("qwen/qwen3.8-27b")
 *     .user(ContentPart.text("What is in this picture?"),
 *           ContentPart.image(new ClassPathResource("cat.png"))));
 * }</pre>
 *
 * <p>Groq's limits are checked as a part is made, before anything is sent: an image sent
 * inline (base64) must be JPEG, PNG, GIF or WebP and fit Groq's 4 MB limit for a request
 * with base64 images ({@link #MAX_BASE64_REQUEST_BYTES}; the sum over a request is checked
 * by {@link ChatRequest}); an image Groq fetches by URL may be 20 MB
 * ({@link #MAX_URL_IMAGE_BYTES}), checked when the size can be known without downloading
 * it ({@link #image(Resource)} of an http(s) resource asks for its length).
 */
public sealed interface ContentPart permits ContentPart.TextPart, ContentPart.ImagePart, ContentPart.DocumentPart {

	/**
	 * Groq's limit for a request that carries base64-encoded images (vision docs: "Maximum
	 * allowed size for a request containing a base64 encoded image is 4MB", else 413). Read
	 * as 4 MiB; whether Groq means 4,000,000 bytes is unconfirmed, and a request between the
	 * two is answered by Groq (a {@code GroqRequestTooLargeException} when it refuses).
	 */
	int MAX_BASE64_REQUEST_BYTES = 4 * 1024 * 1024;

	/** Groq's limit for an image it fetches by URL (vision docs: 20 MB, else 400). */
	long MAX_URL_IMAGE_BYTES = 20L * 1024 * 1024;

	/**
	 * The media types an inline image may have: those Groq's vision examples and the
	 * OpenAI-compatible image inputs use. Groq states no list; an image of another type can
	 * still be sent as a {@code data:} URL built by hand ({@link #imageUrl(String)}).
	 */
	Set<String> IMAGE_MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

	/**
	 * The part's wire type.
	 * @return {@code text}, {@code image_url} or {@code document}
	 */
	@JsonProperty("type")
	String type();

	/**
	 * A text part.
	 * @param text the text
	 * @return the part
	 */
	static TextPart text(String text) {
		return new TextPart(text);
	}

	/**
	 * An image Groq fetches itself, or a {@code data:} URL made elsewhere, sent as given.
	 * @param url an {@code https:} (or {@code http:}) URL, or a
	 * {@code data:image/...;base64,...} URL
	 * @return the part
	 * @throws IllegalArgumentException for another scheme, a {@code data:} URL that is not a
	 * base64 image, or one larger than {@link #MAX_BASE64_REQUEST_BYTES}
	 */
	static ImagePart imageUrl(String url) {
		return new ImagePart(new ImagePart.ImageUrl(url, null));
	}

	/**
	 * An image Groq fetches itself.
	 * @param url an {@code https:} (or {@code http:}) URL
	 * @return the part
	 */
	static ImagePart imageUrl(URI url) {
		return imageUrl(url.toString());
	}

	/**
	 * An image Groq fetches by URL, with the media type its caller knows it by (as Spring AI's
	 * {@code Media} carries it); the type is checked, not sent.
	 * @param mediaType e.g. {@code image/png}
	 * @param url an {@code https:} (or {@code http:}) URL
	 * @return the part
	 * @throws IllegalArgumentException when the media type is not an image type
	 */
	static ImagePart imageUrl(MimeType mediaType, URI url) {
		if (!"image".equals(mediaType.getType())) {
			throw new IllegalArgumentException("An image part needs an image media type, got " + mediaType);
		}
		return imageUrl(url);
	}

	/**
	 * An image sent inline, as a {@code data:<media type>;base64,...} URL.
	 * @param mediaType {@code image/jpeg}, {@code image/png}, {@code image/gif} or
	 * {@code image/webp}
	 * @param bytes the image file's bytes
	 * @return the part
	 * @throws IllegalArgumentException for another media type, or an image whose base64 form
	 * is larger than Groq's 4 MB request limit
	 */
	static ImagePart image(MimeType mediaType, byte[] bytes) {
		return image(mediaType.getType() + "/" + mediaType.getSubtype(), bytes);
	}

	/**
	 * An image sent inline, as a {@code data:<media type>;base64,...} URL.
	 * @param mediaType {@code image/jpeg}, {@code image/png}, {@code image/gif} or
	 * {@code image/webp}
	 * @param bytes the image file's bytes
	 * @return the part
	 * @throws IllegalArgumentException for another media type, or an image whose base64 form
	 * is larger than Groq's 4 MB request limit
	 */
	static ImagePart image(String mediaType, byte[] bytes) {
		String type = mediaType.toLowerCase(Locale.ROOT).strip();
		if (!IMAGE_MEDIA_TYPES.contains(type)) {
			throw new IllegalArgumentException("An inline image must be one of " + IMAGE_MEDIA_TYPES.stream().sorted()
				.toList() + ", got '" + mediaType + "': convert it, or send it by URL with ContentPart.imageUrl");
		}
		long encoded = 4L * ((bytes.length + 2) / 3);
		if (encoded > MAX_BASE64_REQUEST_BYTES) {
			throw ImagePart.tooLarge(bytes.length, encoded);
		}
		return imageUrl("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
	}

	/**
	 * An image from a Spring {@link Resource}, with its media type given.
	 * @param resource e.g. a {@code ClassPathResource}; read whole
	 * @param mediaType the image's media type
	 * @return the part, inline
	 * @throws UncheckedIOException when the resource cannot be read
	 */
	static ImagePart image(Resource resource, MimeType mediaType) {
		return image(mediaType, ImagePart.read(resource));
	}

	/**
	 * An image from a Spring {@link Resource}: an {@code http(s)} resource is sent by URL
	 * (after checking, when the server says, that it is at most 20 MB), any other is read and
	 * sent inline with the media type its file name implies ({@code .png}, {@code .jpg},
	 * {@code .gif}, {@code .webp}).
	 * @param resource the image
	 * @return the part
	 * @throws IllegalArgumentException when the media type cannot be told from the name, or
	 * a limit is exceeded
	 * @throws UncheckedIOException when the resource cannot be read
	 */
	static ImagePart image(Resource resource) {
		if (ImagePart.isWebResource(resource)) {
			return ImagePart.byUrl(resource);
		}
		MimeType type = MediaTypeFactory.getMediaType(resource)
			.orElseThrow(() -> new IllegalArgumentException("Cannot tell the media type of " + resource.getDescription()
					+ " from its name: pass it, ContentPart.image(resource, MimeTypeUtils.IMAGE_PNG)"));
		return image(resource, type);
	}

	/**
	 * A document part: JSON data the model reads as part of the message.
	 * @param data the document, a JSON object
	 * @return the part
	 */
	static DocumentPart document(Map<String, ?> data) {
		return new DocumentPart(new DocumentPart.Document(data, null));
	}

	/**
	 * A document part with an id.
	 * @param id the document's id, e.g. for citations
	 * @param data the document, a JSON object
	 * @return the part
	 */
	static DocumentPart document(String id, Map<String, ?> data) {
		return new DocumentPart(new DocumentPart.Document(data, id));
	}

	/**
	 * {@code {"type":"text","text":"..."}}.
	 *
	 * @param text the text
	 */
	@JsonPropertyOrder({ "type", "text" })
	record TextPart(String text) implements ContentPart {

		public TextPart {
			if (text == null) {
				throw new IllegalArgumentException("A text part needs a text");
			}
		}

		@Override
		@JsonProperty("type")
		public String type() {
			return "text";
		}

	}

	/**
	 * {@code {"type":"image_url","image_url":{"url":"...","detail":"..."}}}.
	 *
	 * @param imageUrl the URL and how closely to look
	 */
	@JsonPropertyOrder({ "type", "image_url" })
	record ImagePart(@JsonProperty("image_url") ImageUrl imageUrl) implements ContentPart {

		@Override
		@JsonProperty("type")
		public String type() {
			return "image_url";
		}

		/**
		 * This image with a level of detail.
		 * @param detail how closely the model looks (whether Groq's models honour it is
		 * unconfirmed: it is sent only when set)
		 * @return a copy
		 */
		public ImagePart withDetail(ImageDetail detail) {
			return new ImagePart(new ImageUrl(this.imageUrl.url(), detail));
		}

		/**
		 * Whether the image is sent inline, as a {@code data:} URL.
		 * @return {@code true} for an inline image
		 */
		public boolean inline() {
			return this.imageUrl.url().startsWith("data:");
		}

		/**
		 * The bytes this image adds to a request when sent inline.
		 * @return the {@code data:} URL's length, 0 for an image sent by URL
		 */
		public int inlineBytes() {
			return inline() ? this.imageUrl.url().length() : 0;
		}

		static IllegalArgumentException tooLarge(long bytes, long encoded) {
			return new IllegalArgumentException("The image is " + bytes + " bytes, " + encoded
					+ " in base64: Groq accepts requests with base64 images up to 4 MB (" + MAX_BASE64_REQUEST_BYTES
					+ " bytes, else 413); send it by https URL (up to 20 MB) or make it smaller");
		}

		static boolean isWebResource(Resource resource) {
			try {
				String scheme = resource.getURI().getScheme();
				return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
			}
			catch (IOException ex) {
				return false;
			}
		}

		static ImagePart byUrl(Resource resource) {
			URI uri;
			try {
				uri = resource.getURI();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the URL of " + resource.getDescription(), ex);
			}
			long length;
			try {
				length = resource.contentLength();
			}
			catch (IOException ex) {
				length = -1; // unknown: Groq checks the size when it fetches the image
			}
			if (length > MAX_URL_IMAGE_BYTES) {
				throw new IllegalArgumentException("The image at " + uri + " is " + length + " bytes: Groq fetches "
						+ "images by URL up to 20 MB (" + MAX_URL_IMAGE_BYTES + " bytes, else 400); make it smaller");
			}
			return ContentPart.imageUrl(uri);
		}

		static byte[] read(Resource resource) {
			try (InputStream in = resource.getInputStream()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the image " + resource.getDescription(), ex);
			}
		}

		/**
		 * The image's URL.
		 *
		 * @param url an http(s) URL or a {@code data:image/...;base64,...} URL
		 * @param detail {@code auto}, {@code low} or {@code high}; {@code null} to send none
		 */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public record ImageUrl(String url, @Nullable ImageDetail detail) {

			public ImageUrl {
				if (url == null || url.isBlank()) {
					throw new IllegalArgumentException("An image part needs a URL");
				}
				String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
				if (scheme.equals("data")) {
					int comma = url.indexOf(',');
					String header = (comma > 0) ? url.substring(5, comma).toLowerCase(Locale.ROOT) : "";
					if (!header.startsWith("image/") || !header.endsWith(";base64")) {
						throw new IllegalArgumentException("An image data URL must read data:image/<type>;base64,<data>,"
								+ " got one starting '" + url.substring(0, Math.min(url.length(), 40)) + "'");
					}
					if (url.length() > MAX_BASE64_REQUEST_BYTES) {
						throw tooLarge((url.length() - comma - 1) * 3L / 4, url.length());
					}
				}
				else if (!scheme.equals("https") && !scheme.equals("http")) {
					throw new IllegalArgumentException("Groq fetches images by http(s) URL only, got '"
							+ ((url.length() > 60) ? url.substring(0, 60) + "..." : url)
							+ "': send a local image inline with ContentPart.image(...)");
				}
			}

			@Override
			public String toString() {
				return "ImageUrl[url=" + (url.startsWith("data:") ? url.substring(0, url.indexOf(',') + 1) + "... ("
						+ url.length() + " chars)" : url) + ", detail=" + detail + "]";
			}

		}

	}

	/**
	 * How closely a vision model looks at an image.
	 */
	enum ImageDetail {

		/** The model decides. */
		AUTO,
		/** A low-resolution look. */
		LOW,
		/** A high-resolution look. */
		HIGH;

		/**
		 * The wire value.
		 * @return e.g. {@code auto}
		 */
		@JsonValue
		public String wireValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * {@code {"type":"document","document":{"data":{...},"id":"..."}}}: a JSON document inside
	 * a message. Which models read document parts Groq does not document.
	 *
	 * @param document the document
	 */
	@JsonPropertyOrder({ "type", "document" })
	record DocumentPart(Document document) implements ContentPart {

		@Override
		@JsonProperty("type")
		public String type() {
			return "document";
		}

		/**
		 * The document of a part.
		 *
		 * @param data the document, a JSON object
		 * @param id its id, or {@code null}
		 */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public record Document(Map<String, ?> data, @Nullable String id) {

			public Document {
				if (data == null) {
					throw new IllegalArgumentException("A document part needs its data, a JSON object");
				}
				data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
			}

		}

	}

}
