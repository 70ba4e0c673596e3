package io.github.groqspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(GroqEmulatorExtension.class)
class BatchesTests {

	static GroqEmulator emulator;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void uploadStoresTheFilePartOfAMultipartBody() throws Exception {
		HttpResponse<String> response = upload("batch", "input.jsonl", line("a", "Hi"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode file = json(response);
		assertThat(file.get("id").asString()).startsWith("file_");
		assertThat(file.get("object").asString()).isEqualTo("file");
		assertThat(file.get("bytes").asInt()).isEqualTo(line("a", "Hi").length());
		assertThat(file.get("filename").asString()).isEqualTo("input.jsonl");
		assertThat(file.get("purpose").asString()).isEqualTo("batch");
		assertThat(emulator.batches().fileContent(file.get("id").asString())).isEqualTo(line("a", "Hi"));
	}

	@Test
	void uploadRefusesWhatGroqRefuses() throws Exception {
		assertRefused(upload("fine-tune", "input.jsonl", line("a", "Hi")), 400, "'purpose' : value must be one of [batch]");
		assertRefused(upload("batch", "input.csv", line("a", "Hi")), 400, "only supports .jsonl files");
		assertRefused(send("POST", "/openai/v1/files", "application/json", "{}"), 400,
				"Content-Type must be multipart/form-data");
	}

	@Test
	void createValidatesTheRequestLikeGroq() throws Exception {
		String fileId = uploadedFile(line("a", "Hi"));
		assertRefused(create(fileId, "12h"), 400, "completion_window must be a duration from 24h to 7d, was '12h'");
		assertRefused(create(fileId, "8d"), 400, "completion_window must be a duration from 24h to 7d, was '8d'");
		assertRefused(create("file_missing", "24h"), 400, "input_file_id 'file_missing' is not an uploaded file");
		assertRefused(send("POST", "/openai/v1/batches", "application/json", "{\"input_file_id\":\"" + fileId
				+ "\",\"endpoint\":\"/v1/embeddings\",\"completion_window\":\"24h\"}"), 400, "'endpoint' : value must be");
		assertRefused(send("POST", "/openai/v1/batches", "application/json", "{\"input_file_id\":\"" + fileId
				+ "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\",\"service_tier\":\"flex\"}"),
				400, "property 'service_tier' is unsupported");
		assertThat(create(fileId, "48h").statusCode()).isEqualTo(200);
	}

	@Test
	void batchMovesOneStagePerRetrieveAndStampsTimesFromTheClock() throws Exception {
		Instant now = Instant.parse("2026-03-01T12:00:00Z");
		emulator.batches().clock(Clock.fixed(now, ZoneOffset.UTC)).linesPerStep(2);
		JsonNode batch = json(create(uploadedFile(lines(3)), "24h"));
		String id = batch.get("id").asString();
		assertThat(batch.get("status").asString()).isEqualTo("validating");
		assertThat(batch.get("created_at").asLong()).isEqualTo(now.getEpochSecond());
		assertThat(batch.get("expires_at").asLong()).isEqualTo(now.getEpochSecond() + 86400);
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			JsonNode current = json(send("GET", "/openai/v1/batches/" + id, null, null));
			JsonNode counts = current.get("request_counts");
			seen.add(current.get("status").asString() + " " + counts.get("completed").asInt() + "/"
					+ counts.get("total").asInt());
		}
		assertThat(seen).containsExactly("validating 0/0", "in_progress 0/3", "in_progress 2/3", "finalizing 3/3",
				"completed 3/3", "completed 3/3");
		JsonNode done = json(send("GET", "/openai/v1/batches/" + id, null, null));
		assertThat(done.get("in_progress_at").asLong()).isEqualTo(now.getEpochSecond());
		assertThat(done.get("completed_at").asLong()).isEqualTo(now.getEpochSecond());
		assertThat(done.get("error_file_id").isNull()).isTrue();
		assertThat(done.get("expired_at").isNull()).isTrue();
	}

	@Test
	void outputLinesHaveGroqsShapeAndComeShuffled() throws Exception {
		emulator.batches().advanceOnRetrieve(false);
		String id = json(create(uploadedFile(lines(20)), "24h")).get("id").asString();
		while (!emulator.batches().advance(id).equals("completed")) {
			// step until done
		}
		JsonNode batch = json(send("GET", "/openai/v1/batches/" + id, null, null));
		String output = emulator.batches().fileContent(batch.get("output_file_id").asString());
		List<JsonNode> results = output.lines().map(WireFormat.JSON::readTree).toList();
		assertThat(results).hasSize(20);
		assertThat(results).extracting((line) -> line.get("custom_id").asString())
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj((i) -> "r" + i).toList())
			.isNotEqualTo(IntStream.range(0, 20).mapToObj((i) -> "r" + i).toList());
		JsonNode first = results.get(0);
		assertThat(first.propertyNames()).containsExactly("id", "custom_id", "response", "error");
		assertThat(first.get("id").asString()).startsWith("batch_req_");
		assertThat(first.get("error").isNull()).isTrue();
		JsonNode response = first.get("response");
		assertThat(response.get("status_code").asInt()).isEqualTo(200);
		assertThat(response.get("request_id").asString()).matches("req_01[0-9a-hjkmnp-tv-z]{24}");
		JsonNode body = response.get("body");
		assertThat(body.get("object").asString()).isEqualTo("chat.completion");
		assertThat(body.at("/choices/0/message/content").asString())
			.isEqualTo("Emulated reply to: Question " + first.get("custom_id").asString().substring(1));
		assertThat(body.get("service_tier").asString()).isEqualTo("batch");
		assertThat(body.at("/x_groq/id").asString()).isEqualTo(response.get("request_id").asString());
		assertThat(results).extracting((line) -> line.at("/response/request_id").asString()).doesNotHaveDuplicates();
	}

	@Test
	void scriptedExpiryPutsTheUndoneLinesInTheErrorFile() throws Exception {
		emulator.batches().linesPerStep(1).expireNextBatchAfter(1);
		String id = json(create(uploadedFile(lines(3)), "24h")).get("id").asString();
		JsonNode batch = poll(id, "expired");
		assertThat(batch.get("request_counts").get("completed").asInt()).isEqualTo(1);
		assertThat(batch.get("request_counts").get("failed").asInt()).isEqualTo(2);
		assertThat(batch.get("expired_at").isNull()).isFalse();
		assertThat(emulator.batches().fileContent(batch.get("output_file_id").asString()).lines()).hasSize(1);
		List<JsonNode> errors = emulator.batches()
			.fileContent(batch.get("error_file_id").asString())
			.lines()
			.map(WireFormat.JSON::readTree)
			.toList();
		assertThat(errors).extracting((line) -> line.get("custom_id").asString()).containsExactlyInAnyOrder("r1", "r2");
		assertThat(errors).allSatisfy((line) -> {
			assertThat(line.get("response").isNull()).isTrue();
			assertThat(line.get("error").get("code").asString()).isEqualTo("batch_expired");
		});
	}

	@Test
	void scriptedCancelAndRequestFailureEndUpInTheErrorFile() throws Exception {
		emulator.batches()
			.linesPerStep(1)
			.cancelNextBatchAfter(2)
			.failRequest("r0", EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		String id = json(create(uploadedFile(lines(4)), "24h")).get("id").asString();
		JsonNode batch = poll(id, "cancelled");
		assertThat(batch.get("cancelling_at").isNull()).isFalse();
		assertThat(batch.get("cancelled_at").isNull()).isFalse();
		List<JsonNode> errors = emulator.batches()
			.fileContent(batch.get("error_file_id").asString())
			.lines()
			.map(WireFormat.JSON::readTree)
			.toList();
		assertThat(errors).extracting((line) -> line.get("custom_id").asString())
			.containsExactlyInAnyOrder("r0", "r2", "r3");
		JsonNode failed = errors.stream().filter((line) -> line.get("custom_id").asString().equals("r0")).findFirst().get();
		assertThat(failed.at("/response/status_code").asInt()).isEqualTo(500);
		assertThat(failed.at("/response/body/error/message").asString()).isEqualTo("boom");
		assertThat(errors).filteredOn((line) -> !line.get("custom_id").asString().equals("r0"))
			.allSatisfy((line) -> assertThat(line.at("/error/code").asString()).isEqualTo("batch_cancelled"));
	}

	@Test
	void validationFailsABatchWhoseLinesGroqWouldRefuse() throws Exception {
		String content = line("a", "Hi") + "{not json\n" + line("a", "Again")
				+ "{\"custom_id\":\"t\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":"
				+ "\"llama-3.1-8b-instant\",\"service_tier\":\"flex\",\"messages\":[]}}\n";
		String id = json(create(uploadedFile(content), "24h")).get("id").asString();
		JsonNode batch = poll(id, "failed");
		assertThat(batch.get("failed_at").isNull()).isFalse();
		assertThat(batch.at("/errors/object").asString()).isEqualTo("list");
		assertThat(batch.at("/errors/data")).extracting((error) -> error.get("line").asInt() + ": "
				+ error.get("message").asString())
			.containsExactly("2: This line is not parseable as valid JSON.",
					"3: The custom_id for this request is a duplicate of another request. The custom_id parameter must "
							+ "be unique for each request in a batch.",
					"4: service_tier is not supported in batch requests");
		assertThat(batch.at("/errors/data")).extracting((error) -> error.get("code").asString())
			.containsExactly("invalid_json_line", "duplicate_custom_id", "invalid_request");
	}

	@Test
	void listAnswersAsGroqsApiReferenceDescribesItEveryBatchNewestFirstWithoutPaging() throws Exception {
		String fileId = uploadedFile(line("a", "Hi"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(0, json(create(fileId, "24h")).get("id").asString());
		}
		JsonNode list = json(send("GET", "/openai/v1/batches?limit=2", null, null));
		assertThat(list.propertyNames()).containsExactly("object", "data");
		assertThat(list.get("data")).extracting((batch) -> batch.get("id").asString()).containsExactlyElementsOf(ids);
		assertThat(ids).allSatisfy((id) -> assertThat(id).matches("batch_01[0-9a-hjkmnp-tv-z]{24}"));
	}

	@Test
	void listPagesNewestFirstWithAfterAndLimitWhenCursorPagingIsOn() throws Exception {
		emulator.batches().cursorPaging(true);
		String fileId = uploadedFile(line("a", "Hi"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(0, json(create(fileId, "24h")).get("id").asString());
		}
		JsonNode first = json(send("GET", "/openai/v1/batches?limit=2", null, null));
		assertThat(first.get("data")).extracting((batch) -> batch.get("id").asString())
			.containsExactly(ids.get(0), ids.get(1));
		assertThat(first.get("first_id").asString()).isEqualTo(ids.get(0));
		assertThat(first.get("last_id").asString()).isEqualTo(ids.get(1));
		assertThat(first.get("has_more").asBoolean()).isTrue();
		JsonNode second = json(send("GET", "/openai/v1/batches?after=" + ids.get(1) + "&limit=2", null, null));
		assertThat(second.get("data")).extracting((batch) -> batch.get("id").asString()).containsExactly(ids.get(2));
		assertThat(second.get("has_more").asBoolean()).isFalse();
		assertRefused(send("GET", "/openai/v1/batches?limit=101", null, null), 400, "limit must be from 1 to 100");
		assertThat(emulator.lastRequest().queryParameter("limit")).isEqualTo("101");
	}

	@Test
	void cancellingAFinishedBatchIsRefusedAndUnknownBatchesAreNotFound() throws Exception {
		emulator.batches().advanceOnRetrieve(false);
		String id = json(create(uploadedFile(line("a", "Hi")), "24h")).get("id").asString();
		assertThat(json(send("POST", "/openai/v1/batches/" + id + "/cancel", null, null)).get("status").asString())
			.isEqualTo("cancelling");
		assertThat(emulator.batches().advance(id)).isEqualTo("cancelled");
		assertRefused(send("POST", "/openai/v1/batches/" + id + "/cancel", null, null), 400,
				"cannot be cancelled: it is cancelled");
		assertRefused(send("GET", "/openai/v1/batches/batch_nope", null, null), 404, "No batch with id 'batch_nope'");
		assertThatIllegalArgumentException().isThrownBy(() -> emulator.batches().advance("batch_nope"))
			.withMessage("The emulator holds no batch batch_nope");
	}

	@Test
	void filesAreListedServedAndDeleted() throws Exception {
		String fileId = uploadedFile(line("a", "Hi"));
		assertThat(json(send("GET", "/openai/v1/files", null, null)).get("data")).singleElement()
			.satisfies((file) -> assertThat(file.get("id").asString()).isEqualTo(fileId));
		HttpResponse<String> content = send("GET", "/openai/v1/files/" + fileId + "/content", null, null);
		assertThat(content.body()).isEqualTo(line("a", "Hi"));
		assertThat(content.headers().firstValue("content-type")).contains("application/octet-stream");
		assertThat(json(send("DELETE", "/openai/v1/files/" + fileId, null, null)).get("deleted").asBoolean()).isTrue();
		assertRefused(send("GET", "/openai/v1/files/" + fileId, null, null), 404, "No file with id");
	}

	@Test
	void resetForgetsFilesBatchesAndScripts() throws Exception {
		String fileId = uploadedFile(line("a", "Hi"));
		emulator.batches().expireNextBatchAfter(0);
		emulator.reset();
		assertThat(json(send("GET", "/openai/v1/files", null, null)).get("data")).isEmpty();
		String id = json(create(uploadedFile(line("a", "Hi")), "24h")).get("id").asString();
		assertThat(poll(id, "completed").get("status").asString()).isEqualTo("completed");
		assertThatIllegalArgumentException().isThrownBy(() -> emulator.batches().fileContent(fileId));
	}

	@Test
	void limitsRefuseALargerUploadAndFailABatchWithMoreLines() throws Exception {
		String two = line("a", "Hi") + line("b", "Ho");
		emulator.batches().limits(1, two.length() - 1);
		HttpResponse<String> refused = upload("batch", "batch.jsonl", two);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(WireFormat.JSON.readTree(refused.body()).at("/error/message").asString())
			.isEqualTo("The file is " + two.length() + " bytes, more than the " + (two.length() - 1)
					+ " bytes a batch input file may have");
		assertThat(json(send("GET", "/openai/v1/files", null, null)).get("data")).isEmpty();
		emulator.batches().limits(1, two.length());
		JsonNode failed = poll(json(create(uploadedFile(two), "24h")).get("id").asString(), "failed");
		assertThat(failed.at("/errors/data")).singleElement()
			.satisfies((error) -> assertThat(error.get("code").asString() + ": " + error.get("message").asString())
				.isEqualTo("too_many_tasks: The batch input file has 2 requests: a batch holds at most 1."));
		emulator.batches().limits(2, two.length());
		assertThat(poll(json(create(uploadedFile(two), "24h")).get("id").asString(), "completed").at("/request_counts/total")
			.asInt()).isEqualTo(2);
	}

	@Test
	void scriptsByCustomIdPickTheBatchHoldingItWhicheverIsCreatedFirst() throws Exception {
		emulator.batches()
			.linesPerStep(1)
			.failBatchContaining("b2", "Model is not available for batch processing")
			.expireBatchContaining("c1", 1)
			.cancelBatchContaining("d1", 0);
		String plain = json(create(uploadedFile(line("a1", "Hi")), "24h")).get("id").asString();
		String failing = json(create(uploadedFile(line("b1", "Hi") + line("b2", "Ho")), "24h")).get("id").asString();
		String expiring = json(create(uploadedFile(line("c1", "Hi") + line("c2", "Ho")), "24h")).get("id").asString();
		String cancelled = json(create(uploadedFile(line("d1", "Hi")), "24h")).get("id").asString();
		assertThat(poll(plain, "completed").at("/request_counts/completed").asInt()).isEqualTo(1);
		assertThat(poll(failing, "failed").at("/errors/data/0/message").asString())
			.isEqualTo("Model is not available for batch processing");
		assertThat(poll(expiring, "expired").get("request_counts").toString())
			.isEqualTo("{\"total\":2,\"completed\":1,\"failed\":1}");
		assertThat(poll(cancelled, "cancelled").get("request_counts").toString())
			.isEqualTo("{\"total\":1,\"completed\":0,\"failed\":1}");
		String again = json(create(uploadedFile(line("b2", "Hi")), "24h")).get("id").asString();
		assertThat(poll(again, "completed").get("status").asString()).as("a script is used up").isEqualTo("completed");
	}

	@Test
	void aScriptedUploadFailureAnswersTheUploadHoldingTheIdOnce() throws Exception {
		emulator.batches().failUploadContaining("b", EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		assertThat(upload("batch", "batch.jsonl", line("a", "Hi")).statusCode()).isEqualTo(200);
		assertRefused(upload("batch", "batch.jsonl", line("a2", "Hi") + line("b", "Ho")), 500, "boom");
		assertThat(upload("batch", "batch.jsonl", line("b", "Ho")).statusCode()).isEqualTo(200);
		assertThat(json(send("GET", "/openai/v1/files", null, null)).get("data")).hasSize(2);
	}

	@Test
	void compactAnswersAreGroqShapedCompletionsNamingTheCustomId() throws Exception {
		emulator.batches().compactAnswers(true).failRequest("r1", EmulatedResponse.error(400, "invalid_request_error",
				null, "no"));
		JsonNode batch = poll(json(create(uploadedFile(lines(3)), "24h")).get("id").asString(), "completed");
		List<JsonNode> output = emulator.batches()
			.fileContent(batch.get("output_file_id").asString())
			.lines()
			.map(WireFormat.JSON::readTree)
			.toList();
		assertThat(output).extracting((line) -> line.at("/response/body/choices/0/message/content").asString())
			.containsExactlyInAnyOrder("Emulated reply for r0", "Emulated reply for r2");
		JsonNode body = output.get(0).at("/response/body");
		assertThat(body.propertyNames()).containsExactly("id", "object", "created", "model", "choices", "usage",
				"usage_breakdown", "system_fingerprint", "x_groq", "service_tier");
		assertThat(body.get("model").asString()).isEqualTo("llama-3.1-8b-instant");
		assertThat(body.get("service_tier").asString()).isEqualTo("batch");
		assertThat(body.at("/x_groq/id").asString()).isEqualTo(output.get(0).at("/response/request_id").asString());
		assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(5);
		assertThat(emulator.batches().fileContent(batch.get("error_file_id").asString()))
			.contains("\"custom_id\":\"r1\"");
	}

	@Test
	void aDroppedResultIsCountedButMissingFromTheFiles() throws Exception {
		emulator.batches().dropResult("r1");
		JsonNode batch = poll(json(create(uploadedFile(lines(3)), "24h")).get("id").asString(), "completed");
		assertThat(batch.get("request_counts").toString()).isEqualTo("{\"total\":3,\"completed\":3,\"failed\":0}");
		assertThat(emulator.batches().fileContent(batch.get("output_file_id").asString()).lines()
			.map((line) -> WireFormat.JSON.readTree(line).get("custom_id").asString())).containsExactlyInAnyOrder("r0", "r2");
	}

	private JsonNode poll(String id, String status) throws Exception {
		for (int i = 0; i < 50; i++) {
			JsonNode batch = json(send("GET", "/openai/v1/batches/" + id, null, null));
			if (batch.get("status").asString().equals(status)) {
				return batch;
			}
		}
		throw new AssertionError("Batch " + id + " never reached " + status);
	}

	private static String line(String customId, String question) {
		return "{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
				+ "{\"model\":\"llama-3.1-8b-instant\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question
				+ "\"}]}}\n";
	}

	private static String lines(int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append(line("r" + i, "Question " + i));
		}
		return lines.toString();
	}

	private String uploadedFile(String content) throws Exception {
		return json(upload("batch", "batch.jsonl", content)).get("id").asString();
	}

	private HttpResponse<String> upload(String purpose, String filename, String content) throws Exception {
		String body = "--b0undary\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
				+ "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--b0undary--\r\n";
		return send("POST", "/openai/v1/files", "multipart/form-data; boundary=b0undary", body);
	}

	private HttpResponse<String> create(String fileId, String window) throws Exception {
		return send("POST", "/openai/v1/batches", "application/json", "{\"input_file_id\":\"" + fileId
				+ "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"" + window + "\"}");
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return WireFormat.JSON.readTree(response.body());
	}

	private static void assertRefused(HttpResponse<String> response, int status, String message) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).startsWith("{\"error\":{\"message\":\"").contains(message);
	}

}
