package io.github.groqspring.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request on its way through the emulator: the request, the id Groq would give it
 * ({@code x-request-id}, and {@code x_groq.id} on chat completions), and the stream to play
 * when the answer is streamed. Ids are made per exchange, so concurrent requests never
 * share or swap them.
 */
final class Exchange {

	private final RecordedRequest request;

	private final String requestId;

	private @Nullable StreamPlan stream;

	private AudioEndpoints.@Nullable Received audio;

	private @Nullable Map<String, String> rateLimitHeaders;

	Exchange(RecordedRequest request, String requestId) {
		this.request = request;
		this.requestId = requestId;
	}

	RecordedRequest request() {
		return this.request;
	}

	String requestId() {
		return this.requestId;
	}

	@Nullable StreamPlan stream() {
		return this.stream;
	}

	void stream(StreamPlan stream) {
		this.stream = stream;
	}

	/** What a transcription or translation held, read as it arrived; {@code null} for other requests. */
	AudioEndpoints.@Nullable Received audio() {
		return this.audio;
	}

	void audio(AudioEndpoints.Received audio) {
		this.audio = audio;
	}

	/** The {@code x-ratelimit-*} headers of an enforced budget, {@code null} for the emulator's fixed ones. */
	@Nullable Map<String, String> rateLimitHeaders() {
		return this.rateLimitHeaders;
	}

	void rateLimitHeaders(Map<String, String> headers) {
		this.rateLimitHeaders = headers;
	}

	/**
	 * A streamed answer to play.
	 *
	 * @param completion what the model answers
	 * @param model the model id
	 * @param servedTier the tier the usage chunk names
	 * @param includeUsage whether the request asked for {@code stream_options.include_usage}
	 * @param script the scripted stream, {@code null} for the completion as it is
	 */
	record StreamPlan(Completion completion, String model, String servedTier, boolean includeUsage,
			@Nullable EmulatedStream script) {
	}

}
