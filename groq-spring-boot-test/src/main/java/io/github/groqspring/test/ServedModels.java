package io.github.groqspring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The models one emulator serves: {@link GroqModelCatalogue#defaults()} until a test adds,
 * replaces or removes some. Thread-safe.
 */
final class ServedModels {

	private final Map<String, EmulatedModel> models = new LinkedHashMap<>();

	ServedModels() {
		reset();
	}

	synchronized void put(EmulatedModel model) {
		this.models.put(model.id(), model);
	}

	synchronized boolean remove(String id) {
		return this.models.remove(id) != null;
	}

	synchronized @Nullable EmulatedModel get(String id) {
		return this.models.get(id);
	}

	synchronized List<EmulatedModel> all() {
		return new ArrayList<>(this.models.values());
	}

	synchronized void reset() {
		this.models.clear();
		GroqModelCatalogue.defaults().forEach((model) -> this.models.put(model.id(), model));
	}

}
