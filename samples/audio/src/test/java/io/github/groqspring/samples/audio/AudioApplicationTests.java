package io.github.groqspring.samples.audio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import io.github.groqspring.test.AudioUpload;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AudioApplicationTests {

	static final String TRANSCRIPT = "Transcript: Emulated transcript of greeting.wav: 2.58 seconds of audio.";

	static final String DETAILS = "Language: English, duration: 2.58 s, segments: 1";

	static final String SEGMENT = "  [0.00 s - 2.58 s] Emulated transcript of greeting.wav: 2.58 seconds of audio.";

	static final String SPEECH = "Speech: 208,044 bytes of audio/wav, 4.33 s, written to ";

	@Test
	void runsOfflineUploadingTheShippedRecordingAndSpeakingTheSentenceToAFile(CapturedOutput output,
			@TempDir Path directory) throws Exception {
		Path speech = directory.resolve("out").resolve("speech.wav");
		try (ConfigurableApplicationContext context = run("--groq.emulator.enabled=true",
				"--audio.speech-file=" + speech)) {
			GroqEmulator emulator = context.getBean(GroqEmulator.class);
			assertThat(output).contains(TRANSCRIPT + "\n" + DETAILS + "\n" + SEGMENT + "\n" + SPEECH + speech);
			byte[] recording = new ClassPathResource(AudioApplication.RECORDING).getContentAsByteArray();
			AudioUpload upload = emulator.audio().lastUpload();
			assertThat(upload.path()).isEqualTo("/openai/v1/audio/transcriptions");
			assertThat(upload.partNames()).containsExactly("model", "language", "response_format",
					"timestamp_granularities[]", "file");
			assertThat(upload.field("model")).isEqualTo("whisper-large-v3-turbo");
			assertThat(upload.field("language")).isEqualTo("en");
			assertThat(upload.field("response_format")).isEqualTo("verbose_json");
			assertThat(upload.fields().get("timestamp_granularities[]")).isEqualTo(List.of("segment"));
			assertThat(upload.filename()).isEqualTo("greeting.wav");
			assertThat(upload.contentType()).isEqualTo("audio/wav");
			assertThat(upload.size()).isEqualTo(recording.length).isEqualTo(82_628);
			assertThat(upload.sha256()).isEqualTo(sha256(recording));
			RecordedRequest spoken = emulator.lastRequest();
			assertThat(spoken.path()).isEqualTo("/openai/v1/audio/speech");
			assertThat(spoken.bodyText()).isEqualTo("{\"model\":\"canopylabs/orpheus-v1-english\",\"input\":\""
					+ AudioApplication.SENTENCE + "\",\"voice\":\"troy\",\"response_format\":\"wav\"}");
			byte[] wav = Files.readAllBytes(speech);
			assertThat(wav).hasSize(208_044);
			assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
			assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
		}
	}

	@Test
	void mainExitsWhenDone(CapturedOutput output) {
		Assumptions.assumeTrue(System.getenv("GROQ_API_KEY") == null, "GROQ_API_KEY is set: main would call Groq");
		AudioApplication.main(new String[0]);
		assertThat(output).contains("No GROQ_API_KEY set: calling the embedded Groq emulator at http://127.0.0.1:")
			.contains(TRANSCRIPT)
			.contains(SPEECH + "target/speech.wav");
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(AudioApplication.class).main(AudioApplication.class).run(args);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
