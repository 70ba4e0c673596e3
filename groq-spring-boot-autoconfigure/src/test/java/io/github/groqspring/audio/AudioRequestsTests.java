package io.github.groqspring.audio;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Groq's limits on audio requests, checked when they are built. */
class AudioRequestsTests {

	private static final AudioFile MEMO = AudioFile.of(new byte[] { 1, 2, 3 }, "memo.wav");

	@Test
	void aFileNameWithoutOneOfGroqsExtensionsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new byte[] { 1 }, "recording"))
			.withMessage("Groq tells an audio file's type by its name, which must end in one of flac, mp3, mp4, mpeg, "
					+ "mpga, m4a, ogg, opus, wav, webm; 'recording' does not: name it after its type, e.g. recording.wav");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new byte[] { 1 }, "notes.txt"))
			.withMessageContaining("'notes.txt' does not");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new byte[] { 1 }, "a\"b.wav"))
			.withMessage("An audio file name must not contain '\"', CR or LF, was a\"b.wav");
		assertThat(AudioFile.of(new byte[] { 1 }, "Voice.OPUS").contentType()).isEqualTo("audio/opus");
	}

	@Test
	void emptyOrMissingFilesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(new byte[0], "memo.wav"))
			.withMessage("The audio file memo.wav is empty (0 bytes)");
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.of(Path.of("/nowhere/memo.wav")))
			.withMessageStartingWith("Cannot read the audio file /nowhere/memo.wav: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AudioFile.of(new java.io.ByteArrayInputStream(new byte[0]), "memo.wav", 0))
			.withMessage("The audio file memo.wav is empty (0 bytes)");
	}

	@Test
	void aUrlHasNoPartOfItsOwn() {
		AudioFile url = AudioFile.url("https://example.com/a.mp3");
		assertThat(url.url()).isEqualTo("https://example.com/a.mp3");
		assertThat(url.length()).isEqualTo(-1);
		assertThat(url.isRepeatable()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> url.withContentType("audio/mpeg"));
		assertThatIllegalArgumentException().isThrownBy(() -> AudioFile.url(" "));
	}

	@Test
	void onlyAStreamIsNotRepeatable() {
		assertThat(MEMO.isRepeatable()).isTrue();
		assertThat(AudioFile.of(new java.io.ByteArrayInputStream(new byte[3]), "memo.wav", 3).isRepeatable()).isFalse();
	}

	@Test
	void aPromptOverGroqsLimitIsRefusedCountingCharactersNotBytes() {
		assertThat(TranscriptionRequest.builder("whisper-large-v3", MEMO).prompt("é".repeat(896)).build().prompt())
			.hasSize(896);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder("whisper-large-v3", MEMO).prompt("x".repeat(904)).build())
			.withMessage("prompt must be 896 characters or fewer (Groq's limit), was 904: shorten it");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranslationRequest.builder("whisper-large-v3", MEMO).prompt("x".repeat(897)).build())
			.withMessage("prompt must be 896 characters or fewer (Groq's limit), was 897: shorten it");
	}

	@Test
	void temperatureAndTimestampsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder("whisper-large-v3", MEMO).temperature(1.5).build())
			.withMessage("temperature must be between 0 and 1, was 1.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder("whisper-large-v3", MEMO)
				.responseFormat(AudioResponseFormat.JSON)
				.timestampGranularities(TimestampGranularity.WORD)
				.build())
			.withMessage("Timestamps come only with response_format verbose_json, not JSON: set "
					+ "responseFormat(AudioResponseFormat.VERBOSE_JSON) or leave it unset");
		assertThat(TranscriptionRequest.builder("whisper-large-v3", MEMO)
			.timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.WORD)
			.build()
			.timestampGranularities()).containsExactly(TimestampGranularity.WORD);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder(" ", MEMO).build())
			.withMessage("model must not be blank: name a speech-to-text model such as whisper-large-v3-turbo");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptionRequest.builder("whisper-large-v3", MEMO).language("").build())
			.withMessageStartingWith("language must not be blank");
	}

	@Test
	void speechFieldsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpeechRequest.builder("canopylabs/orpheus-v1-english", " ", "troy").build())
			.withMessage("input must not be blank: it is the text to speak");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpeechRequest.builder("canopylabs/orpheus-v1-english", "Hi", "troy").speed(6).build())
			.withMessage("speed must be between 0.5 and 5, was 6.0");
		assertThat(SpeechRequest.builder("canopylabs/orpheus-v1-english", "😀".repeat(200), "troy").build().input())
			.hasSize(400);
	}

}
