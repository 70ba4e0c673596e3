package io.github.groqspring.audio;

import java.time.Duration;
import java.util.List;

import io.github.groqspring.http.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * What Groq heard: the text of a transcription (in the audio's language) or a translation
 * (in English), and with {@code verbose_json} the task, the language, the audio's duration
 * and the segments and words with their times.
 *
 * @param text the text (Whisper's usually starts with a space)
 * @param task {@code transcribe} or {@code translate}; {@code null} unless {@code verbose_json}
 * @param language the language as Groq names it, in English (e.g. {@code English}, not
 * {@code en}); {@code null} unless {@code verbose_json}
 * @param duration the audio's length; {@code null} unless {@code verbose_json}
 * @param segments the segments, empty unless {@code verbose_json} with segment timestamps
 * (Groq's default granularity)
 * @param words the words, empty unless {@code verbose_json} with word timestamps
 * @param metadata the response's status, request id ({@code x-request-id}, which Groq also
 * sends as {@code x_groq.id}), rate limits and attempts
 */
public record Transcription(String text, @Nullable String task, @Nullable String language,
		@Nullable Duration duration, List<TranscriptionSegment> segments, List<TranscriptionWord> words,
		ResponseMetadata metadata) {

	public Transcription {
		segments = List.copyOf(segments);
		words = List.copyOf(words);
	}

	/** A JSON answer ({@code json} or {@code verbose_json}) with its metadata. */
	static Transcription of(TranscriptionBody body, ResponseMetadata metadata) {
		return new Transcription(body.text(), body.task(), body.language(), body.audioDuration(), body.segments(),
				body.words(), metadata);
	}

	/** A {@code text} answer with its metadata. */
	static Transcription ofText(String text, ResponseMetadata metadata) {
		return new Transcription(text, null, null, null, List.of(), List.of(), metadata);
	}

}
