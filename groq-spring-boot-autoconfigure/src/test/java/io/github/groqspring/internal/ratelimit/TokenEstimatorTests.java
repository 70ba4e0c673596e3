package io.github.groqspring.internal.ratelimit;

import java.util.List;

import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ContentPart;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.chat.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokenEstimator}: what a prompt's characters count, the first guess, the cap at
 * {@code max_completion_tokens}, and what it learns from Groq's usage.
 */
class TokenEstimatorTests {

	private final TokenEstimator estimator = new TokenEstimator(4.0, 256, false);

	@AfterEach
	void forget() {
		TokenEstimator.forgetAll();
	}

	@Test
	void aPromptCountsItsTextsToolCallArgumentsImagesAndEachMessagesFraming() {
		ChatRequest request = ChatRequest.builder("m")
			.system("Be brief.")
			.user(ContentPart.text("What is this?"), ContentPart.imageUrl("https://example.com/cat.png"))
			.message(ChatMessage.assistant(null, List.of(ToolCall.function("call_1", "lookup", "{\"q\":\"cat\"}"))))
			.build();
		// 3 messages of 16, "Be brief." 9, "What is this?" 13, an image 4,096, "lookup" 6 + {"q":"cat"} 11.
		assertThat(TokenEstimator.promptChars(request)).isEqualTo(3 * 16 + 9 + 13 + 4096 + 6 + 11);
	}

	@Test
	void beforeAnyUsageAPromptIsFourCharactersATokenPlusTheConfiguredCompletion() {
		assertThat(this.estimator.estimate("fresh-model", 400, null)).isEqualTo(100 + 256);
		assertThat(this.estimator.estimate("fresh-model", 401, null)).isEqualTo(101 + 256);
	}

	@Test
	void theCompletionIsNeverMoreThanMaxCompletionTokensAndAllOfThemWhenReservedWhole() {
		assertThat(this.estimator.estimate("fresh-model", 400, 50)).isEqualTo(100 + 50);
		assertThat(this.estimator.estimate("fresh-model", 400, 1000)).isEqualTo(100 + 256);
		TokenEstimator whole = new TokenEstimator(4.0, 256, true);
		assertThat(whole.estimate("fresh-model", 400, 1000)).isEqualTo(100 + 1000);
		assertThat(whole.estimate("fresh-model", 400, null)).isEqualTo(100 + 256);
	}

	@Test
	void itLearnsEachModelsTokensPerCharacterAndAverageCompletionFromUsage() {
		this.estimator.learn("learned", 1000, usage(500, 40));
		// 0.5 tokens a character, 40 completion tokens: the first observation is taken whole.
		assertThat(this.estimator.estimate("learned", 1000, null)).isEqualTo(500 + 40);
		// Then a moving average with weight 0.2: 0.5 + 0.2 * (0.25 - 0.5) = 0.45; 40 + 0.2 * (140 - 40) = 60.
		this.estimator.learn("learned", 1000, usage(250, 140));
		assertThat(this.estimator.estimate("learned", 1000, null)).isEqualTo(450 + 60);
		// Another model keeps the first guess, and any estimator of the JVM knows what was learned.
		assertThat(this.estimator.estimate("other", 1000, null)).isEqualTo(250 + 256);
		assertThat(new TokenEstimator(2.0, 10, false).estimate("learned", 1000, null)).isEqualTo(450 + 60);
	}

	@Test
	void anEmptyPromptStillCostsAToken() {
		assertThat(new TokenEstimator(4.0, 0, false).estimate("fresh-model", 0, null)).isEqualTo(1);
	}

	private static Usage usage(long prompt, long completion) {
		return new Usage(null, prompt, null, completion, null, prompt + completion, null, null, null);
	}

}
