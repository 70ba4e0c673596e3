package io.github.groqspring.test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's Batch API endpoints ({@code /openai/v1/batches}): create, retrieve (which
 * moves a batch one stage on), list and cancel, over the state {@link Batches} holds. Batch
 * docs: {@code completion_window} from {@code 24h} to {@code 7d}, endpoint
 * {@code /v1/chat/completions}; API reference: the list is {@code {"object":"list","data":[...]}}.
 */
final class BatchesEndpoint {

	static final String PATH = "/openai/v1/batches";

	private static final Pattern WINDOW = Pattern.compile("(\\d{1,4})([hd])");

	private static final Set<String> CREATE_FIELDS = Set.of("input_file_id", "endpoint", "completion_window",
			"metadata");

	private final Batches batches;

	BatchesEndpoint(Batches batches) {
		this.batches = batches;
	}

	static boolean handles(String path) {
		return path.equals(PATH) || path.startsWith(PATH + "/");
	}

	EmulatedResponse answer(RecordedRequest request) {
		String rest = request.path().substring(PATH.length());
		String method = request.method();
		if (rest.isEmpty() || rest.equals("/")) {
			return switch (method) {
				case "POST" -> create(request);
				case "GET" -> list(request);
				default -> WireFormat.methodNotAllowed(request);
			};
		}
		boolean cancel = rest.endsWith("/cancel");
		String id = rest.substring(1, cancel ? rest.length() - "/cancel".length() : rest.length());
		EmulatedBatch batch = this.batches.find(id);
		if (batch == null) {
			return WireFormat.notFound("batch", id);
		}
		if (cancel && method.equals("POST")) {
			return batch.cancel(this.batches.now()) ? WireFormat.json(batch.toJson())
					: WireFormat.invalidRequest("Batch " + id + " cannot be cancelled: it is " + batch.status());
		}
		if (!cancel && method.equals("GET")) {
			ObjectNode current = batch.toJson();
			if (this.batches.advancesOnRetrieve()) {
				batch.step(this.batches.now());
			}
			return WireFormat.json(current);
		}
		return WireFormat.methodNotAllowed(request);
	}

	private EmulatedResponse create(RecordedRequest request) {
		WireFormat.ObjectBody parsed = WireFormat.ObjectBody.of(request);
		if (parsed.refusal() != null) {
			return parsed.refusal();
		}
		JsonNode body = Objects.requireNonNull(parsed.json());
		for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!CREATE_FIELDS.contains(name)) {
				return WireFormat.invalidRequest("property '" + name + "' is unsupported");
			}
		}
		String fileId = body.path("input_file_id").asString("");
		EmulatedFiles.StoredFile file = this.batches.files().get(fileId);
		if (file == null || !file.purpose().equals("batch")) {
			return WireFormat.invalidRequest("input_file_id '" + fileId + "' is not an uploaded file with purpose batch");
		}
		if (!"/v1/chat/completions".equals(body.path("endpoint").asString(""))) {
			return WireFormat.invalidRequest("'endpoint' : value must be one of [/v1/chat/completions]");
		}
		String window = body.path("completion_window").asString("");
		Duration duration = window(window);
		if (duration == null) {
			return WireFormat.invalidRequest("completion_window must be a duration from 24h to 7d, was '" + window + "'");
		}
		JsonNode metadata = body.get("metadata");
		if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
			return WireFormat.invalidRequest("metadata must be an object");
		}
		long created = this.batches.now();
		EmulatedBatch batch = this.batches.add(fileId, window, (metadata != null && !metadata.isNull()) ? metadata : null,
				created, created + duration.toSeconds());
		return WireFormat.json(batch.toJson());
	}

	private EmulatedResponse list(RecordedRequest request) {
		List<EmulatedBatch> all = this.batches.newestFirst();
		if (!this.batches.pagesLists()) {
			return WireFormat.json(page(all));
		}
		String after = request.queryParameter("after");
		String limitText = request.queryParameter("limit");
		int limit;
		try {
			limit = (limitText != null) ? Integer.parseInt(limitText) : 20;
		}
		catch (NumberFormatException ex) {
			return WireFormat.invalidRequest("limit must be a number, was '" + limitText + "'");
		}
		if (limit < 1 || limit > 100) {
			return WireFormat.invalidRequest("limit must be from 1 to 100, was " + limit);
		}
		int start = 0;
		if (after != null) {
			List<String> ids = all.stream().map(EmulatedBatch::id).toList();
			int index = ids.indexOf(after);
			if (index < 0) {
				return WireFormat.invalidRequest("after: no batch '" + after + "'");
			}
			start = index + 1;
		}
		List<EmulatedBatch> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
		ObjectNode body = page(page);
		body.put("first_id", page.isEmpty() ? null : page.get(0).id())
			.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id())
			.put("has_more", start + page.size() < all.size());
		return WireFormat.json(body);
	}

	private static ObjectNode page(List<EmulatedBatch> batches) {
		ObjectNode body = WireFormat.JSON.createObjectNode().put("object", "list");
		ArrayNode data = body.putArray("data");
		batches.forEach((batch) -> data.add(batch.toJson()));
		return body;
	}

	private static @Nullable Duration window(String value) {
		Matcher matcher = WINDOW.matcher(value);
		if (!matcher.matches()) {
			return null;
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
		boolean inRange = duration.compareTo(Duration.ofHours(24)) >= 0 && duration.compareTo(Duration.ofDays(7)) <= 0;
		return inRange ? duration : null;
	}

}
