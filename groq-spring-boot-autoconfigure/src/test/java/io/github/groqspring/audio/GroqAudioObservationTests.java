package io.github.groqspring.audio;

import java.io.IOException;
import java.util.List;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.observation.GroqMeterObservationHandler;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Each audio call is one observation of its operation, and its audio's seconds are counted. */
class GroqAudioObservationTests {

	private static final String WHISPER = "whisper-large-v3";

	private static final String ORPHEUS = "canopylabs/orpheus-v1-english";

	private final GroqEmulator emulator = GroqEmulator.start();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final List<GroqObservationContext> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final GroqTemplate groq;

	GroqAudioObservationTests() {
		this.registry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new GroqMeterObservationHandler(this.meters))
			.observationHandler(new ObservationHandler<GroqObservationContext>() {

				@Override
				public void onStop(GroqObservationContext context) {
					GroqAudioObservationTests.this.stopped.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof GroqObservationContext;
				}

			});
		this.groq = GroqTemplate.builder()
			.retry(RetrySettings.NONE)
			.baseUrl(this.emulator.baseUrl())
			.defaultServiceTier(ServiceTier.FLEX)
			.observationRegistry(this.registry)
			.build();
	}

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
		this.emulator.close();
	}

	@Test
	void aVerboseTranscriptionIsObservedWithItsModelNoTierAndItsSecondsCounted() {
		this.groq.audio()
			.transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(Wav.of(2.5, 16_000), "memo.wav"))
				.responseFormat(AudioResponseFormat.VERBOSE_JSON)
				.build());
		this.groq.audio()
			.translate(TranslationRequest.builder(WHISPER, AudioFile.of(Wav.of(1, 16_000), "memo.wav"))
				.responseFormat(AudioResponseFormat.VERBOSE_JSON)
				.build());
		this.groq.audio().transcribe(TranscriptionRequest.builder(WHISPER, AudioFile.of(Wav.of(7, 16_000), "x.wav")).build());
		assertThat(this.stopped).extracting(GroqObservationContext::getOperationName)
			.containsExactly("transcription", "translation", "transcription");
		assertThat(this.stopped).allSatisfy((context) -> {
			assertThat(context.getRequestModel()).isEqualTo(WHISPER);
			assertThat(context.getRequestedTier()).isNull();
			assertThat(context.getStatusCode()).isEqualTo(200);
			assertThat(context.getGroqRequestId()).startsWith("req_01");
		});
		assertThat(this.stopped.get(2).getAudioDuration()).as("json carries no duration").isNull();
		assertThat(this.meters.get("groq.client.audio.duration")
			.tag("gen_ai.operation.name", "transcription")
			.tag("gen_ai.request.model", WHISPER)
			.tag("groq.request.service_tier", "none")
			.counter()
			.count()).isEqualTo(2.5);
		assertThat(this.meters.get("groq.client.audio.duration").tag("gen_ai.operation.name", "translation").counter()
			.count()).isEqualTo(1.0);
		assertThat(this.meters.get("groq.client.audio.duration").counter().getId().getBaseUnit()).isEqualTo("seconds");
		assertThat(this.meters.get("groq.client.operation").tag("gen_ai.operation.name", "transcription")
			.tag("outcome", "SUCCESS").timer().count()).isEqualTo(2);
	}

	@Test
	void speechIsObservedAndItsSecondsCountedForEveryWayOfReadingIt() throws IOException {
		SpeechRequest request = SpeechRequest.builder(ORPHEUS, "Fifteen chars!!", "troy").build();
		this.groq.audio().speak(request);
		this.groq.audio().speak(request, java.io.OutputStream.nullOutputStream());
		try (SpeechStream stream = this.groq.audio().stream(request)) {
			assertThat(this.stopped).hasSize(2);
			stream.readAllBytes();
		}
		try (SpeechStream stream = this.groq.audio().stream(request)) {
			stream.readNBytes(10);
		}
		assertThat(this.stopped).extracting(GroqObservationContext::getOperationName).containsOnly("speech");
		assertThat(this.stopped).extracting(GroqObservationContext::isStream).containsExactly(false, false, true, true);
		assertThat(this.meters.get("groq.client.audio.duration").tag("gen_ai.operation.name", "speech").counter().count())
			.isEqualTo(3.0);
		assertThat(this.meters.get("groq.client.operation").tag("outcome", "CANCELLED").timer().count()).isEqualTo(1);
		assertThat(this.meters.get("groq.client.operation").tag("outcome", "SUCCESS").tag("groq.stream", "false").timer()
			.count()).isEqualTo(2);
		assertThat(this.meters.get("groq.client.operation").tag("outcome", "SUCCESS").tag("groq.stream", "true").timer()
			.count()).isEqualTo(1);
	}

	@Test
	void aRefusedCallIsObservedWithItsError() {
		assertThatExceptionOfType(GroqNotFoundException.class).isThrownBy(() -> this.groq.audio()
			.speak(SpeechRequest.builder("canopylabs/orpheus-v9", "Hi", "troy").build()));
		assertThat(this.meters.get("groq.client.operation").tag("gen_ai.operation.name", "speech")
			.tag("outcome", "CLIENT_ERROR").tag("http.response.status_code", "404").timer().count()).isEqualTo(1);
		assertThat(this.meters.find("groq.client.audio.duration").counter()).isNull();
	}

}
