package io.github.groqspring.batch;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BatchInputTests {

	@Test
	void keepsRequestsInOrderUnderTheirCustomIds() {
		ChatRequest first = ChatRequest.builder("llama-3.1-8b-instant").user("One?").build();
		BatchInput input = BatchInput.builder()
			.add("q1", first)
			.add("q2", ChatRequest.builder().user("Two?"))
			.build();
		assertThat(input.size()).isEqualTo(2);
		assertThat(input.lines()).extracting(BatchLine::customId).containsExactly("q1", "q2");
		assertThat(input.lines().get(0).request()).isSameAs(first);
		assertThat(input).hasToString("BatchInput[2 requests]");
	}

	@Test
	void duplicateCustomIdIsRefusedWhenAdded() {
		BatchInput.Builder builder = BatchInput.builder().add("q1", ChatRequest.builder().user("One?"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.add("q1", ChatRequest.builder().user("Again?")))
			.withMessage("Duplicate custom_id 'q1' (request 2): every request in a batch needs its own custom_id, "
					+ "since results come back in any order and are matched by it");
	}

	@Test
	void requestWithAnExplicitTierIsRefusedNamingItsCustomId() {
		BatchInput.Builder builder = BatchInput.builder();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.add("cheap-7", ChatRequest.builder("llama-3.1-8b-instant")
				.serviceTier(ServiceTier.FLEX)
				.user("Hi")))
			.withMessage("Batch request 'cheap-7' sets service_tier 'flex', but Groq's Batch API does not accept "
					+ "service_tier (a batch has its own processing window and rate limits): remove serviceTier(...) "
					+ "from this request");
		builder.add("cheap-7", ChatRequest.builder("llama-3.1-8b-instant").user("Hi"));
		assertThat(builder.build().size()).isEqualTo(1);
	}

	@Test
	void streamingRequestIsRefused() {
		ChatRequest streaming = ChatRequest.builder("llama-3.1-8b-instant").user("Hi").build().withStream(true);
		assertThatIllegalArgumentException().isThrownBy(() -> BatchInput.builder().add("s1", streaming))
			.withMessage("Batch request 's1' asks for streaming, which a batch cannot do: send it without stream");
	}

	@Test
	void blankCustomIdIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BatchInput.builder().add(" ", ChatRequest.builder().user("Hi")))
			.withMessage("A batch request needs a non-blank custom_id to match its result by");
	}

	@Test
	void emptyBatchIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> BatchInput.builder().build())
			.withMessage("A batch needs at least one request: add one with add(customId, request)");
	}

}
