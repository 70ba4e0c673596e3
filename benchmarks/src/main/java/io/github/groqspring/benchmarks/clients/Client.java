package io.github.groqspring.benchmarks.clients;

/**
 * The clients compared, by the names the benchmarks' {@code client} parameter takes.
 */
public enum Client {

	/** The JDK's {@code HttpClient} posting pre-serialized bytes and returning the bytes: the floor. */
	RAW_JDK("raw JDK HttpClient (floor)"),

	/** A hand-written {@code RestClient} on Apache HttpClient 5 with Jackson: the reference. */
	RESTCLIENT_HC5("hand-written RestClient + HttpClient 5"),

	/** {@code GroqTemplate} as the auto-configuration builds it. */
	GROQ_TEMPLATE("GroqTemplate (this starter)"),

	/** The official OpenAI Java SDK on OkHttp. */
	OPENAI_JAVA("openai-java 4.101.0"),

	/** Spring AI's {@code ChatModel} on Groq: this project's {@code GroqChatModel} on {@code GroqTemplate}. */
	GROQ_CHAT_MODEL("Spring AI 2.0.1 GroqChatModel (this project)"),

	/** Spring AI's {@code OpenAiChatModel}. */
	SPRING_AI("Spring AI 2.0.1 OpenAiChatModel"),

	/** LangChain4j's {@code OpenAiChatModel}. */
	LANGCHAIN4J("LangChain4j 1.19.0 OpenAiChatModel");

	/** The key every client sends: never a real one. */
	public static final String API_KEY = "gsk_benchmark_not_a_real_key";

	private final String label;

	Client(String label) {
		this.label = label;
	}

	/**
	 * How the report names this client.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Set up this client against a server.
	 * @param baseUrl the server's base URL in Groq's form, without {@code /openai/v1}
	 * @return the client
	 * @throws Exception if it cannot be set up
	 */
	public BenchClient create(String baseUrl) throws Exception {
		return switch (this) {
			case RAW_JDK -> new RawJdkClient(baseUrl);
			case RESTCLIENT_HC5 -> new RestClientHc5Client(baseUrl);
			case GROQ_TEMPLATE -> new GroqTemplateClient(baseUrl);
			case OPENAI_JAVA -> new OpenAiJavaClient(baseUrl);
			case GROQ_CHAT_MODEL -> new GroqChatModelClient(baseUrl);
			case SPRING_AI -> new SpringAiClient(baseUrl);
			case LANGCHAIN4J -> new LangChain4jClient(baseUrl);
		};
	}

}
