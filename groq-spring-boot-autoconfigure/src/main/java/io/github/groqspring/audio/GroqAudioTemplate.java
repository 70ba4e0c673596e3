package io.github.groqspring.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.CallBudget;
import io.github.groqspring.internal.http.GroqHttpClient;
import io.github.groqspring.internal.http.GroqHttpClient.BinaryReader;
import io.github.groqspring.internal.http.GroqHttpClient.HttpResult;
import io.github.groqspring.internal.http.GroqHttpClient.OpenBody;
import io.github.groqspring.internal.http.MultipartBody;
import io.github.groqspring.internal.observation.GroqCallListener;
import io.github.groqspring.internal.observation.GroqCallObservation;
import io.github.groqspring.internal.observation.GroqObserver;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqOperationType;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * Groq's audio endpoints: transcriptions and translations of speech with Whisper models,
 * and speech from text. Obtain it from {@code GroqTemplate.audio()} (or
 * {@code audio(RequestOptions)} for one call's timeouts and retries): it shares the
 * template's HTTP client, retries, call budget and observations. Thread-safe.
 *
 * <p>Audio requests never carry a {@code service_tier}: Groq's audio endpoints take none
 * (its docs and SDKs list no tier for them), whatever {@code @GroqTier},
 * {@code GroqTierContext} or {@code groq.default-service-tier} say.
 *
 * <p>An upload streams from its source to the connection: a large file is never held in
 * memory. Groq's limits are checked before a byte is sent ({@link AudioLimits}; the prompt,
 * temperature and file name on the request). An upload is sent again only when Groq cannot
 * have processed it, since audio is billed by its length: a connection that could not be
 * made, or Groq's 429, 498, 500, 502 and 503; never after a read timeout or a connection
 * broken mid-way, and never for an {@link AudioFile#of(java.io.InputStream, String, long)
 * InputStream}, which is read once. Speech is retried as a chat completion is, for as long
 * as none of it has reached the caller. Each call is one observation ({@code transcription},
 * {@code translation}, {@code speech}) and counts its audio's seconds in
 * {@code groq.client.audio.duration}.
 *
 * <pre>{@code
 * Transcription text = groq.audio().transcribe(TranscriptionRequest
 *         .builder("whisper-large-v3-turbo", AudioFile.of(Path.of("meeting.m4a"))).build());
 * groq.audio().speak(SpeechRequest.builder("canopylabs/orpheus-v1-english", "Hello!", "troy").build(),
 *         Path.of("hello.wav"));
 * }</pre>
 */
public class GroqAudioTemplate {

	static final String TRANSCRIPTIONS = "/openai/v1/audio/transcriptions";

	static final String TRANSLATIONS = "/openai/v1/audio/translations";

	static final String SPEECH = "/openai/v1/audio/speech";

	private static final String OCTET_STREAM = "application/octet-stream";

	private final GroqHttpClient httpClient;

	private final GroqObserver observer;

	private final Supplier<CallBudget> budget;

	private final AudioLimits limits;

	/**
	 * Create a template. Internal: obtain it from {@code GroqTemplate.audio()} instead; this
	 * constructor takes the starter's internal types and may change without notice.
	 * @param httpClient the client that talks to Groq
	 * @param observer what wraps each call in an observation
	 * @param budget the budget of each call, its deadline starting when it is asked for
	 * @param limits the largest upload
	 */
	public GroqAudioTemplate(GroqHttpClient httpClient, GroqObserver observer, Supplier<CallBudget> budget,
			AudioLimits limits) {
		this.httpClient = httpClient;
		this.observer = observer;
		this.budget = budget;
		this.limits = limits;
	}

	/**
	 * This template with another upload limit, e.g. for an emulator or a proxy that takes
	 * larger files.
	 * @param limits the largest upload
	 * @return a copy sharing the HTTP client
	 */
	public GroqAudioTemplate withLimits(AudioLimits limits) {
		return new GroqAudioTemplate(this.httpClient, this.observer, this.budget, limits);
	}

	/**
	 * The limits checked before each upload.
	 * @return {@code groq.audio.max-upload-size}, {@link AudioLimits#DEFAULT} unless changed
	 */
	public AudioLimits getLimits() {
		return this.limits;
	}

	/**
	 * Transcribe speech into text in its own language.
	 * @param request the audio, the model and the options
	 * @return the text, and with {@code verbose_json} its segments, words, language and duration
	 * @throws AudioUploadTooLargeException when the file is larger than an upload may be
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	public Transcription transcribe(TranscriptionRequest request) {
		return upload(GroqOperationType.TRANSCRIPTION, TRANSCRIPTIONS, request.model(), request.file(),
				request.parts(), request.responseFormat());
	}

	/**
	 * Translate speech in any language into English text.
	 * @param request the audio, the model and the options
	 * @return the English text, and with {@code verbose_json} its segments and duration
	 * @throws AudioUploadTooLargeException when the file is larger than an upload may be
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	public Transcription translate(TranslationRequest request) {
		return upload(GroqOperationType.TRANSLATION, TRANSLATIONS, request.model(), request.file(), request.parts(),
				request.responseFormat());
	}

	/**
	 * Speak a text, the audio whole in memory.
	 * @param request the text, the model and the voice
	 * @return the audio
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	public SpeechAudio speak(SpeechRequest request) {
		HttpResult<Received<byte[]>> result = observeSpeech(request, (budget, listener) -> this.httpClient
			.postForBinary(SPEECH, request, request.model(), accept(request), budget, listener, new Reader<byte[]>() {

				@Override
				Received<byte[]> read(InputStream body, String contentType, WavMeter meter) throws IOException {
					ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
					copy(body, meter, out::write);
					return new Received<>(out.toByteArray(), contentType, meter);
				}

			}));
		Received<byte[]> received = result.body();
		return new SpeechAudio(received.value(), received.contentType(), received.duration(), result.metadata());
	}

	/**
	 * Speak a text into a stream, writing the audio as it arrives. The request is sent again
	 * (as a chat completion would be) only while none of the audio has been written.
	 * @param request the text, the model and the voice
	 * @param out where the audio goes; not closed
	 * @return what was written
	 * @throws UncheckedIOException when writing to {@code out} fails (not retried)
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	public SpeechResult speak(SpeechRequest request, OutputStream out) {
		HttpResult<Received<Long>> result = observeSpeech(request, (budget, listener) -> this.httpClient
			.postForBinary(SPEECH, request, request.model(), accept(request), budget, listener, new Reader<Long>() {

				private boolean delivered;

				@Override
				Received<Long> read(InputStream body, String contentType, WavMeter meter) throws IOException {
					copy(body, meter, (bytes, offset, length) -> {
						this.delivered = true;
						try {
							out.write(bytes, offset, length);
						}
						catch (IOException ex) {
							throw new UncheckedIOException("Could not write the speech to the caller's stream: "
									+ ex.getMessage(), ex);
						}
					});
					return new Received<>(meter.total(), contentType, meter);
				}

				@Override
				public boolean isRetryable() {
					return !this.delivered;
				}

			}));
		return result(result);
	}

	/**
	 * Speak a text into a file. The audio goes to a temporary file beside it first (a hidden
	 * {@code .part} file, created with the default permissions), moved into place once
	 * complete, so that the file never holds part of an answer; a failed call leaves the file
	 * as it was. The file's directory must exist.
	 * @param request the text, the model and the voice
	 * @param file the file to write, e.g. {@code hello.wav}; replaced if it exists
	 * @return what was written
	 * @throws UncheckedIOException when the file cannot be written
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 */
	public SpeechResult speak(SpeechRequest request, Path file) {
		Path target = file.toAbsolutePath();
		Path directory = target.getParent();
		Path partial;
		try {
			// Not Files.createTempFile, whose file is the owner's only: the speech keeps the
			// permissions any file the caller writes gets.
			partial = Files.createFile(((directory != null) ? directory : Path.of("."))
				.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the speech to " + file + ": " + ex.getMessage(), ex);
		}
		try {
			HttpResult<Received<Long>> result = observeSpeech(request, (budget, listener) -> this.httpClient
				.postForBinary(SPEECH, request, request.model(), accept(request), budget, listener, new Reader<Long>() {

					@Override
					Received<Long> read(InputStream body, String contentType, WavMeter meter) throws IOException {
						try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING,
								StandardOpenOption.WRITE)) {
							copy(body, meter, out::write);
						}
						return new Received<>(meter.total(), contentType, meter);
					}

				}));
			move(partial, target);
			return result(result);
		}
		finally {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ex) {
				// A leftover temporary file is harmless; the call's own outcome matters.
			}
		}
	}

	/**
	 * Speak a text and read the audio as it arrives. Waiting for Groq's answer is retried as
	 * a chat completion is; once the stream is handed over, nothing is, and each read waits
	 * at most {@code groq.read-timeout}.
	 * @param request the text, the model and the voice
	 * @return the audio; close it (try-with-resources) to release the connection
	 * @throws io.github.groqspring.error.GroqException when Groq or the network fails
	 * before the answer starts
	 */
	public SpeechStream stream(SpeechRequest request) {
		CallBudget budget = this.budget.get();
		GroqCallObservation call = this.observer
			.start(new GroqObservationContext(GroqOperationType.SPEECH, request.model(), null, true, null));
		try (Observation.Scope scope = call.openScope()) {
			HttpResult<OpenBody> result = this.httpClient.openBinary(SPEECH, request, request.model(),
					accept(request), budget, call);
			MediaType type = result.body().contentType();
			return new SpeechStream(result.body().body(), (type != null) ? type.toString() : OCTET_STREAM,
					result.metadata(), new SpeechStream.Listener() {

						@Override
						public void completed(@Nullable Duration duration) {
							if (duration != null) {
								call.audioProcessed(duration);
							}
							call.succeeded(result);
						}

						@Override
						public void failed(Throwable failure) {
							call.failed(failure);
						}

						@Override
						public void cancelled(ResponseMetadata metadata) {
							call.cancelled(metadata);
						}

					});
		}
		catch (RuntimeException ex) {
			call.failed(ex);
			throw ex;
		}
	}

	private Transcription upload(GroqOperationType operation, String path, String model, AudioFile file,
			List<MultipartBody.Part> parts, @Nullable AudioResponseFormat format) {
		if (file.url() == null && file.length() > this.limits.maxUploadBytes()) {
			throw new AudioUploadTooLargeException(file.filename(), file.length(), this.limits.maxUploadBytes());
		}
		CallBudget budget = this.budget.get();
		return this.observer.observe(() -> new GroqObservationContext(operation, model, null, false, null),
				(listener) -> {
					if (format == AudioResponseFormat.TEXT) {
						HttpResult<String> text = this.httpClient.postUpload(path, parts, String.class, model, budget,
								listener);
						return new HttpResult<>(Transcription.ofText(text.body(), text.metadata()), text.metadata());
					}
					HttpResult<TranscriptionBody> json = this.httpClient.postUpload(path, parts,
							TranscriptionBody.class, model, budget, listener);
					Duration duration = json.body().audioDuration();
					if (duration != null) {
						listener.audioProcessed(duration);
					}
					return new HttpResult<>(Transcription.of(json.body(), json.metadata()), json.metadata());
				})
			.body();
	}

	private <T> HttpResult<Received<T>> observeSpeech(SpeechRequest request, SpeechCall<T> call) {
		CallBudget budget = this.budget.get();
		return this.observer.observe(
				() -> new GroqObservationContext(GroqOperationType.SPEECH, request.model(), null, false, null),
				(listener) -> {
					HttpResult<Received<T>> result = call.send(budget, listener);
					Duration duration = result.body().duration();
					if (duration != null) {
						listener.audioProcessed(duration);
					}
					return result;
				});
	}

	private static SpeechResult result(HttpResult<Received<Long>> result) {
		Received<Long> received = result.body();
		return new SpeechResult(received.contentType(), received.value(), received.duration(), result.metadata());
	}

	/** What Groq's SDKs ask for: {@code audio/wav} for WAV, any audio otherwise. */
	private static MediaType accept(SpeechRequest request) {
		return request.responseFormat().equals(SpeechRequest.WAV) ? MediaType.parseMediaType("audio/wav")
				: MediaType.parseMediaType("audio/*");
	}

	private static void copy(InputStream body, WavMeter meter, Sink sink) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
			if (read > 0) {
				meter.update(buffer, 0, read);
				sink.write(buffer, 0, read);
			}
		}
	}

	private static void move(Path partial, Path target) {
		try {
			try {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the speech to " + target + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "GroqAudioTemplate[limits=" + this.limits + "]";
	}

	/** Sends a speech request within a budget, telling the listener about retries. */
	@FunctionalInterface
	private interface SpeechCall<T> {

		HttpResult<Received<T>> send(CallBudget budget, GroqCallListener listener);

	}

	/** Takes the bytes of the answer as they arrive. */
	@FunctionalInterface
	private interface Sink {

		void write(byte[] bytes, int offset, int length) throws IOException;

	}

	/** What a reader got from a speech answer. */
	private record Received<T>(T value, String contentType, @Nullable Duration duration) {

		Received(T value, String contentType, WavMeter meter) {
			this(value, contentType, meter.duration());
		}

	}

	/** Reads a speech answer, metering it; retryable unless it says otherwise. */
	private abstract static class Reader<T> implements BinaryReader<Received<T>> {

		@Override
		public Received<T> read(InputStream body, @Nullable MediaType contentType) throws IOException {
			return read(body, (contentType != null) ? contentType.toString() : OCTET_STREAM, new WavMeter());
		}

		abstract Received<T> read(InputStream body, String contentType, WavMeter meter) throws IOException;

		@Override
		public boolean isRetryable() {
			return true;
		}

	}

}
