package io.github.groqspring.autoconfigure;

/**
 * Start-up found no API key while {@code groq.base-url} points at Groq's cloud.
 */
public class GroqApiKeyMissingException extends IllegalStateException {

	private final String baseUrl;

	GroqApiKeyMissingException(String baseUrl) {
		super("No Groq API key: set the GROQ_API_KEY environment variable or the groq.api-key property "
				+ "(groq.base-url is " + baseUrl + ")");
		this.baseUrl = baseUrl;
	}

	/**
	 * The base URL that needs a key.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

}
