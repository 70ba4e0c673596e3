package io.github.groqspring.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.batch.BatchJob.Part;
import io.github.groqspring.batch.GroqBatchTemplateTests.MutableClock;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqAuthenticationException;
import io.github.groqspring.error.GroqBadRequestException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(GroqEmulatorExtension.class)
class BatchJobsTests {

	static final String KEY = "gsk_batch_job_test_0123456789";

	static final String MODEL = "llama-3.1-8b-instant";

	static final BatchPolling FAST = BatchPolling.every(Duration.ofMillis(1));

	static GroqEmulator emulator;

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(emulator.baseUrl())
		.apiKey(KEY)
		.defaultModel(MODEL)
		.defaultServiceTier(ServiceTier.FLEX)
		.build();

	private final List<Path> jobDirectoriesBefore = jobDirectories();

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	@Test
	void anInputOverTheLineLimitIsSubmittedAsBatchesOfExactlyThatManyLines() throws Exception {
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(7),
				BatchOptions.defaults().withCompletionWindow("48h").withMetadata("job", "nightly"));
		assertThat(job.parts()).extracting(Part::number, Part::lines)
			.containsExactly(tuple(1, 3L), tuple(2, 3L), tuple(3, 1L));
		assertThat(job.parts()).allSatisfy((part) -> {
			assertThat(part.status()).isEqualTo(BatchStatus.VALIDATING);
			assertThat(part.inputFile()).isNull();
			assertThat(part.submitFailure()).isNull();
		});
		List<RecordedRequest> requests = emulator.requests();
		assertThat(requests).extracting(RecordedRequest::path)
			.containsExactly("/openai/v1/files", "/openai/v1/batches", "/openai/v1/files", "/openai/v1/batches",
					"/openai/v1/files", "/openai/v1/batches");
		assertThat(requests.get(2).bodyText()).contains("filename=\"batch-2-of-3.jsonl\"");
		for (int i = 0; i < 3; i++) {
			Batch batch = job.parts().get(i).batch();
			assertThat(emulator.batches().fileContent(batch.inputFileId()))
				.isEqualTo(jsonl(IntStream.rangeClosed(3 * i + 1, Math.min(3 * i + 3, 7))));
			JSONAssert.assertEquals("{\"input_file_id\":\"" + batch.inputFileId() + "\",\"endpoint\":\"/v1/chat/completions\","
					+ "\"completion_window\":\"48h\",\"metadata\":{\"job\":\"nightly\"}}", requests.get(2 * i + 1).bodyText(),
					JSONCompareMode.STRICT);
			assertThat(job.parts().get(i).bytes()).isEqualTo(emulator.batches().fileContent(batch.inputFileId()).length());
		}
		assertThat(job.batchIds()).containsExactly(job.parts().get(0).batch().id(), job.parts().get(1).batch().id(),
				job.parts().get(2).batch().id());
		assertThat(job.size()).isEqualTo(7);
		assertThat(job).hasToString("BatchJob[3 parts, 7 requests, 3 running, 0 unsubmitted]");
		assertThat(jobDirectories()).as("the part files are deleted").isEqualTo(this.jobDirectoriesBefore);
		assertThat(requests).allSatisfy((request) -> assertThat(request.bodyText()).doesNotContain("service_tier"));
	}

	@Test
	void anInputOverTheByteLimitIsSplitWhereTheNextLineWouldPassIt() throws Exception {
		long lineBytes = jsonl(IntStream.of(1)).length();
		assertThat(jsonl(IntStream.of(9)).length()).isEqualTo(lineBytes);
		BatchJob exact = jobs(new BatchLimits(100, 2 * lineBytes)).submit(GroqBatchTemplateTests.input(5));
		assertThat(exact.parts()).extracting(Part::lines, Part::bytes)
			.containsExactly(tuple(2L, 2 * lineBytes), tuple(2L, 2 * lineBytes), tuple(1L, lineBytes));
		BatchJob oneShort = jobs(new BatchLimits(100, 2 * lineBytes - 1)).submit(GroqBatchTemplateTests.input(3));
		assertThat(oneShort.parts()).extracting(Part::lines).containsExactly(1L, 1L, 1L);
		BatchJob both = jobs(new BatchLimits(2, 3 * lineBytes)).submit(GroqBatchTemplateTests.input(3));
		assertThat(both.parts()).extracting(Part::lines).containsExactly(2L, 1L);
		BatchJob one = jobs(new BatchLimits(3, 3 * lineBytes)).submit(GroqBatchTemplateTests.input(3));
		assertThat(one.parts()).singleElement().satisfies((part) -> {
			assertThat(part.lines()).isEqualTo(3);
			assertThat(part.bytes()).isEqualTo(3 * lineBytes);
			assertThat(emulator.batches().fileContent(part.batch().inputFileId())).isEqualTo(jsonl(IntStream.of(1, 2, 3)));
		});
	}

	@Test
	void aRequestLargerThanABatchFileFailsTheJobBeforeAnythingIsSent() {
		long lineBytes = jsonl(IntStream.of(1)).length();
		BatchJobs jobs = jobs(new BatchLimits(100, lineBytes + 5));
		Stream<BatchLine> lines = Stream.of(new BatchLine("q1", ChatRequest.builder().user("Question 1?").build()),
				new BatchLine("long", ChatRequest.builder().user("A question much longer than the others?").build()));
		assertThatIllegalArgumentException().isThrownBy(() -> jobs.submit(lines, BatchOptions.defaults()))
			.withMessage("Batch request 2 ('long') alone is " + (lineBytes + 30) + " bytes as a JSONL line, more than the "
					+ (lineBytes + 5) + " bytes a batch file may hold: shorten it");
		assertThat(emulator.requests()).isEmpty();
		assertThat(jobDirectories()).isEqualTo(this.jobDirectoriesBefore);
	}

	@Test
	void aCustomIdRepeatedInALaterPartFailsTheJobBeforeAnythingIsSentNamingBothRequests() {
		BatchJobs jobs = jobs(new BatchLimits(2, 1_000_000));
		Stream<BatchLine> lines = Stream.concat(lines(5), Stream.of(line("q2")));
		assertThatIllegalArgumentException().isThrownBy(() -> jobs.submit(lines, BatchOptions.defaults()))
			.withMessage("Duplicate custom_id 'q2' at request 6 (first at request 2): every request of a job needs its own "
					+ "custom_id, since results come back in any order and are matched by it");
		assertThat(emulator.requests()).isEmpty();
		assertThat(jobDirectories()).as("the parts written are deleted").isEqualTo(this.jobDirectoriesBefore);
	}

	@Test
	void aStreamedRequestGroqWouldRefuseFailsTheJobBeforeAnythingIsSent() throws Exception {
		BatchJobs jobs = this.groq.batches().jobs();
		Stream<BatchLine> tiered = Stream.of(line("q1"),
				new BatchLine("q2", ChatRequest.builder().user("Hi").serviceTier(ServiceTier.FLEX).build()));
		assertThatIllegalArgumentException().isThrownBy(() -> jobs.submit(tiered, BatchOptions.defaults()))
			.withMessageStartingWith("Batch request 'q2' sets service_tier 'flex', but Groq's Batch API does not accept");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> jobs.submit(Stream.of(new BatchLine(" ", ChatRequest.builder().user("Hi").build())),
					BatchOptions.defaults()))
			.withMessage("A batch request needs a non-blank custom_id to match its result by");
		assertThatIllegalArgumentException().isThrownBy(() -> jobs.submit(Stream.empty(), BatchOptions.defaults()))
			.withMessage("A batch job needs at least one request: the input was empty");
		try (GroqTemplate noDefault = GroqTemplate.builder().baseUrl(emulator.baseUrl()).build()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> noDefault.batches().jobs().submit(lines(2), BatchOptions.defaults()))
				.withMessage("Batch request 'q1' names no model: name one with ChatRequest.builder(model) or set "
						+ "groq.default-model");
		}
		assertThat(emulator.requests()).isEmpty();
		assertThat(jobDirectories()).isEqualTo(this.jobDirectoriesBefore);
	}

	@Test
	void aSplitOverGroqsLineLimitFailsThatBatchInTheEmulatorAndIsReportedForItsRequests() {
		emulator.batches().limits(2, 1_000_000);
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob done = jobs.await(jobs.submit(GroqBatchTemplateTests.input(5)), FAST, (job) -> {
		});
		assertThat(done.parts()).extracting(Part::lines, Part::status)
			.containsExactly(tuple(3L, BatchStatus.FAILED), tuple(2L, BatchStatus.COMPLETED));
		String failedId = done.parts().get(0).batch().id();
		BatchResults results = jobs.results(done);
		assertThat(results.successes()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q4", "q5");
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactly("q1", "q2", "q3");
		assertThat(results.failures()).allSatisfy((failure) -> {
			assertThat(failure.error().code()).isEqualTo(BatchResult.Failure.BATCH_FAILED);
			assertThat(failure.error().message()).isEqualTo("Batch " + failedId + " failed validation: The batch input "
					+ "file has 3 requests: a batch holds at most 2.");
		});
	}

	@Test
	void aSplitOverGroqsFileSizeIsRefusedAtUploadAndOnlyThatPartIsLeftUnsubmitted() throws Exception {
		long lineBytes = jsonl(IntStream.of(1)).length();
		emulator.batches().limits(100, 2 * lineBytes);
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(5));
		assertThat(job.parts()).extracting(Part::lines, Part::isSubmitted)
			.containsExactly(tuple(3L, false), tuple(2L, true));
		Part refused = job.parts().get(0);
		assertThat(refused.submitFailure()).isInstanceOf(GroqBadRequestException.class)
			.hasMessageContaining("The file is " + 3 * lineBytes + " bytes, more than the " + 2 * lineBytes
					+ " bytes a batch input file may have");
		assertThat(Files.readString(refused.inputFile())).isEqualTo(jsonl(IntStream.of(1, 2, 3)));
		assertThat(emulator.requests()).extracting(RecordedRequest::path)
			.containsExactly("/openai/v1/files", "/openai/v1/files", "/openai/v1/batches");
		assertThat(this.groq.batches().files().list()).hasSize(1);
		BatchJob done = jobs.await(job, FAST, (progress) -> {
		});
		Map<String, String> codes = new HashMap<>();
		jobs.forEachResult(done, (result) -> codes.put(result.customId(),
				(result instanceof BatchResult.Failure failure) ? failure.error().code() : "ok"));
		assertThat(codes).containsOnly(Map.entry("q1", BatchResult.Failure.NOT_SUBMITTED),
				Map.entry("q2", BatchResult.Failure.NOT_SUBMITTED), Map.entry("q3", BatchResult.Failure.NOT_SUBMITTED),
				Map.entry("q4", "ok"), Map.entry("q5", "ok"));
		jobs.deleteFiles(done);
		assertThat(jobDirectories()).isEqualTo(this.jobDirectoriesBefore);
	}

	@Test
	void awaitReportsTheJobsAggregatedProgressEachRoundSomethingChanged() {
		emulator.batches().linesPerStep(1);
		BatchJobs jobs = jobs(new BatchLimits(2, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(3));
		List<String> progress = new ArrayList<>();
		BatchJob done = jobs.await(job, FAST, (current) -> progress.add(current.parts()
			.stream()
			.map((part) -> part.status().wireValue())
			.toList() + " " + current.requestCounts().done() + "/" + current.requestCounts().total()));
		assertThat(progress).containsExactly("[validating, validating] 0/3", "[in_progress, in_progress] 0/3",
				"[in_progress, finalizing] 2/3", "[finalizing, completed] 3/3", "[completed, completed] 3/3");
		assertThat(done.isRunning()).isFalse();
		assertThat(done.isComplete()).isTrue();
		assertThat(done.requestCounts()).isEqualTo(new Batch.RequestCounts(3, 3, 0));
		assertThat(emulator.requests().stream().filter((request) -> request.method().equals("GET")).count())
			.as("a finished batch is not polled again").isEqualTo(9);
	}

	@Test
	void resultsOfEveryPartAreMergedByCustomIdEachRequestOnce() {
		emulator.batches()
			.failRequest("q5", EmulatedResponse.error(400, "invalid_request_error", "json_validate_failed", "Bad JSON"));
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob done = jobs.await(jobs.submit(GroqBatchTemplateTests.input(7)), FAST, (job) -> {
		});
		BatchResults results = jobs.results(done);
		assertThat(results.byCustomId().keySet()).containsExactlyInAnyOrder("q1", "q2", "q3", "q4", "q5", "q6", "q7");
		assertThat(results.successes()).hasSize(6)
			.allSatisfy((success) -> assertThat(success.content())
				.isEqualTo("Emulated reply to: Question " + success.customId().substring(1) + "?"));
		assertThat(results.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.customId()).isEqualTo("q5");
			assertThat(failure.statusCode()).isEqualTo(400);
			assertThat(failure.error().code()).isEqualTo("json_validate_failed");
		});
		List<String> streamed = new ArrayList<>();
		jobs.forEachResult(done, (result) -> streamed.add(result.customId()));
		assertThat(streamed).hasSize(7).doesNotHaveDuplicates();
		assertThat(streamed.subList(0, 3)).as("part by part").containsExactlyInAnyOrder("q1", "q2", "q3");
	}

	@Test
	void aPartThatFailsToUploadKeepsItsFileWhileTheOthersRunAndIsResubmittedLater() throws Exception {
		emulator.batches().failUploadContaining("q5", EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(7));
		assertThat(job.parts()).extracting(Part::isSubmitted).containsExactly(true, false, true);
		Part failed = job.unsubmittedParts().get(0);
		assertThat(failed.number()).isEqualTo(2);
		assertThat(failed.submitFailure()).isInstanceOf(GroqServerException.class).hasMessageContaining("boom");
		assertThat(Files.readString(failed.inputFile())).isEqualTo(jsonl(IntStream.of(4, 5, 6)));
		assertThat(job).hasToString("BatchJob[3 parts, 7 requests, 2 running, 1 unsubmitted]");
		BatchJob finished = jobs.await(job, FAST, (progress) -> {
		});
		assertThat(finished.isRunning()).isFalse();
		assertThat(finished.isComplete()).isFalse();
		Map<String, BatchResult> results = new HashMap<>();
		jobs.forEachResult(finished, (result) -> results.put(result.customId(), result));
		assertThat(results).hasSize(7);
		for (String id : List.of("q4", "q5", "q6")) {
			assertThat(results.get(id)).isInstanceOfSatisfying(BatchResult.Failure.class, (failure) -> {
				assertThat(failure.error().code()).isEqualTo(BatchResult.Failure.NOT_SUBMITTED);
				assertThat(failure.statusCode()).isZero();
				assertThat(failure.error().message()).isEqualTo("Part 2 of 3 of the job was not submitted ("
						+ failed.submitFailure().getMessage() + "): its requests are kept in " + failed.inputFile()
						+ "; resubmit(job) sends them again");
			});
		}
		assertThat(results.values()).filteredOn(BatchResult::succeeded)
			.extracting(BatchResult::customId)
			.containsExactlyInAnyOrder("q1", "q2", "q3", "q7");
		BatchJob resubmitted = jobs.resubmit(finished);
		assertThat(resubmitted.unsubmittedParts()).isEmpty();
		assertThat(Files.exists(failed.inputFile())).isFalse();
		assertThat(jobDirectories()).isEqualTo(this.jobDirectoriesBefore);
		assertThat(emulator.lastRequest().path()).isEqualTo("/openai/v1/batches");
		BatchJob complete = jobs.await(resubmitted, FAST, (progress) -> {
		});
		assertThat(complete.isComplete()).isTrue();
		assertThat(jobs.results(complete).successes()).hasSize(7);
	}

	@Test
	void anAuthenticationFailureStopsTheSubmissionSinceEveryPartWouldGetIt() {
		emulator.requireApiKey("gsk_another_key_0123456789");
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(7));
		assertThat(emulator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/openai/v1/files"));
		assertThat(job.unsubmittedParts()).hasSize(3).allSatisfy((part) -> {
			assertThat(part.submitFailure()).isInstanceOf(GroqAuthenticationException.class)
				.isSameAs(job.parts().get(0).submitFailure());
			assertThat(part.inputFile()).exists();
		});
		assertThat(jobs.deleteFiles(job)).isZero();
		assertThat(job.parts()).allSatisfy((part) -> assertThat(part.inputFile()).doesNotExist());
		assertThat(jobDirectories()).isEqualTo(this.jobDirectoriesBefore);
	}

	@Test
	void aBatchThatFailsValidationIsReportedForItsRequestsWhileTheOthersComplete() {
		emulator.batches().failBatchContaining("q4", "Model `x` is not available for batch processing");
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob done = jobs.await(jobs.submit(GroqBatchTemplateTests.input(7)), FAST, (job) -> {
		});
		assertThat(done.parts()).extracting(Part::status)
			.containsExactly(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.COMPLETED);
		assertThat(done.unsuccessfulParts()).extracting(Part::number).containsExactly(2);
		String failedId = done.parts().get(1).batch().id();
		BatchResults results = jobs.results(done);
		assertThat(results.size()).isEqualTo(7);
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactly("q4", "q5", "q6");
		assertThat(results.failures()).allSatisfy((failure) -> {
			assertThat(failure.error().code()).isEqualTo(BatchResult.Failure.BATCH_FAILED);
			assertThat(failure.error().message())
				.isEqualTo("Batch " + failedId + " failed validation: Model `x` is not available for batch processing");
		});
		assertThat(emulator.requests()).extracting(RecordedRequest::path)
			.contains("/openai/v1/files/" + done.parts().get(1).batch().inputFileId() + "/content");
	}

	@Test
	void anExpiredBatchGivesItsPartialResultsWhileTheOthersComplete() {
		emulator.batches().linesPerStep(1).expireBatchContaining("q5", 1);
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob done = jobs.await(jobs.submit(GroqBatchTemplateTests.input(7)), FAST, (job) -> {
		});
		assertThat(done.parts()).extracting(Part::status)
			.containsExactly(BatchStatus.COMPLETED, BatchStatus.EXPIRED, BatchStatus.COMPLETED);
		assertThat(done.requestCounts()).isEqualTo(new Batch.RequestCounts(7, 5, 2));
		BatchResults results = jobs.results(done);
		assertThat(results.successes()).extracting(BatchResult::customId)
			.containsExactlyInAnyOrder("q1", "q2", "q3", "q4", "q7");
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q5", "q6");
		assertThat(results.failures()).allSatisfy((failure) -> assertThat(failure.expired()).isTrue());
	}

	@Test
	void cancelCancelsEveryRunningBatchAndLeavesOneThatFinishedMeanwhile() {
		emulator.batches().advanceOnRetrieve(false);
		BatchJobs jobs = jobs(new BatchLimits(2, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(5));
		String first = job.parts().get(0).batch().id();
		String last = job.parts().get(2).batch().id();
		emulator.batches().advance(first);
		emulator.batches().advance(first);
		while (!emulator.batches().advance(last).equals("completed")) {
			// the last part finishes before the cancel
		}
		BatchJob cancelling = jobs.cancel(job);
		assertThat(cancelling.parts()).extracting(Part::status)
			.containsExactly(BatchStatus.CANCELLING, BatchStatus.CANCELLING, BatchStatus.COMPLETED);
		assertThat(emulator.requests()).filteredOn((request) -> request.path().endsWith("/cancel"))
			.extracting(RecordedRequest::path)
			.containsExactly("/openai/v1/batches/" + first + "/cancel",
					"/openai/v1/batches/" + job.parts().get(1).batch().id() + "/cancel",
					"/openai/v1/batches/" + last + "/cancel");
		emulator.batches().advanceOnRetrieve(true);
		BatchJob cancelled = jobs.await(cancelling, FAST, (progress) -> {
		});
		assertThat(cancelled.parts()).extracting(Part::status)
			.containsExactly(BatchStatus.CANCELLED, BatchStatus.CANCELLED, BatchStatus.COMPLETED);
		assertThat(cancelled.unsuccessfulParts()).extracting(Part::number).containsExactly(1, 2);
		BatchResults results = jobs.results(cancelled);
		assertThat(results.successes()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q1", "q5");
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactlyInAnyOrder("q2", "q3", "q4");
		assertThat(results.failures()).allSatisfy((failure) -> assertThat(failure.cancelled()).isTrue());
	}

	@Test
	void aRequestABatchReturnedNoResultForIsReportedFromItsInputFile() {
		emulator.batches().dropResult("q2");
		BatchJobs jobs = jobs(new BatchLimits(3, 1_000_000));
		BatchJob done = jobs.await(jobs.submit(GroqBatchTemplateTests.input(4)), FAST, (job) -> {
		});
		BatchResults results = jobs.results(done);
		assertThat(results.size()).isEqualTo(4);
		assertThat(results.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.customId()).isEqualTo("q2");
			assertThat(failure.error().code()).isEqualTo(BatchResult.Failure.NO_RESULT);
			assertThat(failure.error().message()).isEqualTo(
					"Batch " + done.parts().get(0).batch().id() + " (completed) returned no result for this request");
		});
		assertThat(emulator.requests()).extracting(RecordedRequest::path)
			.doesNotContain("/openai/v1/files/" + done.parts().get(1).batch().inputFileId() + "/content");
	}

	@Test
	void resultsOfARunningJobAreRefusedNamingItsRunningBatches() {
		emulator.batches().advanceOnRetrieve(false);
		BatchJobs jobs = jobs(new BatchLimits(2, 1_000_000));
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(3));
		assertThatIllegalStateException().isThrownBy(() -> jobs.forEachResult(job, (result) -> {
		}))
			.withMessage("The job's batches " + job.parts().get(0).batch().id() + " (validating), "
					+ job.parts().get(1).batch().id() + " (validating) are still running (0 of 3 requests done): the job's "
					+ "results come when they finish; wait for them with await(job, ...)");
		assertThatIllegalStateException().isThrownBy(() -> jobs.deleteFiles(job))
			.withMessageEndingWith("are still running: delete their files once they finish");
	}

	@Test
	void awaitGivesUpAfterTheTimeoutWithTheJobAsLastSeen() {
		MutableClock clock = new MutableClock();
		BatchJobs jobs = this.groq.batches().withLimits(new BatchLimits(2, 1_000_000)).withTiming(clock::advance, clock).jobs();
		emulator.batches().linesPerStep(1);
		BatchJob job = jobs.submit(GroqBatchTemplateTests.input(4));
		BatchPolling polling = BatchPolling.every(Duration.ofSeconds(2)).withTimeout(Duration.ofSeconds(3));
		assertThatExceptionOfType(BatchJobAwaitTimeoutException.class).isThrownBy(() -> jobs.await(job, polling, (j) -> {
		}))
			.withMessage("2 of 2 batches of the job are still running (2 of 4 requests done) after waiting PT3S: they go on "
					+ "at Groq; await the job again or cancel it")
			.satisfies((ex) -> assertThat(ex.getJob().parts()).extracting(Part::status)
				.containsExactly(BatchStatus.IN_PROGRESS, BatchStatus.IN_PROGRESS));
		assertThat(clock.instant()).isEqualTo(MutableClock.START.plusSeconds(3));
	}

	@Test
	void aJobIsResumedFromItsBatchIdsAndItsFilesDeletedOnceFinished() {
		BatchJobs jobs = jobs(new BatchLimits(2, 1_000_000));
		List<String> ids = jobs.submit(GroqBatchTemplateTests.input(3)).batchIds();
		BatchJob resumed = jobs.resume(ids);
		assertThat(resumed.parts()).extracting(Part::number, Part::lines, Part::bytes)
			.containsExactly(tuple(1, 0L, 0L), tuple(2, 0L, 0L));
		assertThat(resumed.batchIds()).isEqualTo(ids);
		BatchJob done = jobs.await(resumed, FAST, (job) -> {
		});
		assertThat(done.parts()).extracting(Part::lines).containsExactly(2L, 1L);
		assertThat(jobs.results(done).successes()).hasSize(3);
		assertThat(jobs.deleteFiles(done)).isEqualTo(4);
		assertThat(this.groq.batches().files().list()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> jobs.resume(List.of()))
			.withMessage("A batch job needs at least one batch id to resume");
	}

	@Test
	void aResumedJobCancelledBeforeValidationStillReportsEveryRequestFromItsInputFile() {
		emulator.batches().advanceOnRetrieve(false);
		BatchJobs jobs = jobs(new BatchLimits(2, 1_000_000));
		BatchJob resumed = jobs.resume(jobs.submit(GroqBatchTemplateTests.input(3)).batchIds());
		assertThat(resumed.size()).as("Groq has not counted them yet").isZero();
		BatchJob cancelling = jobs.cancel(resumed);
		emulator.batches().advanceOnRetrieve(true);
		BatchJob cancelled = jobs.await(cancelling, FAST, (job) -> {
		});
		assertThat(cancelled.parts()).extracting(Part::status, (part) -> part.batch().requestCounts().total())
			.containsExactly(tuple(BatchStatus.CANCELLED, 0L), tuple(BatchStatus.CANCELLED, 0L));
		BatchResults results = jobs.results(cancelled);
		assertThat(results.failures()).extracting(BatchResult::customId).containsExactly("q1", "q2", "q3");
		assertThat(results.failures()).allSatisfy((failure) -> {
			assertThat(failure.cancelled()).isTrue();
			assertThat(failure.error().message()).endsWith("(cancelled) returned no result for this request");
		});
	}

	@Test
	void jobsShareTheTemplatesLimits() {
		assertThat(this.groq.batches().jobs()).isSameAs(this.groq.batches().jobs())
			.hasToString("BatchJobs[limits=BatchLimits[maxLines=50000, maxBytes=104857600]]");
		assertThat(this.groq.batches().withLimits(new BatchLimits(2, 10)).jobs())
			.hasToString("BatchJobs[limits=BatchLimits[maxLines=2, maxBytes=10]]");
	}

	private BatchJobs jobs(BatchLimits limits) {
		return this.groq.batches().withLimits(limits).jobs();
	}

	private static Stream<BatchLine> lines(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> line("q" + i));
	}

	private static BatchLine line(String customId) {
		return new BatchLine(customId, ChatRequest.builder().user("Question " + customId.substring(1) + "?").build());
	}

	/** The JSONL of requests {@code q<i>} as {@link GroqBatchTemplateTests#input} builds them. */
	private String jsonl(IntStream numbers) {
		BatchInput.Builder input = BatchInput.builder();
		numbers.forEach((i) -> input.add("q" + i, ChatRequest.builder().user("Question " + i + "?")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			this.groq.batches().writeJsonl(input.build(), out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static List<Path> jobDirectories() {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((path) -> path.getFileName().toString().startsWith("groq-batch-job-")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
