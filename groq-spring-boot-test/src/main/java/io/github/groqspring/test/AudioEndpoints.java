package io.github.groqspring.test;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's audio endpoints: {@code POST /openai/v1/audio/transcriptions} and
 * {@code /translations} (multipart, the upload read as it arrives, never held whole) and
 * {@code POST /openai/v1/audio/speech} (JSON in, a WAV out).
 *
 * <p>Groq's wording where it was captured: a file without one of Groq's extensions
 * ("file must be one of the following types: [flac mp3 mp4 mpeg mpga m4a ogg opus wav
 * webm]", vercel/ai#6413), a prompt over 896 characters ("prompt length must be 896
 * characters or fewer, but provided prompt contains N characters", OpenWhispr#405), a
 * speech format other than WAV for Orpheus ("response_format must be one of [wav]"), and the
 * model errors (404 {@code model_not_found}, {@code model_decommissioned},
 * {@code model_terms_required}). The other refusals follow the shape of Groq's validation
 * messages, their text unconfirmed: an unknown field such as {@code service_tier} (Groq's
 * audio schemas allow no other field), a missing model or file, both a file and a URL, a
 * value out of range, an Orpheus input over 200 characters, an unknown voice, a model that
 * does not do the endpoint's task ({@code whisper-large-v3-turbo} does not translate, as
 * Groq's docs say), and the 413 of an upload over the limit (Groq's body for it is
 * unconfirmed).
 */
final class AudioEndpoints {

	static final String TRANSCRIPTIONS = "/openai/v1/audio/transcriptions";

	static final String TRANSLATIONS = "/openai/v1/audio/translations";

	static final String SPEECH = "/openai/v1/audio/speech";

	/** A recorded request keeps at most this much of an upload's body. */
	static final int RECORDED_BYTES = 1024 * 1024;

	static final Set<String> TYPES = new LinkedHashSet<>(
			List.of("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "opus", "wav", "webm"));

	private static final Set<String> TRANSCRIPTION_FIELDS = new LinkedHashSet<>(List.of("model", "file", "url",
			"language", "prompt", "response_format", "temperature", "timestamp_granularities[]"));

	private static final Set<String> TRANSLATION_FIELDS = new LinkedHashSet<>(
			List.of("model", "file", "url", "prompt", "response_format", "temperature"));

	private static final Set<String> SPEECH_FIELDS = new LinkedHashSet<>(
			List.of("model", "input", "voice", "response_format", "sample_rate", "speed"));

	private static final Set<String> FORMATS = new LinkedHashSet<>(List.of("json", "verbose_json", "text"));

	private static final Set<String> GRANULARITIES = new LinkedHashSet<>(List.of("word", "segment"));

	private static final Set<String> ENGLISH_VOICES = new LinkedHashSet<>(
			List.of("autumn", "diana", "hannah", "austin", "daniel", "troy"));

	private static final Set<String> ARABIC_VOICES = new LinkedHashSet<>(
			List.of("fahad", "sultan", "lulwa", "noura", "abdullah", "aisha"));

	private static final int HEADER_BYTES = 64 * 1024;

	private final EmulatedAudio audio;

	private final ServedModels models;

	AudioEndpoints(EmulatedAudio audio, ServedModels models) {
		this.audio = audio;
		this.models = models;
	}

	static boolean handles(String path) {
		return path.equals(TRANSCRIPTIONS) || path.equals(TRANSLATIONS) || path.equals(SPEECH);
	}

	/** Whether a request's upload is read as it arrives, instead of recorded whole first. */
	static boolean streams(String method, String path) {
		return method.equals("POST") && (path.equals(TRANSCRIPTIONS) || path.equals(TRANSLATIONS));
	}

	/**
	 * Read a transcription or translation as it arrives: the fields, the file's size, hash
	 * and header; the recorded request keeps the first {@value #RECORDED_BYTES} bytes of the
	 * body (all of it, for a smaller one).
	 */
	Exchange receive(HttpExchange http, Map<String, List<String>> headers, String requestId) throws IOException {
		Recording body = new Recording(http.getRequestBody());
		Received received;
		try {
			received = read(http.getRequestHeaders().getFirst("content-type"), body);
		}
		catch (IllegalArgumentException ex) {
			received = new Received(new LinkedHashMap<>(), new ArrayList<>(), null, null, 0, null, new byte[0], 0,
					String.valueOf(ex.getMessage()));
		}
		body.transferTo(java.io.OutputStream.nullOutputStream());
		RecordedRequest request = new RecordedRequest(http.getRequestMethod(), http.getRequestURI().getPath(),
				Map.copyOf(headers), body.recorded(), http.getRequestURI().getRawQuery(), requestId);
		Exchange exchange = new Exchange(request, requestId);
		exchange.audio(received);
		this.audio.received(new AudioUpload(request.path(), received.fields(), received.filename(),
				received.contentType(), received.size(), received.sha256(), received.partNames()));
		return exchange;
	}

	EmulatedResponse answer(Exchange exchange) {
		RecordedRequest request = exchange.request();
		if (!request.method().equals("POST")) {
			return WireFormat.methodNotAllowed(request);
		}
		if (request.path().equals(SPEECH)) {
			return speech(request);
		}
		Received received = exchange.audio();
		if (received == null) {
			return WireFormat.invalidRequest("Content-Type must be multipart/form-data");
		}
		return transcription(request.path().equals(TRANSLATIONS), received, exchange.requestId());
	}

	private EmulatedResponse transcription(boolean translation, Received received, String requestId) {
		if (received.problem() != null) {
			return WireFormat.invalidRequest(received.problem());
		}
		Set<String> known = translation ? TRANSLATION_FIELDS : TRANSCRIPTION_FIELDS;
		for (String name : received.partNames()) {
			if (!known.contains(name)) {
				return WireFormat.invalidRequest(Problems.unsupported(name, known));
			}
		}
		String model = received.field("model");
		EmulatedResponse refused = model(model, EmulatedModel.Capability.SPEECH_TO_TEXT,
				translation ? "translations" : "transcriptions");
		if (refused != null) {
			return refused;
		}
		if (translation && "whisper-large-v3-turbo".equals(model)) {
			return WireFormat.invalidRequest("The model `" + model + "` does not support translations");
		}
		boolean hasFile = received.partNames().contains("file");
		String url = received.field("url");
		if (hasFile == (url != null)) {
			return WireFormat.invalidRequest(hasFile ? "only one of 'file' or 'url' may be provided"
					: "one of 'file' or 'url' must be provided");
		}
		String problem = fields(received);
		if (problem != null) {
			return WireFormat.invalidRequest(problem);
		}
		String name = hasFile ? received.filename() : lastSegment(url);
		if (hasFile) {
			if (name == null || !TYPES.contains(extension(name))) {
				return WireFormat.invalidRequest("file must be one of the following types: " + Problems.list(TYPES));
			}
			if (received.size() > this.audio.maxUploadBytes()) {
				return EmulatedResponse.error(413, "invalid_request_error", "request_too_large",
						"Request Entity Too Large");
			}
		}
		double seconds = duration(received, hasFile);
		if (seconds < 0.01) {
			return WireFormat.invalidRequest("audio file is too short: the minimum length is 0.01 seconds");
		}
		String scripted = this.audio.scripted(name, received.sha256());
		String text = (scripted != null) ? scripted : Transcripts.emulated(translation, (name != null) ? name : "audio",
				seconds);
		return Transcripts.answer(translation, text, seconds, received, requestId);
	}

	private @Nullable EmulatedResponse model(@Nullable String model, EmulatedModel.Capability capability,
			String task) {
		if (model == null || model.isBlank()) {
			return WireFormat.invalidRequest("property 'model' is missing");
		}
		EmulatedModel served = this.models.get(model);
		if (served == null) {
			return ChatRequestValidator.modelNotFound(model);
		}
		if (this.models.decommissioned(model)) {
			return ChatRequestValidator.modelDecommissioned(model);
		}
		if (this.models.termsRequired(model)) {
			return ChatRequestValidator.termsRequired(model);
		}
		return served.can(capability) ? null
				: WireFormat.invalidRequest("The model `" + model + "` does not support " + task);
	}

	private static @Nullable String fields(Received received) {
		String format = received.field("response_format");
		if (format != null && !FORMATS.contains(format)) {
			return "'response_format' : value must be one of " + Problems.list(FORMATS);
		}
		String temperature = received.field("temperature");
		if (temperature != null) {
			try {
				double value = Double.parseDouble(temperature);
				if (!(value >= 0 && value <= 1)) {
					return "'temperature' : value must be between 0 and 1";
				}
			}
			catch (NumberFormatException ex) {
				return "'temperature' : value must be a number";
			}
		}
		String prompt = received.field("prompt");
		if (prompt != null && prompt.codePointCount(0, prompt.length()) > 896) {
			return "prompt length must be 896 characters or fewer, but provided prompt contains "
					+ prompt.codePointCount(0, prompt.length()) + " characters";
		}
		for (String granularity : received.fields().getOrDefault("timestamp_granularities[]", List.of())) {
			if (!GRANULARITIES.contains(granularity)) {
				return "'timestamp_granularities' : value must be one of " + Problems.list(GRANULARITIES);
			}
		}
		String language = received.field("language");
		if (language != null && language.isBlank()) {
			return "'language' : value must not be empty";
		}
		return null;
	}

	/** A WAV file's length from its header; another file at 16,000 bytes a second; a URL 10 s. */
	private static double duration(Received received, boolean hasFile) {
		if (!hasFile) {
			return 10;
		}
		Double wav = WavFiles.seconds(received.header(), received.headerLength(), received.size());
		return (wav != null) ? wav : received.size() / 16_000.0;
	}

	private EmulatedResponse speech(RecordedRequest request) {
		JsonNode body;
		try {
			body = request.json();
		}
		catch (JacksonException ex) {
			return WireFormat.invalidRequest("the request body is not valid JSON");
		}
		if (!body.isObject()) {
			return WireFormat.invalidRequest("the request body must be a JSON object");
		}
		for (String name : body.propertyNames()) {
			if (!SPEECH_FIELDS.contains(name)) {
				return WireFormat.invalidRequest(Problems.unsupported(name, SPEECH_FIELDS));
			}
		}
		String model = body.path("model").isString() ? body.get("model").asString() : null;
		EmulatedResponse refused = model(model, EmulatedModel.Capability.TEXT_TO_SPEECH, "text to speech");
		if (refused != null || model == null) {
			return (refused != null) ? refused : WireFormat.invalidRequest("property 'model' is missing");
		}
		if (!body.path("input").isString() || body.get("input").asString().isBlank()) {
			return WireFormat.invalidRequest("property 'input' is missing");
		}
		if (!body.path("voice").isString()) {
			return WireFormat.invalidRequest("property 'voice' is missing");
		}
		String input = body.get("input").asString();
		String voice = body.get("voice").asString();
		boolean orpheus = model.startsWith("canopylabs/orpheus");
		int length = input.codePointCount(0, input.length());
		if (orpheus && length > 200) {
			return WireFormat.invalidRequest("input length must be 200 characters or fewer, but provided input contains "
					+ length + " characters");
		}
		Set<String> voices = model.contains("arabic") ? ARABIC_VOICES : ENGLISH_VOICES;
		if (orpheus && !voices.contains(voice)) {
			return WireFormat.invalidRequest("voice must be one of " + Problems.list(voices));
		}
		String format = body.path("response_format").asString("wav");
		if (orpheus && !format.equals("wav")) {
			return WireFormat.invalidRequest("response_format must be one of [wav]");
		}
		JsonNode speed = body.get("speed");
		if (speed != null && !(speed.isNumber() && speed.asDouble() >= 0.5 && speed.asDouble() <= 5)) {
			return WireFormat.invalidRequest("'speed' : value must be between 0.5 and 5");
		}
		JsonNode sampleRate = body.get("sample_rate");
		if (sampleRate != null && !sampleRate.isIntegralNumber()) {
			return WireFormat.invalidRequest("'sample_rate' : value must be an integer");
		}
		return new EmulatedResponse(200, Map.of("content-type", "audio/wav"),
				WavFiles.speech(WavFiles.speechSeconds(input)), null, java.time.Duration.ZERO);
	}

	private static Received read(@Nullable String contentType, InputStream body) throws IOException {
		StreamedMultipart multipart = StreamedMultipart.of(contentType, body);
		Map<String, List<String>> fields = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		FileSink file = null;
		for (StreamedMultipart.Part part = multipart.next(); part != null; part = multipart.next()) {
			names.add(part.name());
			if (part.filename() != null) {
				if (file != null) {
					throw new IllegalArgumentException("only one file may be uploaded");
				}
				file = new FileSink(part);
				multipart.content(file);
			}
			else {
				fields.computeIfAbsent(part.name(), (key) -> new ArrayList<>()).add(multipart.text(64 * 1024));
			}
		}
		if (file == null) {
			return new Received(fields, names, null, null, 0, null, new byte[0], 0, null);
		}
		return new Received(fields, names, file.part.filename(), file.part.contentType(), file.size,
				HexFormat.of().formatHex(file.digest.digest()), file.header, file.headerLength, null);
	}

	private static @Nullable String lastSegment(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String path = url.replaceFirst("[?#].*$", "");
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		return (dot < 0) ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * What a transcription or translation request held.
	 *
	 * @param problem why the body could not be read, {@code null} when it could
	 */
	record Received(Map<String, List<String>> fields, List<String> partNames, @Nullable String filename,
			@Nullable String contentType, long size, @Nullable String sha256, byte[] header, int headerLength,
			@Nullable String problem) {

		@Nullable String field(String name) {
			List<String> values = this.fields.get(name);
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

	}

	/** Takes a file part as it arrives: its size, its hash and its first bytes. */
	private static final class FileSink implements StreamedMultipart.Sink {

		private final StreamedMultipart.Part part;

		private final MessageDigest digest = EmulatedAudio.digest();

		private final byte[] header = new byte[HEADER_BYTES];

		private int headerLength;

		private long size;

		FileSink(StreamedMultipart.Part part) {
			this.part = part;
		}

		@Override
		public void accept(byte[] bytes, int offset, int length) {
			this.digest.update(bytes, offset, length);
			int kept = Math.min(length, HEADER_BYTES - this.headerLength);
			System.arraycopy(bytes, offset, this.header, this.headerLength, kept);
			this.headerLength += kept;
			this.size += length;
		}

	}

	/** A request body that keeps its first {@value #RECORDED_BYTES} bytes as they are read. */
	private static final class Recording extends FilterInputStream {

		private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

		Recording(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int next = this.in.read();
			if (next >= 0 && this.recorded.size() < RECORDED_BYTES) {
				this.recorded.write(next);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read > 0 && this.recorded.size() < RECORDED_BYTES) {
				this.recorded.write(buffer, offset, Math.min(read, RECORDED_BYTES - this.recorded.size()));
			}
			return read;
		}

		byte[] recorded() {
			return this.recorded.toByteArray();
		}

	}

}
