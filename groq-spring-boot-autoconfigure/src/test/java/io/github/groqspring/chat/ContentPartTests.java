package io.github.groqspring.chat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContentPartTests {

	/** A 4x3 red PNG, the test resource images/red-4x3.png. */
	static final String RED_PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGP4z8AARww4OQD1MQv1NXv7ggAAAABJRU5ErkJggg==";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aUserMessageOfPartsGoesOutAsGroqsArrayOfTextImageAndDocumentParts() throws Exception {
		ChatRequest request = ChatRequest.builder("qwen/qwen3.8-27b")
			.system("Describe images.")
			.user(ContentPart.text("What is in these?"), ContentPart.imageUrl("https://example.com/cat.jpg"),
					ContentPart.imageUrl(URI.create("https://example.com/dog.png")).withDetail(ContentPart.ImageDetail.HIGH),
					ContentPart.image(new ClassPathResource("images/red-4x3.png")),
					ContentPart.document("doc-1", Map.of("title", "Q3 report")), ContentPart.document(Map.of("n", 1)))
			.build();
		JSONAssert.assertEquals("""
				{"model":"qwen/qwen3.8-27b","messages":[
				 {"role":"system","content":"Describe images."},
				 {"role":"user","content":[
				   {"type":"text","text":"What is in these?"},
				   {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}},
				   {"type":"image_url","image_url":{"url":"https://example.com/dog.png","detail":"high"}},
				   {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}},
				   {"type":"document","document":{"data":{"title":"Q3 report"},"id":"doc-1"}},
				   {"type":"document","document":{"data":{"n":1}}}]}]}""".formatted(RED_PNG_BASE64),
				this.json.writeValueAsString(request), JSONCompareMode.STRICT);
	}

	@Test
	void eachPartIsWrittenWithItsTypeFirst() {
		assertThat(this.json.writeValueAsString(ContentPart.text("Hi"))).isEqualTo("{\"type\":\"text\",\"text\":\"Hi\"}");
		assertThat(this.json.writeValueAsString(ContentPart.imageUrl("https://x.test/a.gif")))
			.isEqualTo("{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x.test/a.gif\"}}");
		assertThat(this.json.writeValueAsString(ContentPart.document("d", Map.of("k", "v"))))
			.isEqualTo("{\"type\":\"document\",\"document\":{\"data\":{\"k\":\"v\"},\"id\":\"d\"}}");
	}

	@Test
	void anImageFromBytesOrAResourceWithAMediaTypeIsADataUrl() {
		byte[] png = java.util.Base64.getDecoder().decode(RED_PNG_BASE64);
		String expected = "data:image/png;base64," + RED_PNG_BASE64;
		assertThat(ContentPart.image("image/png", png).imageUrl().url()).isEqualTo(expected);
		assertThat(ContentPart.image(MimeTypeUtils.IMAGE_PNG, png).imageUrl().url()).isEqualTo(expected);
		assertThat(ContentPart.image(new ByteArrayResource(png), MimeTypeUtils.IMAGE_PNG).imageUrl().url())
			.isEqualTo(expected);
		assertThat(ContentPart.image("IMAGE/JPEG", new byte[] { 1, 2, 3 }).imageUrl().url())
			.isEqualTo("data:image/jpeg;base64,AQID");
		assertThat(ContentPart.image("image/png", png).inline()).isTrue();
		assertThat(ContentPart.imageUrl("https://x.test/a.png").inline()).isFalse();
		assertThat(ContentPart.imageUrl(MimeTypeUtils.IMAGE_JPEG, URI.create("https://x.test/a.jpg")).imageUrl().url())
			.isEqualTo("https://x.test/a.jpg");
	}

	@Test
	void anInlineImageMustBeJpegPngGifOrWebp() {
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.image("image/bmp", new byte[] { 1 }))
			.withMessage("An inline image must be one of [image/gif, image/jpeg, image/png, image/webp], got "
					+ "'image/bmp': convert it, or send it by URL with ContentPart.imageUrl");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentPart.imageUrl(MimeTypeUtils.APPLICATION_JSON, URI.create("https://x.test/a")))
			.withMessage("An image part needs an image media type, got application/json");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentPart.image(new ByteArrayResource(new byte[] { 1 })))
			.withMessageStartingWith("Cannot tell the media type of Byte array resource");
	}

	@Test
	void anImageTooLargeForGroqsFourMegabyteBase64RequestIsRefusedBeforeSending() {
		byte[] image = new byte[3 * 1024 * 1024 + 1];
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.image("image/png", image))
			.withMessage("The image is 3145729 bytes, 4194308 in base64: Groq accepts requests with base64 images up "
					+ "to 4 MB (4194304 bytes, else 413); send it by https URL (up to 20 MB) or make it smaller");
		// Two images that fit one by one do not fit one request together.
		ContentPart.ImagePart half = ContentPart.image("image/png", new byte[1024 * 1024 + 512 * 1024]);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatRequest.builder("qwen/qwen3.8-27b").user(ContentPart.text("Compare"), half, half).build())
			.withMessage("The request's inline images take 4194348 bytes in base64: Groq accepts requests with base64 "
					+ "images up to 4 MB (4194304 bytes, else 413); send some by https URL (up to 20 MB each) or make "
					+ "them smaller");
		ChatRequest.builder("qwen/qwen3.8-27b").user(ContentPart.text("One"), half).build();
	}

	@Test
	void onlyHttpAndBase64ImageDataUrlsAreImageUrls() {
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.imageUrl("file:///tmp/cat.png"))
			.withMessage("Groq fetches images by http(s) URL only, got 'file:///tmp/cat.png': send a local image "
					+ "inline with ContentPart.image(...)");
		assertThatIllegalArgumentException().isThrownBy(() -> ContentPart.imageUrl("data:text/plain,hello"))
			.withMessage("An image data URL must read data:image/<type>;base64,<data>, got one starting "
					+ "'data:text/plain,hello'");
		char[] huge = new char[4 * 1024 * 1024];
		Arrays.fill(huge, 'A');
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentPart.imageUrl("data:image/png;base64," + new String(huge)))
			.withMessageStartingWith("The image is 3145728 bytes, 4194326 in base64: Groq accepts");
		assertThat(ContentPart.imageUrl("http://example.com/a.png").imageUrl().url()).isEqualTo("http://example.com/a.png");
	}

	@Test
	void partsAreForUserAndToolMessagesAndNeverBesideAText() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChatMessage("system", null, null, null, List.of(ContentPart.text("x"))))
			.withMessage("Groq takes content parts on user and tool messages; a system message's content is text");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChatMessage("user", "text", null, null, List.of(ContentPart.text("x"))))
			.withMessage("A message has a text content or content parts, not both: add the text as ContentPart.text(...)");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user(List.of()))
			.withMessage("A message made of parts needs at least one part");
		ChatMessage tool = ChatMessage.tool("call_1", List.of(ContentPart.text("chart:"),
				ContentPart.image("image/png", java.util.Base64.getDecoder().decode(RED_PNG_BASE64))));
		assertThat(this.json.writeValueAsString(tool)).isEqualTo("{\"role\":\"tool\",\"content\":[{\"type\":\"text\","
				+ "\"text\":\"chart:\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,"
				+ RED_PNG_BASE64 + "\"}}],\"tool_call_id\":\"call_1\"}");
	}

	@Test
	void anHttpResourceIsSentByUrlWhenItsLengthFitsGroqsTwentyMegabytes() throws Exception {
		com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Length", "73");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			assertThat(ContentPart.image(new org.springframework.core.io.UrlResource(base + "/small.png")).imageUrl().url())
				.isEqualTo(base + "/small.png");
			server.removeContext("/");
			server.createContext("/", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Length", Long.toString(ContentPart.MAX_URL_IMAGE_BYTES + 1));
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ContentPart.image(new org.springframework.core.io.UrlResource(base + "/big.png")))
				.withMessage("The image at " + base + "/big.png is 20971521 bytes: Groq fetches images by URL up to 20 MB "
						+ "(20971520 bytes, else 400); make it smaller");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anInlineImageDoesNotSpillItsBase64IntoToString() {
		ContentPart.ImagePart image = ContentPart.image("image/png", java.util.Base64.getDecoder().decode(RED_PNG_BASE64));
		assertThat(image.toString()).isEqualTo("ImagePart[imageUrl=ImageUrl[url=data:image/png;base64,... (122 chars), "
				+ "detail=null]]");
	}

}
