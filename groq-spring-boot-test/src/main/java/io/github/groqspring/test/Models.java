package io.github.groqspring.test;

/**
 * The emulator's models endpoints: {@code GET /openai/v1/models} lists the served models in
 * Groq's shape, {@code GET /openai/v1/models/{id}} answers one or Groq's 404.
 */
final class Models {

	private final ServedModels models;

	Models(ServedModels models) {
		this.models = models;
	}

	static boolean handles(String path) {
		return path.equals(GroqEmulator.MODELS) || path.startsWith(GroqEmulator.MODELS + "/");
	}

	EmulatedResponse answer(RecordedRequest request) {
		if (!request.method().equals("GET")) {
			return WireFormat.methodNotAllowed(request);
		}
		if (request.path().equals(GroqEmulator.MODELS)) {
			return EmulatedResponse.json(200, WireFormat.models(this.models.all()));
		}
		String id = request.path().substring(GroqEmulator.MODELS.length() + 1);
		EmulatedModel model = this.models.get(id);
		// A decommissioned model is not listed; by id it is Groq's 404 (unconfirmed: Groq may answer it still).
		return (model != null && !this.models.decommissioned(id))
				? EmulatedResponse.json(200, WireFormat.JSON.writeValueAsString(WireFormat.model(model)))
				: ChatRequestValidator.modelNotFound(id);
	}

}
