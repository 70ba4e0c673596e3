package io.github.groqspring.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A local Groq: speaks Groq's wire format for chat completions, models, files, batches and
 * audio on a random loopback port, answers deterministically, records every request, and plays
 * scripted answers and failures. Validates like Groq does (properties per role, ranges,
 * enums, model limits from {@link GroqModelCatalogue}, tools, response formats, tiers), so a
 * request Groq refuses is refused here too, with Groq's status and error body. This class
 * routes each request to the handler of its endpoint family ({@code ChatCompletions},
 * {@code Models}, {@code EmulatedFiles}, {@link Batches}, {@code AudioEndpoints}).
 *
 * <pre>{@code
 * try (GroqEmulator groq = GroqEmulator.start()) {
 *     groq.enqueue(EmulatedResponse.flexCapacityExceeded());
 *     // point groq.base-url at groq.baseUrl()
 * }
 * }</pre>
 */
public final class GroqEmulator implements AutoCloseable {

	/** The path of chat completions. */
	public static final String CHAT_COMPLETIONS = "/openai/v1/chat/completions";

	/** The path of the model list. */
	public static final String MODELS = "/openai/v1/models";

	static {
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the
		// client's delayed ACK: every answer would take about 40 ms instead of well under 1 ms.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Map<String, ConcurrentLinkedQueue<EmulatedResponse>> scripted = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<EmulatedStream> scriptedStreams = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<StreamOutcome> streamOutcomes = new LinkedBlockingQueue<>();

	private final ServedModels models = new ServedModels();

	private final List<ChatStub.Rule> stubs = new CopyOnWriteArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final ChatCompletions chat = new ChatCompletions(this, this.models);

	private final Batches batches = new Batches(this.chat);

	private final EmulatedAudio audio = new EmulatedAudio();

	private final AudioEndpoints audioEndpoints = new AudioEndpoints(this.audio, this.models);

	/** The endpoint families besides chat completions: a new family is a handler and a route here. */
	private final List<Route> routes = List.of(new Route(EmulatedFiles::handles, this.batches.files()::answer),
			new Route(BatchesEndpoint::handles, new BatchesEndpoint(this.batches)::answer),
			new Route(Models::handles, new Models(this.models)::answer));

	/** Endpoint families that read the exchange itself (an upload read as it arrives). */
	private final List<ExchangeRoute> exchangeRoutes = List
		.of(new ExchangeRoute(AudioEndpoints::handles, this.audioEndpoints::answer));

	private volatile @Nullable String requiredApiKey;

	private volatile @Nullable Function<RecordedRequest, String> replies;

	private GroqEmulator(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Start an emulator on a free loopback port.
	 * @return the running emulator; close it to stop it
	 */
	public static GroqEmulator start() {
		return start(0);
	}

	/**
	 * Start an emulator on a given loopback port.
	 * @param port the port, 0 for any free one
	 * @return the running emulator
	 */
	public static GroqEmulator start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
			ExecutorService executor = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "groq-emulator");
				thread.setDaemon(true);
				return thread;
			});
			GroqEmulator emulator = new GroqEmulator(server, executor);
			server.createContext("/", emulator::handle);
			server.setExecutor(executor);
			server.start();
			return emulator;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the Groq emulator on port " + port, ex);
		}
	}

	/**
	 * The URL to set as {@code groq.base-url}.
	 * @return e.g. {@code http://127.0.0.1:54321}
	 */
	public String baseUrl() {
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":" + port();
	}

	/**
	 * The port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Answer the next chat completion with this instead of the usual reply. Scripted
	 * answers are played in order, one per request. A scripted reply or tool call is sent
	 * only if the request passes Groq's validation (otherwise the request gets Groq's 400 and
	 * the script is used up); an error or raw body is sent as it is.
	 * @param response the answer
	 * @return this emulator
	 */
	public GroqEmulator enqueue(EmulatedResponse response) {
		return enqueue(CHAT_COMPLETIONS, response);
	}

	/**
	 * Answer the next request to a path with this.
	 * @param path e.g. {@link #MODELS}
	 * @param response the answer
	 * @return this emulator
	 */
	public GroqEmulator enqueue(String path, EmulatedResponse response) {
		this.scripted.computeIfAbsent(path, (key) -> new ConcurrentLinkedQueue<>()).add(response);
		return this;
	}

	/**
	 * Script a standing answer for matching chat completions, checked after the queue of
	 * {@link #enqueue enqueued} answers, newest stub first.
	 * @return a stub to configure, finished by {@code thenReply} or {@code thenRespond}
	 */
	public ChatStub onChat() {
		return new ChatStub(this);
	}

	void addStub(ChatStub.Rule rule) {
		this.stubs.add(0, rule);
	}

	/**
	 * The chat completion requests received so far, oldest first.
	 * @return a snapshot
	 */
	public List<RecordedRequest> chatRequests() {
		return requests().stream().filter((request) -> request.path().equals(CHAT_COMPLETIONS)).toList();
	}

	/**
	 * Answer the next streaming chat completion ({@code "stream":true}) with this script
	 * instead of the usual stream. Scripted streams are played in order, one per streaming
	 * request; an {@link #enqueue(EmulatedResponse) enqueued} error still comes first.
	 * @param stream the script
	 * @return this emulator
	 */
	public GroqEmulator enqueueStream(EmulatedStream stream) {
		this.scriptedStreams.add(stream);
		return this;
	}

	/**
	 * Wait until a streamed answer has ended, and say how: whether {@code [DONE]} went out
	 * and whether the client had closed the connection. Outcomes are taken oldest first.
	 * @param timeout how long to wait
	 * @return the outcome of the oldest stream not yet taken
	 * @throws IllegalStateException when no stream ends in time
	 */
	public StreamOutcome awaitStreamOutcome(Duration timeout) {
		try {
			StreamOutcome outcome = this.streamOutcomes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (outcome == null) {
				throw new IllegalStateException("No stream ended within " + timeout);
			}
			return outcome;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a stream to end", ex);
		}
	}

	/**
	 * Answer chat completions with text computed from the request.
	 * @param replies the function from request to the assistant's text
	 * @return this emulator
	 */
	public GroqEmulator replyWith(Function<RecordedRequest, String> replies) {
		this.replies = replies;
		return this;
	}

	/**
	 * Answer 401 unless requests carry {@code Authorization: Bearer <apiKey>}.
	 * @param apiKey the key to accept, {@code null} to accept any or none
	 * @return this emulator
	 */
	public GroqEmulator requireApiKey(@Nullable String apiKey) {
		this.requiredApiKey = apiKey;
		return this;
	}

	/**
	 * Serve one more chat model, with tool use and Groq's most common limits (131,072-token
	 * context window, 32,768 completion tokens); a model with this id is replaced.
	 * @param id the model id
	 * @return this emulator
	 */
	public GroqEmulator addModel(String id) {
		return addModel(EmulatedModel.chat(id, "Emulator", 131_072, 32_768).with(EmulatedModel.Capability.TOOL_USE));
	}

	/**
	 * Serve a model, or replace the one with its id: its limits and capabilities are what
	 * the validation checks.
	 * @param model the model
	 * @return this emulator
	 */
	public GroqEmulator addModel(EmulatedModel model) {
		this.models.put(model);
		return this;
	}

	/**
	 * Stop serving a model: requests for it get Groq's 404.
	 * @param id the model id
	 * @return this emulator
	 * @throws IllegalArgumentException when no such model is served
	 */
	public GroqEmulator removeModel(String id) {
		if (!this.models.remove(id)) {
			throw new IllegalArgumentException("The emulator serves no model " + id);
		}
		return this;
	}

	/**
	 * Answer chat completions for these models as Groq answers a decommissioned model: 400
	 * {@code model_decommissioned} with Groq's captured message; they leave the model list,
	 * and {@code GET /openai/v1/models/{id}} answers 404. Groq has decommissioned several
	 * models this emulator still serves by default (so that existing tests keep passing):
	 * {@link GroqModelCatalogue#decommissionedSinceCapture()} lists them, and
	 * {@link #decommissionRetiredModels()} marks them all.
	 * @param ids the model ids
	 * @return this emulator
	 * @throws IllegalArgumentException when a model is not served
	 */
	public GroqEmulator decommission(String... ids) {
		for (String id : ids) {
			if (this.models.get(id) == null) {
				throw new IllegalArgumentException("The emulator serves no model " + id);
			}
			this.models.decommission(id);
		}
		return this;
	}

	/**
	 * Decommission every model of the default catalogue that Groq has decommissioned since
	 * the catalogue's February 2026 capture: answer as today's Groq does.
	 * @return this emulator
	 */
	public GroqEmulator decommissionRetiredModels() {
		GroqModelCatalogue.decommissionedSinceCapture().keySet().forEach((id) -> {
			if (this.models.get(id) != null) {
				this.models.decommission(id);
			}
		});
		return this;
	}

	/**
	 * Answer chat completions for these models with Groq's 400 {@code model_terms_required}
	 * (captured message), as Groq does until an admin accepts a model's terms in the console.
	 * @param ids the model ids
	 * @return this emulator
	 */
	public GroqEmulator requireTermsAcceptance(String... ids) {
		for (String id : ids) {
			this.models.requireTerms(id);
		}
		return this;
	}

	/**
	 * The models served now, as {@code GET /openai/v1/models} lists them.
	 * @return a snapshot, in listing order
	 */
	public List<EmulatedModel> models() {
		return this.models.all();
	}

	/**
	 * Allow only some tiers; others get Groq's "not available for this org" 400.
	 * @param tiers the wire values allowed, e.g. {@code on_demand, flex}
	 * @return this emulator
	 */
	public GroqEmulator allowTiers(String... tiers) {
		this.chat.allowTiers(Set.of(tiers));
		return this;
	}

	/**
	 * Enforce rate limits on chat completions as Groq does: 429 with {@code retry-after}
	 * when a budget is spent, and honest {@code x-ratelimit-*} headers on every chat answer.
	 * Without a policy (the default) nothing is enforced and the headers are Groq's captured
	 * example values.
	 * @param policy the limits, {@code null} to stop enforcing
	 * @return this emulator
	 */
	public GroqEmulator enforceRateLimits(@Nullable RateLimitPolicy policy) {
		this.chat.enforce((policy != null) ? new RateLimitEnforcer(policy) : null);
		return this;
	}

	/**
	 * What the rate-limit policy admitted and rejected since it was set.
	 * @return the counts, all 0 without a policy
	 */
	public RateLimitCounts rateLimitCounts() {
		RateLimitEnforcer enforcer = this.chat.rateLimits();
		return (enforcer != null) ? enforcer.counts() : new RateLimitCounts(0, 0, 0, 0, 0);
	}

	/**
	 * The emulated Files and Batch APIs, to script how batches progress and end.
	 * @return the batch emulation
	 */
	public Batches batches() {
		return this.batches;
	}

	/**
	 * The emulated audio endpoints, to script what files say, the upload limit, and to see
	 * the uploads received.
	 * @return the audio emulation
	 */
	public EmulatedAudio audio() {
		return this.audio;
	}

	/**
	 * The requests received so far, oldest first.
	 * @return a snapshot
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * The newest request.
	 * @return the request
	 * @throws IllegalStateException when none arrived
	 */
	public RecordedRequest lastRequest() {
		List<RecordedRequest> snapshot = requests();
		if (snapshot.isEmpty()) {
			throw new IllegalStateException("The Groq emulator has received no request");
		}
		return snapshot.get(snapshot.size() - 1);
	}

	/**
	 * Forget recorded requests, scripted answers and settings made since start.
	 * @return this emulator
	 */
	public GroqEmulator reset() {
		this.requests.clear();
		this.scripted.clear();
		this.stubs.clear();
		this.models.reset();
		this.scriptedStreams.clear();
		this.streamOutcomes.clear();
		this.requiredApiKey = null;
		this.replies = null;
		this.chat.allowTiers(null);
		this.chat.enforce(null);
		this.batches.reset();
		this.audio.reset();
		return this;
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	/** The reply function set with {@link #replyWith}, {@code null} for the emulator's own answers. */
	@Nullable Function<RecordedRequest, String> customReplies() {
		return this.replies;
	}

	private void handle(HttpExchange http) throws IOException {
		try (http) {
			String requestId = Ids.requestId();
			Exchange exchange = record(http, requestId);
			EmulatedResponse response = answer(exchange);
			if (!response.delay().isZero()) {
				ResponseWriter.sleep(response.delay());
			}
			ResponseWriter.headers(http, exchange, response, this.requests.size());
			if (exchange.stream() != null && response.status() == 200 && response.body() == null) {
				http.sendResponseHeaders(200, 0);
				this.streamOutcomes.add(this.chat.stream(http.getResponseBody(), exchange));
				return;
			}
			ResponseWriter.body(http, response);
		}
	}

	private Exchange record(HttpExchange exchange, String requestId) throws IOException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		if (AudioEndpoints.streams(exchange.getRequestMethod(), exchange.getRequestURI().getPath())) {
			Exchange upload = this.audioEndpoints.receive(exchange, headers, requestId);
			this.requests.add(upload.request());
			return upload;
		}
		byte[] body = exchange.getRequestBody().readAllBytes();
		RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				Map.copyOf(headers), body, exchange.getRequestURI().getRawQuery(), requestId);
		this.requests.add(request);
		return new Exchange(request, requestId);
	}

	private EmulatedResponse answer(Exchange exchange) {
		RecordedRequest request = exchange.request();
		String key = this.requiredApiKey;
		if (key != null && !("Bearer " + key).equals(request.header("authorization"))) {
			return EmulatedResponse.error(401, "invalid_request_error", "invalid_api_key", "Invalid API Key");
		}
		EmulatedResponse scriptedResponse = nextScripted(request);
		if (scriptedResponse != null
				&& (scriptedResponse.body() != null || scriptedResponse.fault() == EmulatedResponse.Fault.NO_ANSWER)) {
			return scriptedResponse;
		}
		if (request.path().equals(CHAT_COMPLETIONS) && request.method().equals("POST")) {
			return this.chat.answer(exchange, scriptedResponse, this.scriptedStreams::poll);
		}
		for (ExchangeRoute route : this.exchangeRoutes) {
			if (route.path().test(request.path())) {
				return route.handler().apply(exchange);
			}
		}
		for (Route route : this.routes) {
			if (route.path().test(request.path())) {
				return route.handler().apply(request);
			}
		}
		// Groq's wording for a path it does not serve.
		return EmulatedResponse.error(404, "invalid_request_error", "unknown_url",
				"Unknown request URL: " + request.method() + " " + request.path()
						+ ". Please check the URL for typos, or see the docs at https://console.groq.com/docs/");
	}

	private @Nullable EmulatedResponse nextScripted(RecordedRequest request) {
		ConcurrentLinkedQueue<EmulatedResponse> queue = this.scripted.get(request.path());
		EmulatedResponse queued = (queue != null) ? queue.poll() : null;
		if (queued != null || !request.path().equals(CHAT_COMPLETIONS)) {
			return queued;
		}
		for (ChatStub.Rule stub : this.stubs) {
			EmulatedResponse answer = stub.answer(request);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "GroqEmulator[" + baseUrl() + ", " + this.requests.size() + " requests]";
	}

	/** An endpoint family: which paths it serves and its handler. */
	private record Route(Predicate<String> path, Function<RecordedRequest, EmulatedResponse> handler) {
	}

	/** An endpoint family whose handler reads the exchange, e.g. an upload read as it arrived. */
	private record ExchangeRoute(Predicate<String> path, Function<Exchange, EmulatedResponse> handler) {
	}

}
