package io.github.groqspring.audio;

import java.time.Duration;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groq's documented and captured answers, read as they came: vercel/ai's live fixtures
 * (groq-transcription.json, -text, -word-timestamps), Groq's docs' segment example, and the
 * OpenAPI document's string-typed {@code duration}.
 */
class TranscriptionParsingTests {

	static final String PATH = "/openai/v1/audio/transcriptions";

	static final GroqEmulator emulator = GroqEmulator.start();

	private final GroqTemplate groq = GroqTemplate.builder().baseUrl(emulator.baseUrl()).build();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
		emulator.reset();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void jsonIsTheTextAndGroqsId() {
		Transcription transcription = answer("""
				{"text": " Hello from the Versal AISDK.", "x_groq": {"id": "req_01kha51bpcezj8q824a6zfchr1"}}""");
		assertThat(transcription.text()).isEqualTo(" Hello from the Versal AISDK.");
		assertThat(transcription.duration()).isNull();
		assertThat(transcription.segments()).isEmpty();
		assertThat(transcription.words()).isEmpty();
	}

	@Test
	void textIsTheBodyAsItCame() {
		emulator.enqueue(PATH, EmulatedResponse.raw(200, "text/plain; charset=UTF-8", " Hello from the Versal AISDK.\n"));
		Transcription transcription = this.groq.audio()
			.transcribe(TranscriptionRequest.builder("whisper-large-v3", AudioFile.of(new byte[10], "a.wav"))
				.responseFormat(AudioResponseFormat.TEXT)
				.build());
		assertThat(transcription.text()).isEqualTo(" Hello from the Versal AISDK.\n");
	}

	@Test
	void verboseJsonWithWordsOnlyHasNullSegmentsAndWordsThatOverlap() {
		Transcription transcription = answer("""
				{"task": "transcribe", "language": "English", "duration": 36.712501248,
				 "text": " Galileo was an American robotic space program",
				 "words": [{"word": "Galileo", "start": 0.1, "end": 0.68}, {"word": "was", "start": 0.68, "end": 0.88},
				           {"word": "and", "start": 32.2, "end": 32.48}, {"word": "Earth,", "start": 32.02, "end": 32.6}],
				 "segments": null, "x_groq": {"id": "req_01kyq27x28emr9zbm8ny8jcf61"}}""");
		assertThat(transcription.task()).isEqualTo("transcribe");
		assertThat(transcription.language()).isEqualTo("English");
		assertThat(transcription.duration()).isEqualTo(Duration.ofNanos(36_712_501_248L));
		assertThat(transcription.segments()).isEmpty();
		assertThat(transcription.words()).containsExactly(new TranscriptionWord("Galileo", 0.1, 0.68),
				new TranscriptionWord("was", 0.68, 0.88), new TranscriptionWord("and", 32.2, 32.48),
				new TranscriptionWord("Earth,", 32.02, 32.6));
	}

	@Test
	void segmentsCarryTheirScoresAndUnknownFieldsAreIgnored() {
		Transcription transcription = answer("""
				{"task": "transcribe", "language": "English", "duration": "50.5", "text": " document",
				 "segments": [{"id": 8, "seek": 3000, "start": 43.92, "end": 50.16,
				   "text": " document that the functional specification that you started to read through that isn't just the",
				   "tokens": [51061, 4166, 300, 264, 11745, 31256], "temperature": 0, "avg_logprob": -0.097569615,
				   "compression_ratio": 1.6637554, "no_speech_prob": 0.012814695, "audio_text": "x",
				   "token_scores": [0.1], "chunk_start": 0, "chunk_end": 1}],
				 "usage": {"type": "duration", "seconds": 51}, "x_groq": {"id": "req_1"}}""");
		assertThat(transcription.duration()).isEqualTo(Duration.ofMillis(50_500));
		assertThat(transcription.segments()).containsExactly(new TranscriptionSegment(8, 3000, 43.92, 50.16,
				" document that the functional specification that you started to read through that isn't just the",
				java.util.List.of(51061, 4166, 300, 264, 11745, 31256), 0.0, -0.097569615, 1.6637554, 0.012814695));
	}

	@Test
	void aTranslationNamesItsTaskAndEnglish() {
		emulator.enqueue("/openai/v1/audio/translations", EmulatedResponse.raw(200, "application/json", """
				{"task": "translate", "language": "english", "duration": 2.5, "text": " Good morning.",
				 "segments": [{"id": 0, "seek": 0, "start": 0, "end": 2.5, "text": " Good morning.", "tokens": [1, 2]}]}"""));
		Transcription translation = this.groq.audio()
			.translate(TranslationRequest.builder("whisper-large-v3", AudioFile.of(new byte[10], "a.wav"))
				.responseFormat(AudioResponseFormat.VERBOSE_JSON)
				.build());
		assertThat(translation.task()).isEqualTo("translate");
		assertThat(translation.language()).isEqualTo("english");
		assertThat(translation.segments()).singleElement().satisfies((segment) -> {
			assertThat(segment.avgLogprob()).isNull();
			assertThat(segment.temperature()).isNull();
			assertThat(segment.tokens()).containsExactly(1, 2);
		});
	}

	private Transcription answer(String json) {
		emulator.enqueue(PATH, EmulatedResponse.raw(200, "application/json", json));
		return this.groq.audio()
			.transcribe(TranscriptionRequest.builder("whisper-large-v3", AudioFile.of(new byte[10], "a.wav"))
				.responseFormat(AudioResponseFormat.VERBOSE_JSON)
				.build());
	}

}
