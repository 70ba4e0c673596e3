package io.github.groqspring.autoconfigure;

import io.github.groqspring.GroqOperations;
import io.github.groqspring.reactive.ReactiveGroqOperations;
import io.github.groqspring.reactive.ReactiveGroqTemplate;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

@ExtendWith(GroqEmulatorExtension.class)
class GroqReactiveAutoConfigurationTests {

	static GroqEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqReactiveAutoConfiguration.class,
				RestClientAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=llama-3.1-8b-instant");

	@Test
	void withReactorARegistersAReactiveTemplateOnTheGroqTemplate() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveGroqTemplate.class);
			assertThat(context.getBean(ReactiveGroqTemplate.class).chat(
					io.github.groqspring.chat.ChatRequest.builder().user("Hi").build()).block().content())
				.isEqualTo("Emulated reply to: Hi");
		});
	}

	@Test
	void withoutReactorRegistersNoReactiveTemplate() {
		this.runner.withClassLoader(new FilteredClassLoader(Flux.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("groqTemplate")
				.doesNotHaveBean(ReactiveGroqOperations.class));
	}

	@Test
	void backsOffToTheApplicationsReactiveOperations() {
		ReactiveGroqOperations own = mock(ReactiveGroqOperations.class);
		this.runner.withBean(ReactiveGroqOperations.class, () -> own)
			.run((context) -> assertThat(context.getBean(ReactiveGroqOperations.class)).isSameAs(own));
	}

	@Test
	void wrapsTheApplicationsOwnGroqOperations() {
		GroqOperations own = mock(GroqOperations.class);
		this.runner.withBean(GroqOperations.class, () -> own)
			.run((context) -> assertThat(context.getBean(ReactiveGroqTemplate.class))
				.hasToString("ReactiveGroqTemplate[" + own + "]"));
	}

}
