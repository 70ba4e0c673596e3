package io.github.groqspring.samples.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.audio.AudioFile;
import io.github.groqspring.audio.SpeechRequest;
import io.github.groqspring.audio.SpeechResult;
import io.github.groqspring.audio.TimestampGranularity;
import io.github.groqspring.audio.Transcription;
import io.github.groqspring.audio.TranscriptionRequest;
import io.github.groqspring.audio.TranscriptionSegment;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

/**
 * Audio: transcribes {@code audio/greeting.wav}, a 2.6-second recording shipped with the
 * sample, streamed from the class path as a multipart upload, with its segments' timestamps;
 * then speaks a sentence into a WAV file. Without {@code GROQ_API_KEY} it calls the embedded
 * Groq emulator, whose transcript names the file and its length (read from the WAV header)
 * and whose speech is a WAV tone as long as the sentence would take to say.
 */
@SpringBootApplication
public class AudioApplication {

	static final String RECORDING = "audio/greeting.wav";

	static final String SENTENCE = "Groq turns text into speech as fast as it turns speech into text.";

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(AudioApplication.class, args));
	}

	@Bean
	ApplicationRunner transcribeAndSpeak(GroqTemplate groq, @Value("${audio.transcription-model}") String whisper,
			@Value("${audio.speech-model}") String speechModel, @Value("${audio.voice}") String voice,
			@Value("${audio.speech-file}") Path speechFile) {
		return (args) -> {
			Transcription transcript = groq.audio()
				.transcribe(TranscriptionRequest.builder(whisper, AudioFile.of(new ClassPathResource(RECORDING)))
					.language("en")
					.timestampGranularities(TimestampGranularity.SEGMENT)
					.build());
			System.out.println("Transcript: " + transcript.text().trim());
			System.out.println("Language: " + transcript.language() + ", duration: " + seconds(transcript.duration())
					+ ", segments: " + transcript.segments().size());
			for (TranscriptionSegment segment : transcript.segments()) {
				System.out.println(String.format(Locale.ROOT, "  [%.2f s - %.2f s]%s", segment.start(), segment.end(),
						segment.text()));
			}
			createParent(speechFile);
			SpeechResult spoken = groq.audio()
				.speak(SpeechRequest.builder(speechModel, SENTENCE, voice).build(), speechFile);
			System.out.println(String.format(Locale.ROOT, "Speech: %,d bytes of %s, %s, written to %s", spoken.bytes(),
					spoken.contentType(), seconds(spoken.duration()), speechFile));
		};
	}

	private static String seconds(@Nullable Duration duration) {
		return (duration != null) ? String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9) : "unknown";
	}

	private static void createParent(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
	}

}
