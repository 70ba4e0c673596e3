package io.github.groqspring.starter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.tier.GroqTierContext;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the docs promise of the starter alone (this module's class path is exactly what an
 * application adding the one dependency gets, plus Boot's test starter): the tier of the
 * calling thread reaches an {@code @Async} method on Boot's {@code applicationTaskExecutor}
 * once a {@link ContextPropagatingTaskDecorator} bean is declared, with no other dependency.
 */
@SpringBootTest(properties = "groq.api-key=gsk_starterAloneTest0123456789")
class StarterAloneTests {

	@Autowired
	private TierReporter reporter;

	@Autowired
	private GroqTemplate groq;

	@Test
	void theStarterAloneBringsContextPropagationAndNoTestSupport() {
		assertThat(ClassUtils.isPresent("io.micrometer.context.ContextSnapshotFactory", null)).isTrue();
		assertThat(ClassUtils.isPresent("io.github.groqspring.test.GroqEmulator", null)).isFalse();
		assertThat(this.groq.getBaseUrl()).isEqualTo("https://api.groq.com");
	}

	@Test
	void theCallersTierReachesAnAsyncMethodOnBootsApplicationTaskExecutor() throws Exception {
		String caller = Thread.currentThread().getName();
		String seen = GroqTierContext.callWith(ServiceTier.FLEX, this.reporter::tierAndThread).get(10, TimeUnit.SECONDS);
		assertThat(seen).matches("flex on task-\\d+").doesNotContain(caller);
		assertThat(GroqTierContext.current()).isNull();
		assertThat(this.reporter.tierAndThread().get(10, TimeUnit.SECONDS)).matches("none on task-\\d+");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	static class StarterOnlyApplication {

		@Bean
		ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
			return new ContextPropagatingTaskDecorator();
		}

		@Bean
		TierReporter tierReporter() {
			return new TierReporter();
		}

	}

	static class TierReporter {

		@Async
		public CompletableFuture<String> tierAndThread() {
			ServiceTier tier = GroqTierContext.current();
			return CompletableFuture.completedFuture(((tier != null) ? tier.wireValue() : "none") + " on "
					+ Thread.currentThread().getName());
		}

	}

}
