package io.github.groqspring.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.RequestOptions;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.ModelTermsRequiredException;
import io.github.groqspring.test.AudioUpload;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What goes over the wire for each audio call (the multipart bodies byte for byte, the
 * speech JSON, the headers), and what comes back, against the emulator.
 */
class GroqAudioTemplateTests {

	static final String KEY = "gsk_audio_test_0123456789";

	static final String WHISPER = "whisper-large-v3-turbo";

	static final String ORPHEUS = "canopylabs/orpheus-v1-english";

	static final GroqEmulator emulator = GroqEmulator.start();

	static final byte[] MEMO = Wav.of(1.5, 16_000);

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(emulator.baseUrl())
		.apiKey(KEY)
		.defaultServiceTier(ServiceTier.FLEX)
		.build();

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
	void transcribeSendsEveryFieldInOrderTheFileLastAndNoServiceTierWhateverTheContextSays() {
		emulator.audio().transcript("memo.wav", "Hello from the Groq starter. It transcribes speech.");
		Transcription transcription = GroqTierContext.callWith(ServiceTier.PERFORMANCE,
				() -> this.groq.audio().transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(MEMO, "memo.wav"))
					.language("en")
					.prompt("Groq, Spring Boot")
					.responseFormat(AudioResponseFormat.VERBOSE_JSON)
					.temperature(0.2)
					.timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)
					.build()));
		RecordedRequest request = emulator.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/openai/v1/audio/transcriptions");
		String boundary = boundary(request);
		assertThat(boundary).matches("groq-[0-9a-f]{32}");
		assertThat(request.body()).isEqualTo(multipart(boundary, MEMO, "model", WHISPER, "language", "en", "prompt",
				"Groq, Spring Boot", "response_format", "verbose_json", "temperature", "0.2",
				"timestamp_granularities[]", "word", "timestamp_granularities[]", "segment"));
		assertThat(request.header("content-length")).isEqualTo(Integer.toString(request.body().length));
		assertThat(request.header("accept")).isEqualTo("application/json, text/plain");
		assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("transfer-encoding")).isNull();
		assertThat(request.bodyText()).doesNotContain("service_tier");
		AudioUpload upload = emulator.audio().lastUpload();
		assertThat(upload.partNames()).containsExactly("model", "language", "prompt", "response_format", "temperature",
				"timestamp_granularities[]", "timestamp_granularities[]", "file");
		assertThat(upload.contentType()).isEqualTo("audio/wav");
		assertThat(upload.size()).isEqualTo(MEMO.length);
		assertThat(transcription.text()).isEqualTo(" Hello from the Groq starter. It transcribes speech.");
		assertThat(transcription.task()).isEqualTo("transcribe");
		assertThat(transcription.language()).isEqualTo("English");
		assertThat(transcription.duration()).isEqualTo(Duration.ofMillis(1500));
		assertThat(transcription.words()).hasSize(8)
			.first()
			.isEqualTo(new TranscriptionWord("Hello", 0, 0.19));
		assertThat(transcription.words().get(7)).isEqualTo(new TranscriptionWord("speech.", 1.31, 1.5));
		assertThat(transcription.segments()).extracting(TranscriptionSegment::text)
			.containsExactly(" Hello from the Groq starter.", " It transcribes speech.");
		TranscriptionSegment second = transcription.segments().get(1);
		assertThat(second.id()).isEqualTo(1);
		assertThat(second.start()).isEqualTo(0.94);
		assertThat(second.end()).isEqualTo(1.5);
		assertThat(second.seek()).isEqualTo(94);
		assertThat(second.tokens()).hasSize(3);
		assertThat(second.avgLogprob()).isEqualTo(-0.2);
		assertThat(second.noSpeechProb()).isEqualTo(0.01);
		assertThat(transcription.metadata().status()).isEqualTo(200);
		assertThat(transcription.metadata().requestId()).isEqualTo(request.requestId());
		assertThat(transcription.metadata().requestedTier()).isNull();
		assertThat(transcription.metadata().attempts()).isEqualTo(1);
		assertThat(transcription.metadata().rateLimits().remainingRequests()).isNotNull();
	}

	@Test
	void aMinimalTranscriptionSendsTheModelAndTheFileAndReadsGroqsJsonAnswer() {
		Transcription transcription = this.groq.audio()
			.transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(MEMO, "memo.wav")).build());
		RecordedRequest request = emulator.lastRequest();
		assertThat(request.body()).isEqualTo(multipart(boundary(request), MEMO, "model", WHISPER));
		assertThat(transcription.text()).isEqualTo(" Emulated transcript of memo.wav: 1.5 seconds of audio.");
		assertThat(transcription.task()).isNull();
		assertThat(transcription.language()).isNull();
		assertThat(transcription.duration()).isNull();
		assertThat(transcription.segments()).isEmpty();
		assertThat(transcription.words()).isEmpty();
	}

	@Test
	void textResponseFormatReturnsGroqsPlainTextAsTheText() {
		emulator.audio().transcriptOfContent(MEMO, "Plain words.");
		Transcription transcription = this.groq.audio()
			.transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(MEMO, "other-name.wav"))
				.responseFormat(AudioResponseFormat.TEXT)
				.build());
		assertThat(transcription.text()).isEqualTo(" Plain words.");
		assertThat(transcription.segments()).isEmpty();
		assertThat(emulator.audio().lastUpload().field("response_format")).isEqualTo("text");
	}

	@Test
	void timestampsWithoutAFormatAskForVerboseJson() {
		TranscriptionRequest request = TranscriptionRequest.builder(WHISPER, AudioFile.of(MEMO, "memo.wav"))
			.timestampGranularities(TimestampGranularity.WORD)
			.build();
		assertThat(request.responseFormat()).isEqualTo(AudioResponseFormat.VERBOSE_JSON);
		Transcription transcription = this.groq.audio().transcribe(request);
		assertThat(transcription.words()).isNotEmpty();
		assertThat(transcription.segments()).isEmpty();
	}

	@Test
	void translateSendsNoLanguageNorTimestampsAndReadsTheEnglishText() {
		emulator.audio().transcript("rede.mp3", "Good morning, everyone.");
		byte[] mp3 = new byte[32_000];
		Transcription translation = this.groq.audio()
			.translate(TranslationRequest.builder("whisper-large-v3", AudioFile.of(mp3, "rede.mp3"))
				.prompt("A speech")
				.responseFormat(AudioResponseFormat.VERBOSE_JSON)
				.temperature(0)
				.build());
		RecordedRequest request = emulator.lastRequest();
		assertThat(request.path()).isEqualTo("/openai/v1/audio/translations");
		assertThat(request.body()).isEqualTo(multipart(boundary(request), "rede.mp3", "audio/mpeg", mp3, "model", "whisper-large-v3",
				"prompt", "A speech", "response_format", "verbose_json", "temperature", "0"));
		assertThat(translation.task()).isEqualTo("translate");
		assertThat(translation.language()).isEqualTo("english");
		assertThat(translation.duration()).isEqualTo(Duration.ofSeconds(2));
		assertThat(translation.text()).isEqualTo(" Good morning, everyone.");
		assertThat(translation.segments()).hasSize(1);
	}

	@Test
	void aUrlIsSentInPlaceOfTheFileAndItsSizeIsNotChecked() {
		GroqAudioTemplate audio = this.groq.audio().withLimits(new AudioLimits(1));
		Transcription transcription = audio.transcribe(
				TranscriptionRequest.builder(WHISPER, AudioFile.url("https://example.com/talks/keynote.m4a")).build());
		RecordedRequest request = emulator.lastRequest();
		String boundary = boundary(request);
		assertThat(request.bodyText()).isEqualTo("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + WHISPER + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://example.com/talks/keynote.m4a\r\n--"
				+ boundary + "--\r\n");
		assertThat(transcription.text()).isEqualTo(" Emulated transcript of keynote.m4a: 10 seconds of audio.");
	}

	@Test
	void aPathAResourceAndAStreamAreStreamedWithTheirNamesAndTypes(@TempDir Path directory) throws IOException {
		Path file = Files.write(directory.resolve("Meeting.M4A"), MEMO);
		this.groq.audio().transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(file)).build());
		assertThat(emulator.audio().lastUpload().filename()).isEqualTo("Meeting.M4A");
		assertThat(emulator.audio().lastUpload().contentType()).isEqualTo("audio/mp4");
		this.groq.audio()
			.transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(new ByteArrayResource(MEMO) {

				@Override
				public String getFilename() {
					return "clip.ogg";
				}

			})).build());
		assertThat(emulator.audio().lastUpload().contentType()).isEqualTo("audio/ogg");
		this.groq.audio()
			.transcribe(TranscriptionRequest
				.builder(WHISPER,
						AudioFile.of(new ByteArrayInputStream(MEMO), "live.webm", MEMO.length)
							.withContentType("audio/webm;codecs=opus"))
				.build());
		AudioUpload upload = emulator.audio().lastUpload();
		assertThat(upload.filename()).isEqualTo("live.webm");
		assertThat(upload.contentType()).isEqualTo("audio/webm;codecs=opus");
		assertThat(upload.size()).isEqualTo(MEMO.length);
		assertThat(upload.sha256()).isEqualTo(emulator.audio().uploads().get(0).sha256());
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeAByteIsSent() {
		GroqAudioTemplate audio = this.groq.audio().withLimits(new AudioLimits(MEMO.length - 1));
		assertThatExceptionOfType(AudioUploadTooLargeException.class)
			.isThrownBy(() -> audio.transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(MEMO, "memo.wav"))
				.build()))
			.withMessage("The audio file memo.wav is 48,044 bytes, more than the 48,043 bytes Groq takes "
					+ "as an upload (groq.audio.max-upload-size): split the recording, compress it (Groq downsamples to "
					+ "16 kHz mono anyway, so 16 kHz mono FLAC or Opus loses nothing), or host it and send "
					+ "AudioFile.url(...), which Groq fetches itself (up to 100 MB on paid plans)")
			.satisfies((ex) -> {
				assertThat(ex.getSize()).isEqualTo(48_044);
				assertThat(ex.getLimit()).isEqualTo(48_043);
			});
		assertThat(emulator.requests()).isEmpty();
		assertThat(this.groq.audio().getLimits()).isEqualTo(AudioLimits.DEFAULT);
		assertThat(AudioLimits.DEFAULT.maxUploadBytes()).isEqualTo(26_214_400);
	}

	@Test
	void aStreamThatHoldsOtherThanItsLengthFailsTheCallAndIsNotSentAgain() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.groq.audio()
				.transcribe(TranscriptionRequest
					.builder(WHISPER, AudioFile.of(new ByteArrayInputStream(MEMO), "memo.wav", MEMO.length + 10))
					.build()))
			.withMessage("The audio file memo.wav ended after 48044 of the 48054 bytes announced");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.groq.audio()
				.transcribe(TranscriptionRequest
					.builder(WHISPER, AudioFile.of(new ByteArrayInputStream(MEMO), "memo.wav", 100))
					.build()))
			.withMessage("The audio file memo.wav holds more than the 100 bytes announced");
	}

	@Test
	void groqsRefusalsAreTypedWithTheModelNamed() {
		assertThatExceptionOfType(GroqNotFoundException.class)
			.isThrownBy(() -> this.groq.audio()
				.transcribe(TranscriptionRequest.builder("whisper-small", AudioFile.of(MEMO, "memo.wav")).build()))
			.withMessageContaining("The model `whisper-small` does not exist or you do not have access to it.");
		assertThatExceptionOfType(GroqBadRequestException.class)
			.isThrownBy(() -> this.groq.audio()
				.translate(TranslationRequest.builder(WHISPER, AudioFile.of(MEMO, "memo.wav")).build()))
			.withMessage("Groq answered 400 Bad Request [type=invalid_request_error, code=null]: The model "
					+ "`whisper-large-v3-turbo` does not support translations (request "
					+ emulator.lastRequest().requestId() + ")");
		emulator.requireTermsAcceptance(ORPHEUS);
		assertThatExceptionOfType(ModelTermsRequiredException.class)
			.isThrownBy(() -> this.groq.audio().speak(SpeechRequest.builder(ORPHEUS, "Hi", "troy").build()))
			.satisfies((ex) -> assertThat(ex.getModel()).isEqualTo(ORPHEUS));
		emulator.requireApiKey("gsk_other");
		assertThatExceptionOfType(GroqAuthenticationException.class)
			.isThrownBy(() -> this.groq.audio()
				.transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(MEMO, "memo.wav")).build()))
			.withMessageNotContaining(KEY);
	}

	@Test
	void speakSendsGroqsJsonAndReturnsAWavOfTheTextsLength() {
		String input = "Welcome to Orpheus text-to-speech. [cheerful] This is an example.";
		SpeechAudio speech = GroqTierContext.callWith(ServiceTier.FLEX,
				() -> this.groq.audio().speak(SpeechRequest.builder(ORPHEUS, input, "troy").build()));
		RecordedRequest request = emulator.lastRequest();
		assertThat(request.path()).isEqualTo("/openai/v1/audio/speech");
		assertThat(request.bodyText()).isEqualTo("{\"model\":\"canopylabs/orpheus-v1-english\",\"input\":\""
				+ input + "\",\"voice\":\"troy\",\"response_format\":\"wav\"}");
		assertThat(request.header("content-type")).isEqualTo("application/json");
		assertThat(request.header("accept")).isEqualTo("audio/wav");
		assertThat(speech.contentType()).isEqualTo("audio/wav");
		assertThat(new String(speech.audio(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(new String(speech.audio(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
		// 65 characters at the emulator's 15 a second: 4.33 s at 24 kHz, 16-bit mono.
		assertThat(speech.audio()).hasSize(44 + 104_000 * 2);
		assertThat(speech.duration()).isEqualTo(Duration.ofNanos(4_333_333_333L));
		assertThat(speech.metadata().requestId()).isEqualTo(request.requestId());
	}

	@Test
	void speakSendsSampleRateAndSpeedOnlyWhenSet() {
		this.groq.audio()
			.speak(SpeechRequest.builder(ORPHEUS, "Hi", "hannah").sampleRate(24_000).speed(1.25).build());
		assertThat(emulator.lastRequest().bodyText()).isEqualTo("{\"model\":\"canopylabs/orpheus-v1-english\","
				+ "\"input\":\"Hi\",\"voice\":\"hannah\",\"response_format\":\"wav\",\"sample_rate\":24000,\"speed\":1.25}");
	}

	@Test
	void speakWritesToAStreamOrAFileAsTheAudioArrives(@TempDir Path directory) throws IOException {
		byte[] whole = this.groq.audio().speak(SpeechRequest.builder(ORPHEUS, "Two seconds of speech.", "daniel").build())
			.audio();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SpeechResult written = this.groq.audio()
			.speak(SpeechRequest.builder(ORPHEUS, "Two seconds of speech.", "daniel").build(), out);
		assertThat(out.toByteArray()).isEqualTo(whole);
		assertThat(written.bytes()).isEqualTo(whole.length);
		assertThat(written.contentType()).isEqualTo("audio/wav");
		assertThat(written.duration()).isEqualTo(Duration.ofNanos(1_466_666_667));
		Path file = directory.resolve("hello.wav");
		Files.writeString(file, "an older file");
		SpeechResult saved = this.groq.audio()
			.speak(SpeechRequest.builder(ORPHEUS, "Two seconds of speech.", "daniel").build(), file);
		assertThat(Files.readAllBytes(file)).isEqualTo(whole);
		assertThat(saved.bytes()).isEqualTo(whole.length);
		try (var files = Files.list(directory)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void aSpokenFileGetsTheDefaultPermissionsNotATemporaryFilesOwnerOnlyOnes(@TempDir Path directory)
			throws IOException {
		boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
		org.junit.jupiter.api.Assumptions.assumeTrue(posix, "a POSIX file system");
		Path reference = Files.createFile(directory.resolve("reference"));
		Path file = directory.resolve("new.wav");
		this.groq.audio().speak(SpeechRequest.builder(ORPHEUS, "Hi", "troy").build(), file);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
		try (var files = Files.list(directory)) {
			assertThat(files).containsExactlyInAnyOrder(reference, file);
		}
	}

	@Test
	void aFailedSpeechLeavesTheFileAsItWas(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("hello.wav"), "an older file");
		emulator.enqueue("/openai/v1/audio/speech",
				EmulatedResponse.error(400, "invalid_request_error", null, "response_format must be one of [wav]"));
		assertThatExceptionOfType(GroqBadRequestException.class)
			.isThrownBy(() -> this.groq.audio().speak(SpeechRequest.builder(ORPHEUS, "Hi", "troy").build(), file));
		assertThat(Files.readString(file)).isEqualTo("an older file");
		try (var files = Files.list(directory)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void aSpeechStreamIsReadAsItArrivesAndKnowsItsLength() throws IOException {
		byte[] whole = this.groq.audio().speak(SpeechRequest.builder(ORPHEUS, "Read me as I arrive.", "autumn").build())
			.audio();
		try (SpeechStream stream = this.groq.audio()
			.stream(SpeechRequest.builder(ORPHEUS, "Read me as I arrive.", "autumn").build())) {
			assertThat(stream.contentType()).isEqualTo("audio/wav");
			assertThat(stream.metadata().status()).isEqualTo(200);
			assertThat(stream.duration()).isNull();
			byte[] first = stream.readNBytes(100);
			assertThat(first).isEqualTo(java.util.Arrays.copyOf(whole, 100));
			assertThat(stream.duration()).isEqualTo(Duration.ofNanos(Math.round(56 * 1e9 / 48_000)));
			byte[] rest = stream.readAllBytes();
			assertThat(first.length + rest.length).isEqualTo(whole.length);
			assertThat(stream.duration()).isEqualTo(Duration.ofNanos(Math.round(20 / 15.0 * 1e9)));
		}
	}

	@Test
	void orpheusLimitsAreCheckedBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpeechRequest.builder(ORPHEUS, "x".repeat(201), "troy").build())
			.withMessage("canopylabs/orpheus-v1-english speaks at most 200 characters per request (Groq's limit), the "
					+ "input has 201: split the text and speak each part");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpeechRequest.builder(ORPHEUS, "Hi", "troy").responseFormat("mp3").build())
			.withMessage("canopylabs/orpheus-v1-english answers only in wav (Groq's docs), not mp3");
		assertThat(SpeechRequest.builder("some/other-tts", "y".repeat(500), "v").responseFormat("mp3").build().input())
			.hasSize(500);
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void aFlexFallbackHasNoMeaningForAudio() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.groq.audio(RequestOptions.builder().flexFallbackTier(ServiceTier.ON_DEMAND).build()))
			.withMessage("Audio calls carry no service tier (Groq's audio endpoints take none), so a flex fallback "
					+ "tier has no meaning for them: leave flexFallbackTier unset");
		assertThat(this.groq.audio()).isSameAs(this.groq.audio());
	}

	@Test
	void anInputStreamResourceIsRefusedWithWhatToUseInstead() {
		InputStream in = new ByteArrayInputStream(MEMO);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AudioFile.of(new InputStreamResource(in), "memo.wav"))
			.withMessageEndingWith(" is a stream that can be read only once and has no length: use "
					+ "AudioFile.of(stream, \"memo.wav\", length)");
	}

	static String boundary(RecordedRequest request) {
		Matcher matcher = Pattern.compile("^multipart/form-data;\\s*boundary=(\\S+)$")
			.matcher(String.valueOf(request.header("content-type")));
		assertThat(matcher.matches()).as(request.header("content-type")).isTrue();
		return matcher.group(1);
	}

	/** The multipart body of text fields then the file {@code memo.wav}. */
	static byte[] multipart(String boundary, byte[] file, String... fields) {
		return multipart(boundary, "memo.wav", "audio/wav", file, fields);
	}

	/** The multipart body of text fields then a file. */
	static byte[] multipart(String boundary, String name, String type, byte[] file, String... fields) {
		StringBuilder head = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
				.append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
		}
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(name).append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

}
