package io.github.groqspring.ai.autoconfigure;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.tier.ServiceTier;
import io.github.groqspring.ai.GroqChatModel;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqTierAutoConfiguration;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import io.github.groqspring.tier.GroqTier;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

@ExtendWith(GroqEmulatorExtension.class)
class GroqChatAutoConfigurationTests {

	static GroqEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqTierAutoConfiguration.class,
				GroqChatAutoConfiguration.class, RestClientAutoConfiguration.class, JacksonAutoConfiguration.class,
				ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
				ChatMemoryAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=llama-3.1-8b-instant");

	@Test
	void withSpringAiAGroqChatModelBacksChatClientWithTheDefaultModel() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(GroqChatModel.class).hasSingleBean(ChatMemory.class);
			assertThat(context.getBean(GroqChatModel.class).getOptions().getModel()).isEqualTo("llama-3.1-8b-instant");
			String answer = context.getBean(ChatClient.Builder.class).build().prompt().user("Hi").call().content();
			assertThat(answer).isEqualTo("Emulated reply to: Hi");
			assertThat(emulator.lastRequest().model()).isEqualTo("llama-3.1-8b-instant");
		});
	}

	@Test
	void springAiModelChatGroqSelectsIt() {
		this.runner.withPropertyValues("spring.ai.model.chat=groq")
			.run((context) -> assertThat(context).hasSingleBean(GroqChatModel.class));
	}

	@Test
	void springAiModelChatNamingAnotherProviderLeavesItOut() {
		this.runner.withPropertyValues("spring.ai.model.chat=openai")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GroqChatModel.class));
	}

	@Test
	void backsOffToTheApplicationsChatModel() {
		ChatModel own = mock(ChatModel.class);
		this.runner.withBean("ownChatModel", ChatModel.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(GroqChatModel.class)
				.getBean(ChatModel.class)
				.isSameAs(own));
	}

	@Test
	void withoutSpringAiThereIsNoChatModel() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("groqTemplate")
				.doesNotHaveBean("groqChatModel"));
	}

	@Test
	void usesSpringAisToolCallingManager() {
		this.runner.run((context) -> {
			ToolCallingManager manager = context.getBean(ToolCallingManager.class);
			assertThat(context.getBean(GroqChatModel.class)).extracting("requests.toolCallingManager")
				.isSameAs(manager);
		});
	}

	@Test
	void aGroqTierMethodCallingChatClientSendsItsTier() {
		this.runner.withUserConfiguration(Services.class).run((context) -> {
			context.getBean(Assistant.class).answer("Hi");
			context.getBean(ChatClient.Builder.class).build().prompt().user("Hi").call().content();
			assertThat(emulator.chatRequests()).extracting(RecordedRequest::serviceTier).containsExactly("flex", null);
		});
	}

	@Test
	void withTheApplicationsObservationRegistryACallIsOneSpringAiObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(TestObservationRegistry.class, () -> registry).run((context) -> {
			ChatResponse response = context.getBean(GroqChatModel.class).call(new Prompt("Hi"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("Emulated reply to: Hi");
			assertThat(registry).hasNumberOfObservationsEqualTo(1)
				.hasSingleObservationThat()
				.hasNameEqualTo("gen_ai.client.operation")
				.hasLowCardinalityKeyValue("gen_ai.system", "groq");
		});
	}

	@Test
	void theConfigurationMetadataOffersGroqForSpringAiModelChat() throws Exception {
		List<String> hints = new ArrayList<>();
		for (URL url : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			JsonNode metadata = JsonMapper.builder().build().readTree(url.openStream());
			for (JsonNode hint : metadata.path("hints")) {
				if (hint.path("name").asString().equals("spring.ai.model.chat")) {
					hint.path("values").forEach((value) -> hints.add(value.path("value").asString()));
				}
			}
		}
		assertThat(hints).containsExactly("groq");
	}

	@Configuration(proxyBeanMethods = false)
	static class Services {

		@Bean
		Assistant assistant(ChatClient.Builder chatClient) {
			return new Assistant(chatClient.build());
		}

	}

	static class Assistant {

		private final ChatClient chatClient;

		Assistant(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@GroqTier(ServiceTier.FLEX)
		String answer(String question) {
			return this.chatClient.prompt().user(question).call().content();
		}

	}

}
