package io.github.groqspring.audio;

/**
 * One word of a {@code verbose_json} transcription with word timestamps. Groq's times may
 * overlap or step back slightly between words (seen in captured answers): they are kept as
 * they came.
 *
 * @param word the word
 * @param start its start, in seconds from the audio's start
 * @param end its end, in seconds
 */
public record TranscriptionWord(String word, double start, double end) {

	public TranscriptionWord {
		word = (word != null) ? word : "";
	}

}
