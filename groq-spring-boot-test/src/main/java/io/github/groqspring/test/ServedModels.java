package io.github.groqspring.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The models one emulator serves: {@link GroqModelCatalogue#defaults()} until a test adds,
 * replaces or removes some, marks some decommissioned (Groq's 400 {@code model_decommissioned},
 * left out of the listing) or as needing their terms accepted. Thread-safe.
 */
final class ServedModels {

	private final Map<String, EmulatedModel> models = new LinkedHashMap<>();

	private final Set<String> decommissioned = new HashSet<>();

	private final Set<String> termsRequired = new HashSet<>();

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
		List<EmulatedModel> listed = new ArrayList<>(this.models.size());
		this.models.values().forEach((model) -> {
			if (!this.decommissioned.contains(model.id())) {
				listed.add(model);
			}
		});
		return listed;
	}

	synchronized void decommission(String id) {
		this.decommissioned.add(id);
	}

	synchronized boolean decommissioned(String id) {
		return this.decommissioned.contains(id);
	}

	synchronized void requireTerms(String id) {
		this.termsRequired.add(id);
	}

	synchronized boolean termsRequired(String id) {
		return this.termsRequired.contains(id);
	}

	synchronized void reset() {
		this.decommissioned.clear();
		this.termsRequired.clear();
		this.models.clear();
		GroqModelCatalogue.defaults().forEach((model) -> this.models.put(model.id(), model));
	}

}
