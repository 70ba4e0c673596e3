package io.github.groqspring.benchmarks.server;

import java.nio.charset.StandardCharsets;

/**
 * The canned answers, each under its own path prefix so that every client can be pointed at
 * one of them with nothing but its base URL.
 */
public enum Payload {

	/** A short chat completion (about 700 bytes). */
	SMALL("/small", "application/json", completion("Release 2.4 adds the flex tier and faster streaming.")),

	/** A 4 KB chat completion. */
	LARGE("/large", "application/json", completion(words(560))),

	/**
	 * A stream of {@value #STREAM_CHUNKS} {@code chat.completion.chunk} events (the role,
	 * {@code STREAM_CHUNKS - 2} pieces of text, the finish reason with {@code x_groq.usage}),
	 * then {@code [DONE]}, written all at once.
	 */
	STREAM("/stream", "text/event-stream", stream(Payload.STREAM_CHUNKS));

	/** How many chunks {@link #STREAM} sends before {@code [DONE]}. */
	public static final int STREAM_CHUNKS = 200;

	/** The model every client asks for. */
	public static final String MODEL = "llama-3.3-70b-versatile";

	/** The system message every client sends. */
	public static final String SYSTEM = "You are a concise assistant.";

	/** The user message every client sends. */
	public static final String USER = "Summarize the latest release highlights in two sentences.";

	/** The text {@link #STREAM}'s chunks add up to. */
	public static final String STREAM_TEXT = streamText(STREAM_CHUNKS);

	private final String prefix;

	private final String contentType;

	private final byte[] body;

	Payload(String prefix, String contentType, String body) {
		this.prefix = prefix;
		this.contentType = contentType;
		this.body = body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The path prefix this payload is served under.
	 * @return e.g. {@code /small}
	 */
	public String prefix() {
		return this.prefix;
	}

	String contentType() {
		return this.contentType;
	}

	byte[] body() {
		return this.body;
	}

	private static String completion(String content) {
		return "{\"id\":\"chatcmpl-f51b2cd2-bef7-417e-964e-a08f0b513c22\",\"object\":\"chat.completion\","
				+ "\"created\":1730241104,\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":"
				+ "{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"queue_time\":0.037493756,\"prompt_tokens\":48,\"prompt_time\":0.000680594,"
				+ "\"completion_tokens\":" + Math.max(1, content.split(" ").length) + ",\"completion_time\":0.463333333,"
				+ "\"total_tokens\":" + (48 + Math.max(1, content.split(" ").length)) + ",\"total_time\":0.464013927},"
				+ "\"system_fingerprint\":\"fp_179b0f92c9\",\"x_groq\":{\"id\":\"req_01jbd6g2qdfw2adyrt2az8hz4w\","
				+ "\"seed\":1681246187},\"service_tier\":\"on_demand\"}";
	}

	private static String words(int count) {
		String[] vocabulary = { "the", "release", "adds", "flex", "tier", "support", "and", "faster", "streaming",
				"with", "lower", "latency", "for", "every", "model" };
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((i > 0) ? " " : "").append(vocabulary[i % vocabulary.length]);
		}
		return text.toString();
	}

	private static String streamText(int chunks) {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i < chunks - 1; i++) {
			text.append(" token").append(i);
		}
		return text.toString();
	}

	private static String stream(int chunks) {
		String head = "data: {\"id\":\"chatcmpl-5a3f0e2b-6f1c-4c9e-8d7a-1b2c3d4e5f60\",\"object\":\"chat.completion.chunk\","
				+ "\"created\":1730241104,\"model\":\"" + MODEL + "\",\"system_fingerprint\":\"fp_179b0f92c9\",\"choices\":"
				+ "[{\"index\":0,\"delta\":";
		StringBuilder events = new StringBuilder();
		events.append(head)
			.append("{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],")
			.append("\"x_groq\":{\"id\":\"req_01jbd6g2qdfw2adyrt2az8hz4w\"}}\n\n");
		for (int i = 1; i < chunks - 1; i++) {
			events.append(head)
				.append("{\"content\":\" token").append(i)
				.append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
		}
		events.append(head)
			.append("{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"x_groq\":{\"id\":\"req_01jbd6g2qdfw2adyrt2az8hz4w\",")
			.append("\"usage\":{\"queue_time\":0.0375,\"prompt_tokens\":48,\"prompt_time\":0.00068,\"completion_tokens\":")
			.append(chunks - 2)
			.append(",\"completion_time\":0.46,\"total_tokens\":")
			.append(chunks + 46)
			.append(",\"total_time\":0.46}}}\n\n");
		events.append("data: [DONE]\n\n");
		return events.toString();
	}

}
