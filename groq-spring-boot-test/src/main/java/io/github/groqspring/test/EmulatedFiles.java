package io.github.groqspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's Files API: multipart upload ({@code purpose=batch}, {@code .jsonl}), list,
 * retrieve, content and delete; also where batches store their output and error files.
 */
final class EmulatedFiles {

	static final String PATH = "/openai/v1/files";

	private final Map<String, StoredFile> files = new LinkedHashMap<>();

	private final Function<byte[], @Nullable EmulatedResponse> uploadRefusal;

	private volatile Clock clock;

	/**
	 * @param uploadRefusal the answer to an upload's file content instead of storing it, or
	 * {@code null} to store it
	 */
	EmulatedFiles(Clock clock, Function<byte[], @Nullable EmulatedResponse> uploadRefusal) {
		this.clock = clock;
		this.uploadRefusal = uploadRefusal;
	}

	void clock(Clock clock) {
		this.clock = clock;
	}

	static boolean handles(String path) {
		return path.equals(PATH) || path.startsWith(PATH + "/");
	}

	EmulatedResponse answer(RecordedRequest request) {
		String rest = request.path().substring(PATH.length());
		String method = request.method();
		if (rest.isEmpty() || rest.equals("/")) {
			return switch (method) {
				case "POST" -> upload(request);
				case "GET" -> list();
				default -> WireFormat.methodNotAllowed(request);
			};
		}
		String id = rest.substring(1);
		boolean content = id.endsWith("/content");
		if (content) {
			id = id.substring(0, id.length() - "/content".length());
		}
		StoredFile file = get(id);
		if (file == null) {
			return WireFormat.notFound("file", id);
		}
		if (content && method.equals("GET")) {
			return new EmulatedResponse(200, Map.of("content-type", "application/octet-stream"), file.content(), null,
					Duration.ZERO);
		}
		if (!content && method.equals("GET")) {
			return WireFormat.json(file.toJson());
		}
		if (!content && method.equals("DELETE")) {
			delete(id);
			return WireFormat.json(WireFormat.JSON.createObjectNode().put("id", id).put("object", "file").put("deleted", true));
		}
		return WireFormat.methodNotAllowed(request);
	}

	StoredFile store(String filename, String purpose, byte[] content) {
		String id = Ids.fileId();
		StoredFile file = new StoredFile(id, filename, purpose, content, this.clock.instant().getEpochSecond());
		synchronized (this.files) {
			this.files.put(id, file);
		}
		return file;
	}

	@Nullable StoredFile get(String id) {
		synchronized (this.files) {
			return this.files.get(id);
		}
	}

	void reset() {
		synchronized (this.files) {
			this.files.clear();
		}
	}

	private void delete(String id) {
		synchronized (this.files) {
			this.files.remove(id);
		}
	}

	private EmulatedResponse upload(RecordedRequest request) {
		Map<String, Multipart.Part> parts;
		try {
			parts = Multipart.parse(request.header("content-type"), request.body());
		}
		catch (IllegalArgumentException ex) {
			return WireFormat.invalidRequest(String.valueOf(ex.getMessage()));
		}
		Multipart.Part purpose = parts.get("purpose");
		if (purpose == null || !purpose.text().equals("batch")) {
			return WireFormat.invalidRequest("'purpose' : value must be one of [batch]");
		}
		Multipart.Part file = parts.get("file");
		if (file == null || file.filename() == null) {
			return WireFormat.invalidRequest("property 'file' is missing: upload the file as a multipart file part");
		}
		if (!file.filename().endsWith(".jsonl")) {
			return WireFormat.invalidRequest("The Batch API only supports .jsonl files, got '" + file.filename() + "'");
		}
		EmulatedResponse refusal = this.uploadRefusal.apply(file.content());
		if (refusal != null) {
			return refusal;
		}
		return WireFormat.json(store(file.filename(), "batch", file.content()).toJson());
	}

	private EmulatedResponse list() {
		ObjectNode body = WireFormat.JSON.createObjectNode().put("object", "list");
		ArrayNode data = body.putArray("data");
		List<StoredFile> snapshot;
		synchronized (this.files) {
			snapshot = new ArrayList<>(this.files.values());
		}
		snapshot.forEach((file) -> data.add(file.toJson()));
		return WireFormat.json(body);
	}

	/** A stored file. */
	record StoredFile(String id, String filename, String purpose, byte[] content, long createdAt) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

		ObjectNode toJson() {
			return WireFormat.JSON.createObjectNode()
				.put("id", this.id)
				.put("object", "file")
				.put("bytes", this.content.length)
				.put("created_at", this.createdAt)
				.put("filename", this.filename)
				.put("purpose", this.purpose);
		}

	}

}
