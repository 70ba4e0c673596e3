package io.github.groqspring.batch;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.GroqTemplate;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqTierAutoConfiguration;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.GroqTier;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(GroqEmulatorExtension.class)
class GroqBatchTemplateTests {

	static final String KEY = "gsk_batch_test_0123456789";

	static final String MODEL = "llama-3.1-8b-instant";

	static final BatchPolling FAST = BatchPolling.every(Duration.ofMillis(1));

	static GroqEmulator emulator;

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(emulator.baseUrl())
		.apiKey(KEY)
		.defaultModel(MODEL)
		.defaultServiceTier(ServiceTier.FLEX)
		.build();

	private final GroqBatchTemplate batches = this.groq.batches();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	@Test
	void uploadSendsTheJsonlAsAMultipartFileWithoutAnyServiceTierEvenWithADefaultTier() {
		BatchFile file = this.batches.upload(BatchInput.builder()
			.add("q1", ChatRequest.builder().user("One?"))
			.add("q2", ChatRequest.builder("openai/gpt-oss-20b").user("Two?").temperature(0.2))
			.build());
		String jsonl = """
				{"custom_id":"q1","method":"POST","url":"/v1/chat/completions","body":{"model":"llama-3.1-8b-instant",\
				"messages":[{"role":"user","content":"One?"}]}}
				{"custom_id":"q2","method":"POST","url":"/v1/chat/completions","body":{"model":"openai/gpt-oss-20b",\
				"messages":[{"role":"user","content":"Two?"}],"temperature":0.2}}
				""";
		RecordedRequest upload = emulator.lastRequest();
		assertThat(upload.method()).isEqualTo("POST");
		assertThat(upload.path()).isEqualTo("/openai/v1/files");
		assertThat(upload.header("Authorization")).isEqualTo("Bearer " + KEY);
		String contentType = upload.header("Content-Type");
		assertThat(contentType).startsWith("multipart/form-data;boundary=groq-");
		String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
		assertThat(upload.bodyText()).isEqualTo("--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n" + "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n");
		assertThat(upload.header("Content-Length")).isEqualTo(Integer.toString(upload.body().length));
		assertThat(upload.bodyText()).doesNotContain("service_tier");
		assertThat(emulator.batches().fileContent(file.id())).isEqualTo(jsonl);
		assertThat(file.bytes()).isEqualTo(jsonl.getBytes(StandardCharsets.UTF_8).length);
		assertThat(file.filename()).isEqualTo("batch.jsonl");
		assertThat(file.purpose()).isEqualTo("batch");
	}

	@Test
	void autoConfiguredTemplateWithDefaultTierPropertyWritesOneLinePerRequestWithoutTier() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-service-tier=flex",
					"groq.default-model=" + MODEL, "spring.jackson.serialization.indent-output=true")
			.run((context) -> {
				GroqTemplate groq = context.getBean(GroqTemplate.class);
				groq.chat(ChatRequest.builder().user("Synchronous"));
				assertThat(emulator.lastRequest().serviceTier()).isEqualTo("flex");
				Batch batch = groq.batches().submit(input(2));
				assertThat(emulator.batches().fileContent(batch.inputFileId())).isEqualTo("""
						{"custom_id":"q1","method":"POST","url":"/v1/chat/completions","body":{"model":\
						"llama-3.1-8b-instant","messages":[{"role":"user","content":"Question 1?"}]}}
						{"custom_id":"q2","method":"POST","url":"/v1/chat/completions","body":{"model":\
						"llama-3.1-8b-instant","messages":[{"role":"user","content":"Question 2?"}]}}
						""");
				assertThat(emulator.lastRequest().bodyText()).doesNotContain("service_tier");
			});
	}

	@Test
	void codeWrittenAgainstGroqOperationsReachesTheBatchApi() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, RestClientAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=" + MODEL)
			.run((context) -> {
				GroqOperations operations = context.getBean(GroqOperations.class);
				assertThat(operations.batches()).isSameAs(context.getBean(GroqTemplate.class).batches());
				Batch batch = operations.batches().submit(input(1));
				assertThat(operations.batches().get(batch.id()).status()).isEqualTo(BatchStatus.VALIDATING);
				assertThat(emulator.requests()).extracting(RecordedRequest::path)
					.containsExactly("/openai/v1/files", "/openai/v1/batches", "/openai/v1/batches/" + batch.id());
			});
	}

	@Test
	void writeJsonlWritesWhatUploadSends() throws Exception {
		BatchInput input = BatchInput.builder().add("q1", ChatRequest.builder().user("One?")).build();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.batches.writeJsonl(input, out);
		BatchFile file = this.batches.upload(input);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(emulator.batches().fileContent(file.id()))
			.isEqualTo("{\"custom_id\":\"q1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
					+ "{\"model\":\"llama-3.1-8b-instant\",\"messages\":[{\"role\":\"user\",\"content\":\"One?\"}]}}\n");
	}

	@Test
	void submitCreatesTheBatchWithWindowAndMetadataAndNoTier() throws Exception {
		Batch batch = this.batches.submit(input(2),
				BatchOptions.defaults().withCompletionWindow(Duration.ofDays(7)).withMetadata("job", "nightly"));
		RecordedRequest create = emulator.lastRequest();
		assertThat(create.path()).isEqualTo("/openai/v1/batches");
		assertThat(create.header("Content-Type")).isEqualTo("application/json");
		JSONAssert.assertEquals("{\"input_file_id\":\"" + batch.inputFileId() + "\",\"endpoint\":\"/v1/chat/completions\","
				+ "\"completion_window\":\"7d\",\"metadata\":{\"job\":\"nightly\"}}", create.bodyText(),
				JSONCompareMode.STRICT);
		assertThat(batch.status()).isEqualTo(BatchStatus.VALIDATING);
		assertThat(batch.id()).startsWith("batch_");
		assertThat(batch.completionWindow()).isEqualTo("7d");
		assertThat(batch.endpoint()).isEqualTo("/v1/chat/completions");
		assertThat(batch.metadata()).containsEntry("job", "nightly");
		assertThat(batch.expiresAt() - batch.createdAt()).isEqualTo(Duration.ofDays(7).toSeconds());
		assertThat(batch.requestCounts()).isEqualTo(Batch.RequestCounts.NONE);
	}

	@Test
	void submitWithDefaultOptionsSendsTwentyFourHoursAndNoMetadata() throws Exception {
		this.batches.submit(input(1));
		JSONAssert.assertEquals("{\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}",
				emulator.lastRequest().bodyText(), JSONCompareMode.LENIENT);
		assertThat(emulator.lastRequest().json().has("metadata")).isFalse();
	}

	@Test
	void requestWithoutModelAndNoDefaultModelFailsBeforeUpload() throws Exception {
		try (GroqTemplate noDefault = GroqTemplate.builder().baseUrl(emulator.baseUrl()).build()) {
			BatchInput input = BatchInput.builder().add("q1", ChatRequest.builder().user("One?")).build();
			assertThatIllegalArgumentException().isThrownBy(() -> noDefault.batches().submit(input))
				.withMessage("Batch request 'q1' names no model: name one with ChatRequest.builder(model) or set "
						+ "groq.default-model");
		}
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void defaultLimitsAreFiftyThousandLinesAndOneHundredMegabytes() {
		assertThat(this.batches.getLimits()).isEqualTo(new BatchLimits(50_000, 104_857_600L));
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.upload(input(50_001)))
			.withMessage("The batch has 50001 requests, more than the 50000 Groq accepts in one batch: submit it with "
					+ "jobs().submit(...), which splits it into several batches (or raise BatchLimits if Groq raised "
					+ "your limit)");
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void inputOverTheSizeLimitIsRefusedBeforeUploadNamingTheRequest() {
		GroqBatchTemplate small = this.batches.withLimits(new BatchLimits(50_000, 400));
		assertThatIllegalArgumentException().isThrownBy(() -> small.submit(input(3)))
			.withMessage("The batch file exceeds 400 bytes at request 3 ('q3'), more than Groq accepts in one file: "
					+ "submit it with jobs().submit(...), which splits it into several batches (or raise BatchLimits "
					+ "if Groq raised your limit)");
		assertThat(emulator.requests()).isEmpty();
		assertThat(small.withLimits(BatchLimits.DEFAULT).submit(input(3)).status()).isEqualTo(BatchStatus.VALIDATING);
	}

	@Test
	void inputOverTheLineLimitIsRefusedBeforeUpload() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.batches.withLimits(new BatchLimits(2, 1024)).upload(input(3)))
			.withMessageStartingWith("The batch has 3 requests, more than the 2 Groq accepts in one batch");
		assertThat(emulator.requests()).isEmpty();
	}

	@Test
	void limitsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BatchLimits(0, 1))
			.withMessage("maxLines must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new BatchLimits(1, 0))
			.withMessage("maxBytes must be at least 1, was 0");
	}

	@Test
	void awaitReportsProgressInOrderUntilCompleted() {
		emulator.batches().linesPerStep(1);
		Batch submitted = this.batches.submit(input(4));
		List<String> progress = new ArrayList<>();
		Batch done = this.batches.await(submitted.id(), FAST, (batch) -> progress
			.add(batch.status() + " " + batch.requestCounts().done() + "/" + batch.requestCounts().total()));
		assertThat(progress).containsExactly("validating 0/0", "in_progress 0/4", "in_progress 1/4", "in_progress 2/4",
				"in_progress 3/4", "finalizing 4/4", "completed 4/4");
		assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(done.requestCounts()).isEqualTo(new Batch.RequestCounts(4, 4, 0));
		assertThat(done.outputFileId()).isNotNull();
		assertThat(done.errorFileId()).isNull();
		assertThat(done.completedAt()).isNotNull();
		assertThat(emulator.lastRequest().path()).isEqualTo("/openai/v1/batches/" + submitted.id());
	}

	@Test
	void awaitPollsAtDoublingIntervalsBoundedByTheMaximum() {
		List<Duration> sleeps = new ArrayList<>();
		GroqBatchTemplate timed = this.batches.withTiming(sleeps::add, Clock.systemUTC());
		emulator.batches().linesPerStep(1);
		Batch batch = timed.submit(input(4));
		timed.await(batch.id(), new BatchPolling(Duration.ofMillis(10), Duration.ofMillis(50), null), (b) -> {
		});
		assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40),
				Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
	}

	@Test
	void awaitGivesUpAfterTheTimeoutWithTheBatchAsLastSeen() {
		MutableClock clock = new MutableClock();
		GroqBatchTemplate timed = this.batches.withTiming(clock::advance, clock);
		emulator.batches().linesPerStep(1);
		Batch batch = timed.submit(input(4));
		BatchPolling polling = BatchPolling.every(Duration.ofSeconds(2)).withTimeout(Duration.ofSeconds(3));
		assertThatExceptionOfType(BatchAwaitTimeoutException.class)
			.isThrownBy(() -> timed.await(batch.id(), polling, (b) -> {
			}))
			.withMessage("Batch " + batch.id() + " is still in_progress (1 of 4 requests done) after waiting PT3S: "
					+ "it goes on at Groq; await it again or cancel it")
			.satisfies((ex) -> assertThat(ex.getBatch().status()).isEqualTo(BatchStatus.IN_PROGRESS));
		assertThat(clock.instant()).isEqualTo(MutableClock.START.plusSeconds(3));
	}

	@Test
	void resultsMergeOutputAndErrorFilesByCustomId() {
		emulator.batches()
			.failRequest("q2", EmulatedResponse.error(400, "invalid_request_error", "json_validate_failed",
					"Failed to generate JSON"));
		BatchInput input = input(5);
		Batch done = this.batches.await(this.batches.submit(input).id(), FAST, (batch) -> {
		});
		assertThat(done.requestCounts()).isEqualTo(new Batch.RequestCounts(5, 4, 1));
		BatchResults results = this.batches.results(done);
		assertThat(results.size()).isEqualTo(5);
		assertThat(results.missingFrom(input)).isEmpty();
		for (String id : List.of("q1", "q3", "q4", "q5")) {
			assertThat(results.get(id)).get()
				.isInstanceOfSatisfying(BatchResult.Success.class, (success) -> assertThat(success.content())
					.isEqualTo("Emulated reply to: Question " + id.substring(1) + "?"));
		}
		assertThat(results.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.customId()).isEqualTo("q2");
			assertThat(failure.statusCode()).isEqualTo(400);
			assertThat(failure.error().code()).isEqualTo("json_validate_failed");
			assertThat(failure.error().message()).isEqualTo("Failed to generate JSON");
			assertThat(failure.requestId()).startsWith("req_");
		});
		assertThat(results.successes()).hasSize(4)
			.allSatisfy((success) -> assertThat(success.response().completion().model()).isEqualTo(MODEL));
		assertThat(emulator.requests()).extracting(RecordedRequest::path)
			.contains("/openai/v1/files/" + done.outputFileId() + "/content",
					"/openai/v1/files/" + done.errorFileId() + "/content");
	}

	@Test
	void expiredBatchYieldsItsPartialResults() {
		emulator.batches().linesPerStep(1).expireNextBatchAfter(2);
		BatchInput input = input(5);
		Batch expired = this.batches.await(this.batches.submit(input).id(), FAST, (batch) -> {
		});
		assertThat(expired.status()).isEqualTo(BatchStatus.EXPIRED);
		assertThat(expired.expiredAt()).isNotNull();
		assertThat(expired.requestCounts()).isEqualTo(new Batch.RequestCounts(5, 2, 3));
		BatchResults results = this.batches.results(expired);
		assertThat(results.successes()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q1", "q2");
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q3", "q4", "q5");
		assertThat(results.failures()).allSatisfy((failure) -> {
			assertThat(failure.expired()).isTrue();
			assertThat(failure.statusCode()).isZero();
			assertThat(failure.error().message())
				.isEqualTo("This request could not be executed before the completion window expired.");
		});
		assertThat(results.missingFrom(input)).isEmpty();
	}

	@Test
	void cancelStopsTheBatchAndKeepsWhatIsDone() {
		emulator.batches().linesPerStep(1);
		Batch batch = this.batches.submit(input(4));
		this.batches.get(batch.id());
		this.batches.get(batch.id());
		Batch cancelling = this.batches.cancel(batch.id());
		RecordedRequest cancel = emulator.lastRequest();
		assertThat(cancel.method()).isEqualTo("POST");
		assertThat(cancel.path()).isEqualTo("/openai/v1/batches/" + batch.id() + "/cancel");
		assertThat(cancel.body()).isEmpty();
		assertThat(cancel.header("Content-Length")).isEqualTo("0");
		assertThat(cancelling.status()).isEqualTo(BatchStatus.CANCELLING);
		assertThat(cancelling.cancellingAt()).isNotNull();
		Batch cancelled = this.batches.await(batch.id(), FAST, (b) -> {
		});
		assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
		BatchResults results = this.batches.results(cancelled);
		assertThat(results.successes()).extracting(BatchResult::customId).containsExactly("q1");
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q2", "q3", "q4");
		assertThat(results.failures()).allSatisfy((failure) -> assertThat(failure.cancelled()).isTrue());
	}

	@Test
	void cancellingAFinishedBatchIsABadRequest() {
		Batch done = this.batches.await(this.batches.submit(input(1)).id(), FAST, (b) -> {
		});
		assertThatExceptionOfType(GroqBadRequestException.class).isThrownBy(() -> this.batches.cancel(done.id()))
			.withMessageContaining("cannot be cancelled: it is completed");
	}

	@Test
	void resultsOfARunningBatchAreRefusedUntilItFinishes() {
		emulator.batches().advanceOnRetrieve(false);
		Batch batch = this.batches.submit(input(2));
		assertThatIllegalStateException().isThrownBy(() -> this.batches.results(batch))
			.withMessage("Batch " + batch.id() + " is validating (0 of 0 requests done): its results come when it "
					+ "finishes; wait for it with await(...)");
	}

	@Test
	void resultsOfABatchThatFailedValidationExplainWhy() {
		emulator.batches().failNextBatchValidation("Model `nope` is not available for batch processing");
		Batch failed = this.batches.await(this.batches.submit(input(1)).id(), FAST, (b) -> {
		});
		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.errors().data()).singleElement()
			.satisfies((error) -> assertThat(error.code()).isEqualTo("invalid_request"));
		assertThatIllegalStateException().isThrownBy(() -> this.batches.results(failed))
			.withMessage("Batch " + failed.id() + " failed validation, so it has no results: "
					+ "Model `nope` is not available for batch processing");
	}

	@Test
	void listPagesWithACursor() {
		emulator.batches().cursorPaging(true); // Groq's API reference lists batches without paging
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(0, this.batches.submit(input(1)).id());
		}
		BatchPage first = this.batches.list(null, 2);
		assertThat(emulator.lastRequest().query()).isEqualTo("limit=2");
		assertThat(first.data()).extracting(Batch::id).containsExactly(ids.get(0), ids.get(1));
		assertThat(first.hasMore()).isTrue();
		BatchPage second = this.batches.list(first.nextCursor(), 2);
		assertThat(emulator.lastRequest().query()).isEqualTo("after=" + ids.get(1) + "&limit=2");
		assertThat(second.data()).extracting(Batch::id).containsExactly(ids.get(2), ids.get(3));
		BatchPage last = this.batches.list(second.nextCursor(), 2);
		assertThat(last.data()).extracting(Batch::id).containsExactly(ids.get(4));
		assertThat(last.hasMore()).isFalse();
		assertThat(this.batches.list().data()).hasSize(5);
		assertThat(emulator.lastRequest().query()).isNull();
	}

	@Test
	void listAllFollowsTheCursorPageByPage() {
		emulator.batches().cursorPaging(true); // Groq's API reference lists batches without paging
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(0, this.batches.submit(input(1)).id());
		}
		int before = emulator.requests().size();
		assertThat(this.batches.listAll(2).map(Batch::id).toList()).isEqualTo(ids);
		assertThat(emulator.requests().subList(before, emulator.requests().size())).extracting(RecordedRequest::query)
			.containsExactly("limit=2", "after=" + ids.get(1) + "&limit=2", "after=" + ids.get(3) + "&limit=2");
	}

	@Test
	void cursorIsEncodedAndGroqsRefusalIsTyped() {
		emulator.batches().cursorPaging(true); // Groq's API reference lists batches without paging
		assertThatExceptionOfType(GroqBadRequestException.class)
			.isThrownBy(() -> this.batches.list("batch x&y", 3))
			.withMessageContaining("after: no batch 'batch x&y'");
		assertThat(emulator.lastRequest().query()).isEqualTo("after=batch%20x%26y&limit=3");
		assertThatIllegalArgumentException().isThrownBy(() -> this.batches.list(null, 0))
			.withMessage("limit must be at least 1, was 0");
	}

	@Test
	void filesCanBeListedReadAndDeleted() throws Exception {
		Batch done = this.batches.await(this.batches.submit(input(2)).id(), FAST, (b) -> {
		});
		assertThat(this.batches.files().list()).extracting(BatchFile::id)
			.containsExactly(done.inputFileId(), done.outputFileId());
		BatchFile output = this.batches.files().get(done.outputFileId());
		assertThat(output.purpose()).isEqualTo("batch_output");
		try (InputStream content = this.batches.files().download(done.outputFileId())) {
			String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize((int) output.bytes());
			assertThat(text.lines()).hasSize(2).allSatisfy((line) -> assertThat(line).startsWith("{\"id\":\"batch_req_"));
		}
		FileDeletion deletion = this.batches.files().delete(done.inputFileId());
		assertThat(deletion).isEqualTo(new FileDeletion(done.inputFileId(), "file", true));
		assertThat(emulator.lastRequest().method()).isEqualTo("DELETE");
		assertThat(this.batches.files().list()).extracting(BatchFile::id).containsExactly(done.outputFileId());
		assertThatExceptionOfType(GroqNotFoundException.class)
			.isThrownBy(() -> this.batches.files().get(done.inputFileId()))
			.withMessageContaining("No file with id '" + done.inputFileId() + "'");
		assertThatExceptionOfType(GroqNotFoundException.class)
			.isThrownBy(() -> this.batches.files().download(done.inputFileId()));
	}

	@Test
	void submitDeletesTheUploadedFileWhenCreatingTheBatchFails() {
		emulator.enqueue("/openai/v1/batches", EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		assertThatExceptionOfType(GroqServerException.class).isThrownBy(() -> this.batches.submit(input(1)))
			.withMessageContaining("boom");
		assertThat(emulator.lastRequest().method()).isEqualTo("DELETE");
		assertThat(this.batches.files().list()).isEmpty();
	}

	@Test
	void templateGivesOneBatchTemplateSharingItsClientAndDefaultModel() {
		assertThat(this.groq.batches()).isSameAs(this.batches);
		assertThat(this.batches).hasToString("GroqBatchTemplate[defaultModel=llama-3.1-8b-instant, "
				+ "limits=BatchLimits[maxLines=50000, maxBytes=104857600]]");
	}

	static BatchInput input(int requests) {
		BatchInput.Builder builder = BatchInput.builder();
		for (int i = 1; i <= requests; i++) {
			builder.add("q" + i, ChatRequest.builder().user("Question " + i + "?"));
		}
		return builder.build();
	}

	/** A clock that moves only when the poller sleeps. */
	@Test
	void batchLinesCarryNoTierEvenInsideAGroqTierMethod() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqTierAutoConfiguration.class,
					RestClientAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=" + MODEL,
					"groq.default-service-tier=on_demand")
			.withBean(FlexJobs.class)
			.run((context) -> {
				Batch batch = context.getBean(FlexJobs.class).chatThenSubmit(context.getBean(GroqTemplate.class));
				assertThat(emulator.chatRequests()).singleElement()
					.satisfies((request) -> assertThat(request.serviceTier()).isEqualTo("flex"));
				assertThat(emulator.batches().fileContent(batch.inputFileId())).doesNotContain("service_tier");
				assertThat(emulator.requests()).filteredOn((request) -> request.path().startsWith("/openai/v1/batches"))
					.isNotEmpty()
					.allSatisfy((request) -> assertThat(request.bodyText()).doesNotContain("service_tier"));
			});
	}

	static class FlexJobs {

		@GroqTier(ServiceTier.FLEX)
		public Batch chatThenSubmit(GroqTemplate groq) {
			groq.chat(ChatRequest.builder().user("sync"));
			return groq.batches().submit(input(2));
		}

	}

	static final class MutableClock extends Clock {

		static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

		private Instant now = START;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
