package io.github.groqspring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.stream.ChatStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * A stub written against {@link GroqOperations} implements the five methods it had before
 * per-call stream options and the Batch API were added; everything else has a default
 * that delegates or says what to implement.
 */
class GroqOperationsTests {

	private static final ChatRequest REQUEST = ChatRequest.builder("llama-3.3-70b-versatile").user("Hi").build();

	private final List<String> calls = new ArrayList<>();

	private final ChatResponse response = mock(ChatResponse.class);

	private final ChatStream stream = mock(ChatStream.class);

	/** Only the methods an implementation must write. */
	private final GroqOperations stub = new GroqOperations() {

		@Override
		public ChatResponse chat(ChatRequest request) {
			GroqOperationsTests.this.calls.add("chat " + request.model());
			return GroqOperationsTests.this.response;
		}

		@Override
		public ChatResponse chat(ChatRequest request, RequestOptions options) {
			GroqOperationsTests.this.calls.add("chat " + request.model() + " " + options.maxRetries());
			return GroqOperationsTests.this.response;
		}

		@Override
		public ChatStream stream(ChatRequest request) {
			GroqOperationsTests.this.calls.add("stream " + request.model());
			return GroqOperationsTests.this.stream;
		}

		@Override
		public List<GroqModel> listModels() {
			return List.of();
		}

		@Override
		public GroqModel getModel(String id) {
			throw new UnsupportedOperationException(id);
		}

	};

	@Test
	void streamWithOptionsThatChangeNothingIsThePlainStream() {
		assertThat(this.stub.stream(REQUEST, RequestOptions.DEFAULTS)).isSameAs(this.stream);
		assertThat(this.stub.stream(REQUEST.mutate(), RequestOptions.builder().build())).isSameAs(this.stream);
		assertThat(this.calls).containsExactly("stream llama-3.3-70b-versatile", "stream llama-3.3-70b-versatile");
	}

	@Test
	void streamWithOptionsAStubCannotApplySaysWhatToImplement() {
		RequestOptions options = RequestOptions.builder().callTimeout(Duration.ofSeconds(5)).build();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.stub.stream(REQUEST, options))
			.withMessage(this.stub.getClass().getName() + " does not implement GroqOperations.stream(ChatRequest, "
					+ "RequestOptions), so it cannot apply RequestOptions[readTimeout=null, callTimeout=PT5S, "
					+ "maxRetries=null, flexFallbackTier=null, flexFallbackDisabled=false]: override it, or call "
					+ "GroqTemplate");
		assertThat(this.calls).isEmpty();
	}

	@Test
	void batchesOfAStubSaysWhatToImplement() {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(this.stub::batches)
			.withMessage(this.stub.getClass().getName() + " does not implement GroqOperations.batches(): override it "
					+ "(returning, say, GroqTemplate.builder().baseUrl(...).build().batches() or a mock), or inject "
					+ "GroqTemplate");
	}

	@Test
	void theBuilderFormWithOptionsBuildsAndPassesTheOptions() {
		assertThat(this.stub.chat(REQUEST.mutate(), RequestOptions.builder().maxRetries(0).build()))
			.isSameAs(this.response);
		assertThat(this.calls).containsExactly("chat llama-3.3-70b-versatile 0");
	}

}
