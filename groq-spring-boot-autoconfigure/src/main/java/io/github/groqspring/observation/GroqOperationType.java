package io.github.groqspring.observation;

/**
 * The operations a Groq call can be, each with its {@code gen_ai.operation.name}: the value
 * of {@link GroqObservationContext#getOperationName()} and of the observation's
 * {@code gen_ai.operation.name} key. OpenTelemetry's {@code gen_ai} conventions list
 * well-known values ({@code chat}, {@code embeddings}, {@code text_completion},
 * {@code generate_content}, ...) and ask for them where one applies; none covers the other
 * operations here (models, batches, files, audio), so they have custom values.
 */
public enum GroqOperationType {

	/** A chat completion, blocking or streamed ({@code POST /openai/v1/chat/completions}). */
	CHAT("chat"),

	/** {@code GET /openai/v1/models}. */
	LIST_MODELS("list_models"),

	/** {@code GET /openai/v1/models/{id}}. */
	GET_MODEL("get_model"),

	/** Uploading a batch input file ({@code POST /openai/v1/files}). */
	UPLOAD_FILE("upload_file"),

	/** {@code POST /openai/v1/batches}. */
	CREATE_BATCH("create_batch"),

	/** {@code GET /openai/v1/batches/{id}}; each poll of an await is one. */
	GET_BATCH("get_batch"),

	/** {@code GET /openai/v1/batches}, one per page. */
	LIST_BATCHES("list_batches"),

	/** {@code POST /openai/v1/batches/{id}/cancel}. */
	CANCEL_BATCH("cancel_batch"),

	/** Opening {@code GET /openai/v1/files/{id}/content}. */
	DOWNLOAD_FILE("download_file"),

	/** {@code GET /openai/v1/files}. */
	LIST_FILES("list_files"),

	/** {@code GET /openai/v1/files/{id}}. */
	GET_FILE("get_file"),

	/** {@code DELETE /openai/v1/files/{id}}. */
	DELETE_FILE("delete_file"),

	/** Speech to text in the audio's language ({@code POST /openai/v1/audio/transcriptions}). */
	TRANSCRIPTION("transcription"),

	/** Speech to English text ({@code POST /openai/v1/audio/translations}). */
	TRANSLATION("translation"),

	/** Text to speech ({@code POST /openai/v1/audio/speech}). */
	SPEECH("speech");

	private final String value;

	GroqOperationType(String value) {
		this.value = value;
	}

	/**
	 * The {@code gen_ai.operation.name}.
	 * @return e.g. {@code chat} or {@code list_models}
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
