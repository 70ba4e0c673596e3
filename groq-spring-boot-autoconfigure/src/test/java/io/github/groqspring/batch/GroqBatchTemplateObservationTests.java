package io.github.groqspring.batch;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.error.GroqNotFoundException;
import io.github.groqspring.error.GroqServerException;
import io.github.groqspring.http.RetrySettings;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GroqBatchTemplateObservationTests {

	private static final String MODEL = "llama-3.1-8b-instant";

	private static final BatchPolling FAST = BatchPolling.every(Duration.ofMillis(1));

	@RegisterExtension
	final GroqEmulatorExtension emulators = new GroqEmulatorExtension();

	private final GroqEmulator emulator = this.emulators.emulator();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final GroqTemplate groq = GroqTemplate.builder()
		.retry(RetrySettings.NONE)
		.baseUrl(this.emulator.baseUrl())
		.defaultModel(MODEL)
		.defaultServiceTier(ServiceTier.FLEX)
		.observationRegistry(this.registry)
		.build();

	private final GroqBatchTemplate batches = this.groq.batches();

	@AfterEach
	void stop() throws Exception {
		this.groq.close();
	}

	@Test
	void submitAwaitAndResultsAreOneObservationPerCallWithEachPollItsOwn() {
		this.emulator.batches().linesPerStep(1);
		Batch done = this.batches.await(this.batches.submit(input(4)).id(), FAST, (batch) -> {
		});
		BatchResults results = this.batches.results(done);
		assertThat(results.size()).isEqualTo(4);
		assertThat(this.emulator.requests()).hasSize(10);
		assertThat(keyValues("gen_ai.operation.name")).containsExactly("upload_file", "create_batch", "get_batch",
				"get_batch", "get_batch", "get_batch", "get_batch", "get_batch", "get_batch", "download_file");
		assertThat(keyValues("outcome")).containsOnly("SUCCESS");
		assertThat(keyValues("groq.request.service_tier")).hasSize(10).containsOnly("none");
		assertThat(keyValues("gen_ai.request.model")).containsOnly("none");
		assertThat(keyValues("groq.stream")).containsOnly("false");
		assertThat(keyValues("http.response.status_code")).hasSize(10).containsOnly("200");
		assertThat(highCardinalityKeyValues("groq.request.id")).hasSize(10)
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(id).matches("req_01[0-9a-hjkmnp-tv-z]{24}"));
	}

	@Test
	void everyBatchAndFileOperationIsObservedWithoutTierEvenWithAFlexDefault() {
		this.emulator.batches().linesPerStep(1);
		Batch batch = this.batches.submit(input(2));
		this.batches.list(null, 5);
		this.batches.cancel(batch.id());
		this.batches.files().list();
		this.batches.files().get(batch.inputFileId());
		this.batches.files().delete(batch.inputFileId());
		assertThat(keyValues("gen_ai.operation.name")).containsExactly("upload_file", "create_batch", "list_batches",
				"cancel_batch", "list_files", "get_file", "delete_file");
		assertThat(keyValues("groq.request.service_tier")).hasSize(7).containsOnly("none");
		assertThat(keyValues("groq.response.service_tier")).containsOnly("none");
		assertThat(keyValues("groq.fallback")).containsOnly("false");
		assertThat(keyValues("http.response.status_code")).containsOnly("200");
		assertThat(contextualNames()).containsExactly("upload_file", "create_batch", "list_batches", "cancel_batch",
				"list_files", "get_file", "delete_file");
		assertThat(this.emulator.requests()).hasSize(7)
			.allSatisfy((request) -> assertThat(request.bodyText()).doesNotContain("service_tier"));
	}

	@Test
	void listAllIsOneObservationPerPage() {
		this.emulator.batches().cursorPaging(true); // Groq's API reference lists batches without paging
		for (int i = 0; i < 3; i++) {
			this.batches.submit(input(1));
		}
		this.registry.clear();
		assertThat(this.batches.listAll(2)).hasSize(3);
		assertThat(keyValues("gen_ai.operation.name")).containsExactly("list_batches", "list_batches");
	}

	@Test
	void getOfAnUnknownBatchIsAnObservationWithTheErrorItsStatusAndRequestId() {
		GroqNotFoundException ex = catchThrowableOfType(GroqNotFoundException.class,
				() -> this.batches.get("batch_nope"));
		assertThat(ex).hasMessageContaining("No batch with id 'batch_nope'");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("groq.client.operation")
			.hasContextualNameEqualTo("get_batch")
			.hasBeenStopped()
			.hasError(ex)
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "get_batch")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error.type", "GroqNotFoundException")
			.hasLowCardinalityKeyValue("http.response.status_code", "404")
			.hasLowCardinalityKeyValue("groq.request.service_tier", "none")
			.hasHighCardinalityKeyValue("groq.request.id", this.emulator.lastRequest().requestId());
	}

	@Test
	void aDownloadThatIsRefusedIsAFailedDownloadObservation() {
		GroqNotFoundException ex = catchThrowableOfType(GroqNotFoundException.class,
				() -> this.batches.files().download("file_nope"));
		assertThat(ex).hasMessageContaining("No file with id 'file_nope'");
		assertThat(this.registry).hasSingleObservationThat()
			.hasContextualNameEqualTo("download_file")
			.hasError(ex)
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error.type", "GroqNotFoundException")
			.hasLowCardinalityKeyValue("http.response.status_code", "404");
	}

	@Test
	void aDownloadObservationEndsWhenTheResponseOpensNotWhenItIsRead() throws Exception {
		Batch done = this.batches.await(this.batches.submit(input(1)).id(), FAST, (batch) -> {
		});
		this.registry.clear();
		try (InputStream content = this.batches.files().download(done.outputFileId())) {
			assertThat(this.registry).hasSingleObservationThat()
				.hasContextualNameEqualTo("download_file")
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("http.response.status_code", "200");
			assertThat(content.readAllBytes()).isNotEmpty();
		}
	}

	@Test
	void aFailedCreateIsObservedThenTheCleanupDeleteOfTheUploadedFile() {
		this.emulator.enqueue("/openai/v1/batches", EmulatedResponse.error(500, "internal_server_error", null, "boom"));
		assertThatExceptionOfType(GroqServerException.class).isThrownBy(() -> this.batches.submit(input(1)));
		assertThat(keyValues("gen_ai.operation.name")).containsExactly("upload_file", "create_batch", "delete_file");
		assertThat(keyValues("outcome")).containsExactly("SUCCESS", "SERVER_ERROR", "SUCCESS");
		assertThat(keyValues("http.response.status_code")).containsExactly("200", "500", "200");
	}

	@Test
	void copiesWithOtherLimitsOrTimingKeepTheObserver() {
		this.batches.withLimits(new BatchLimits(10, 10_000)).files().list();
		this.batches.withTiming((duration) -> {
		}, Clock.systemUTC()).list();
		assertThat(keyValues("gen_ai.operation.name")).containsExactly("list_files", "list_batches");
	}

	private List<String> keyValues(String key) {
		return values((context) -> context.getLowCardinalityKeyValue(key));
	}

	private List<String> highCardinalityKeyValues(String key) {
		return values((context) -> context.getHighCardinalityKeyValue(key));
	}

	private List<String> values(Function<Observation.Context, KeyValue> key) {
		List<Observation.Context> contexts = groqContexts();
		return contexts.stream().map((context) -> {
			KeyValue value = key.apply(context);
			return (value != null) ? value.getValue() : null;
		}).toList();
	}

	private List<String> contextualNames() {
		return groqContexts().stream().map(Observation.Context::getContextualName).toList();
	}

	private List<Observation.Context> groqContexts() {
		List<Observation.Context> found = new ArrayList<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
			.filter(GroqObservationContext.class::isInstance)
			.forEach(found::add));
		return found;
	}

	private static BatchInput input(int requests) {
		BatchInput.Builder builder = BatchInput.builder();
		for (int i = 1; i <= requests; i++) {
			builder.add("q" + i, ChatRequest.builder().user("Question " + i + "?"));
		}
		return builder.build();
	}

}
