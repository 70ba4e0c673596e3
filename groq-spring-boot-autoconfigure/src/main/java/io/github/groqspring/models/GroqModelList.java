package io.github.groqspring.models;

import java.util.List;

/**
 * The body of {@code GET /openai/v1/models}.
 *
 * @param object {@code list}
 * @param data the models
 */
public record GroqModelList(String object, List<GroqModel> data) {

	public GroqModelList {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

}
