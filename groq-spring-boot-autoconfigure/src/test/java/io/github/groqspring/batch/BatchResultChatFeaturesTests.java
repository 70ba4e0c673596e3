package io.github.groqspring.batch;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.testsupport.CapturedAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch result line's body is a blocking completion: executed tools, annotations, cached and reasoning tokens too. */
class BatchResultChatFeaturesTests {

	@Test
	void aBatchLineCarriesExecutedToolsAnnotationsAndCachedTokensAsABlockingCallDoes() {
		ChatResponse response = read(CapturedAnswers.TOOLS_COMPLETION);
		assertThat(response.executedTools()).extracting((tool) -> tool.type())
			.containsExactly("search", "function", "python");
		assertThat(response.annotations()).extracting((annotation) -> annotation.type())
			.containsExactly("document_citation", "function_citation", "something_newer");
		assertThat(response.usage().cachedTokens()).isEqualTo(64);
		assertThat(response.completion().xGroq().usage()).isEqualTo(new ChatCompletion.CacheUsage(0L, 64L));
		assertThat(response.completion().usageBreakdown().models()).hasSize(1);
	}

	@Test
	void aBatchLineCarriesReasoningAndReasoningTokens() {
		ChatResponse response = read(CapturedAnswers.REASONING_COMPLETION);
		assertThat(response.reasoning()).isEqualTo("Okay, so the user is asking how many times");
		assertThat(response.usage().reasoningTokens()).isEqualTo(570);
	}

	private static ChatResponse read(String body) {
		String line = "{\"id\":\"batch_req_1\",\"custom_id\":\"r1\",\"response\":{\"status_code\":200,"
				+ "\"request_id\":\"req_1\",\"body\":" + body + "},\"error\":null}\n";
		try (BatchResultReader reader = new BatchResultReader(
				new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), BatchResultReaderTests.JSON, "test")) {
			BatchResult result = reader.next();
			assertThat(reader.hasNext()).isFalse();
			return ((BatchResult.Success) result).response();
		}
	}

}
