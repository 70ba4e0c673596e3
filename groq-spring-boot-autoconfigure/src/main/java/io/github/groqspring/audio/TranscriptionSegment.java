package io.github.groqspring.audio;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One segment of a {@code verbose_json} transcription or translation, with its times and
 * the model's scores. Groq's reference reads low scores as failures: an
 * {@code avg_logprob} below -1 ("logprobs failed"), a {@code compression_ratio} above 2.4
 * ("compression failed"); a high {@code no_speech_prob} with a low {@code avg_logprob}
 * marks silence.
 *
 * @param id the segment's number, from 0
 * @param seek the seek offset, in 10 ms frames
 * @param start its start, in seconds from the audio's start
 * @param end its end, in seconds
 * @param text its text (Whisper starts it with a space)
 * @param tokens the text's token ids
 * @param temperature the sampling temperature used for it
 * @param avgLogprob the average log probability of its tokens
 * @param compressionRatio the compression ratio of its text
 * @param noSpeechProb the probability that it holds no speech
 */
public record TranscriptionSegment(int id, int seek, double start, double end, String text, List<Integer> tokens,
		@Nullable Double temperature, @JsonProperty("avg_logprob") @Nullable Double avgLogprob,
		@JsonProperty("compression_ratio") @Nullable Double compressionRatio,
		@JsonProperty("no_speech_prob") @Nullable Double noSpeechProb) {

	public TranscriptionSegment {
		text = (text != null) ? text : "";
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
	}

}
