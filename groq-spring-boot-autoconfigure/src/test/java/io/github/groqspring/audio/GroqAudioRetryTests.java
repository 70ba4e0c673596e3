package io.github.groqspring.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.error.FlexCapacityExceededException;
import io.github.groqspring.error.GroqRateLimitException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When an audio call is sent again: an upload only when Groq cannot have processed it (a
 * connection never made, 429, 498, 500, 502, 503), never from a one-shot stream; speech as a
 * chat completion, while none of it has reached the caller.
 */
class GroqAudioRetryTests {

	private static final String TRANSCRIPTIONS = "/openai/v1/audio/transcriptions";

	private static final String SPEECH = "/openai/v1/audio/speech";

	private static final byte[] MEMO = Wav.of(0.5, 16_000);

	private static final RetrySettings FAST = new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(1),
			Duration.ofSeconds(1));

	private final GroqEmulator emulator = GroqEmulator.start();

	private final GroqTemplate groq = GroqTemplate.builder().baseUrl(this.emulator.baseUrl()).retry(FAST).build();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
		this.emulator.close();
	}

	@Test
	void anUploadIsSentAgainAfterStatusesThatSayNothingWasProcessed(@TempDir Path directory) throws IOException {
		Path file = Files.write(directory.resolve("memo.wav"), MEMO);
		for (int status : new int[] { 429, 498, 500, 502, 503 }) {
			this.emulator.reset();
			this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.error(status, "server_error", null, "try again"));
			Transcription transcription = transcribe(AudioFile.of(file));
			assertThat(transcription.metadata().attempts()).as("after %d", status).isEqualTo(2);
			assertThat(this.emulator.audio().uploads()).as("after %d", status).hasSize(2)
				.allSatisfy((upload) -> assertThat(upload.size()).isEqualTo(MEMO.length));
		}
	}

	@Test
	void anUploadIsNotSentAgainAfterStatusesThatMayHaveBeenProcessed() {
		for (int status : new int[] { 408, 409, 504 }) {
			this.emulator.reset();
			this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.error(status, "server_error", null, "maybe done"));
			assertThatExceptionOfType(io.github.groqspring.error.GroqApiException.class)
				.isThrownBy(() -> transcribe(AudioFile.of(MEMO, "memo.wav")))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(status))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
			assertThat(this.emulator.audio().uploads()).as("after %d", status).hasSize(1);
		}
	}

	@Test
	void groqsShouldRetryFalseVetoesARetry() {
		this.emulator.enqueue(TRANSCRIPTIONS,
				EmulatedResponse.error(503, "server_error", null, "down").withHeader("x-should-retry", "false"));
		assertThatExceptionOfType(GroqServerException.class).isThrownBy(() -> transcribe(AudioFile.of(MEMO, "memo.wav")));
		assertThat(this.emulator.audio().uploads()).hasSize(1);
	}

	@Test
	void aOneShotStreamIsNeverSentAgainNotEvenAfterA503() {
		this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.error(503, "server_error", null, "down"));
		assertThatExceptionOfType(GroqServerException.class)
			.isThrownBy(() -> transcribe(AudioFile.of(new ByteArrayInputStream(MEMO), "memo.wav", MEMO.length)))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(this.emulator.audio().uploads()).hasSize(1);
		this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.rateLimited(0));
		assertThatExceptionOfType(GroqRateLimitException.class)
			.isThrownBy(() -> transcribe(AudioFile.of(new ByteArrayInputStream(MEMO), "memo.wav", MEMO.length)));
		assertThat(this.emulator.audio().uploads()).hasSize(2);
	}

	@Test
	void aConnectionThatCouldNotBeMadeIsTriedAgainAndOneBrokenMidwayIsNot() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (GroqTemplate nowhere = GroqTemplate.builder().baseUrl("http://127.0.0.1:" + closedPort).retry(FAST).build()) {
			assertThatExceptionOfType(GroqTransportException.class)
				.isThrownBy(() -> nowhere.audio()
					.transcribe(TranscriptionRequest.builder("whisper-large-v3", AudioFile.of(MEMO, "memo.wav")).build()))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
		}
		this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.raw(200, "application/json", "{\"text\":\" cut short\"}")
			.withFault(EmulatedResponse.Fault.RESET_MID_BODY, Duration.ZERO));
		assertThatExceptionOfType(GroqTransportException.class)
			.isThrownBy(() -> transcribe(AudioFile.of(MEMO, "memo.wav")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(this.emulator.audio().uploads()).hasSize(1);
	}

	@Test
	void aReadTimeoutAfterTheUploadIsNotSentAgain() {
		this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.noAnswer());
		GroqAudioTemplate audio = this.groq.audio(RequestOptions.builder().readTimeout(Duration.ofMillis(300)).build());
		assertThatExceptionOfType(GroqTimeoutException.class)
			.isThrownBy(() -> audio.transcribe(TranscriptionRequest.builder("whisper-large-v3",
					AudioFile.of(MEMO, "memo.wav")).build()))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(this.emulator.audio().uploads()).hasSize(1);
	}

	@Test
	void perCallOptionsBoundRetries() {
		this.emulator.enqueue(TRANSCRIPTIONS, EmulatedResponse.error(503, "server_error", null, "down"));
		GroqAudioTemplate audio = this.groq.audio(RequestOptions.builder().maxRetries(0).build());
		assertThatExceptionOfType(GroqServerException.class)
			.isThrownBy(() -> audio.transcribe(TranscriptionRequest.builder("whisper-large-v3",
					AudioFile.of(MEMO, "memo.wav")).build()));
		assertThat(this.emulator.audio().uploads()).hasSize(1);
	}

	@Test
	void speechIsRetriedAsAChatCompletionIs() {
		this.emulator.enqueue(SPEECH, EmulatedResponse.error(504, "server_error", null, "slow"));
		this.emulator.enqueue(SPEECH, EmulatedResponse.flexCapacityExceeded());
		SpeechAudio speech = this.groq.audio().speak(request());
		assertThat(speech.metadata().attempts()).isEqualTo(3);
		assertThat(this.emulator.requests()).hasSize(3);
	}

	@Test
	void speechInMemoryIsRetriedWhenItsBodyBreaksButSpeechAlreadyWrittenIsNot() {
		this.emulator.enqueue(SPEECH, EmulatedResponse.raw(200, "audio/wav", "RIFF....WAVEfmt half of a wav")
			.withFault(EmulatedResponse.Fault.RESET_MID_BODY, Duration.ZERO));
		SpeechAudio speech = this.groq.audio().speak(request());
		assertThat(speech.metadata().attempts()).isEqualTo(2);
		this.emulator.reset();
		this.emulator.enqueue(SPEECH, EmulatedResponse.raw(200, "audio/wav", "RIFF....WAVEfmt half of a wav")
			.withFault(EmulatedResponse.Fault.RESET_MID_BODY, Duration.ZERO));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThatExceptionOfType(GroqTransportException.class)
			.isThrownBy(() -> this.groq.audio().speak(request(), out))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		assertThat(out.toString()).isEqualTo("RIFF....WAVEfm");
		assertThat(this.emulator.requests()).hasSize(1);
	}

	@Test
	void speechWrittenToAStreamIsRetriedWhileNothingWasWritten() {
		this.emulator.enqueue(SPEECH, EmulatedResponse.flexCapacityExceeded());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SpeechResult result = this.groq.audio().speak(request(), out);
		assertThat(result.metadata().attempts()).isEqualTo(2);
		assertThat(out.size()).isEqualTo(result.bytes()).isGreaterThan(44);
		assertThatExceptionOfType(FlexCapacityExceededException.class).isThrownBy(() -> {
			for (int i = 0; i < 3; i++) {
				this.emulator.enqueue(SPEECH, EmulatedResponse.flexCapacityExceeded());
			}
			this.groq.audio().stream(request()).close();
		}).satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
	}

	private Transcription transcribe(AudioFile file) {
		return this.groq.audio().transcribe(TranscriptionRequest.builder("whisper-large-v3", file).build());
	}

	private static SpeechRequest request() {
		return SpeechRequest.builder("canopylabs/orpheus-v1-english", "Hello again.", "troy").build();
	}

}
