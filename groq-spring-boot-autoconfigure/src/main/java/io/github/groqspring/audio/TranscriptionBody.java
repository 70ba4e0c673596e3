package io.github.groqspring.audio;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A transcription or translation as Groq sends it in {@code json} and {@code verbose_json}.
 * {@code duration} is a number on the wire (Groq's OpenAPI document types it as a string:
 * both are read); {@code segments} is {@code null} when only word timestamps were asked
 * for, {@code words} absent unless they were.
 */
record TranscriptionBody(String text, @Nullable String task, @Nullable String language, @Nullable Double duration,
		List<TranscriptionSegment> segments, List<TranscriptionWord> words) {

	TranscriptionBody {
		text = (text != null) ? text : "";
		segments = (segments != null) ? segments : List.of();
		words = (words != null) ? words : List.of();
	}

	@Nullable Duration audioDuration() {
		return (this.duration != null && this.duration >= 0) ? Duration.ofNanos(Math.round(this.duration * 1e9)) : null;
	}

}
