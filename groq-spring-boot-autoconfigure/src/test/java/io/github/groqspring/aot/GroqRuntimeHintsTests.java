package io.github.groqspring.aot;

import java.util.List;

import io.github.groqspring.batch.Batch;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.tier.GroqTier;
import io.github.groqspring.tier.ServiceTier;
import org.junit.jupiter.api.Test;

import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.DecoratingProxy;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class GroqRuntimeHintsTests {

	@Test
	void everyWireTypeCanBeBoundByJacksonInANativeImage() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new GroqRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (Class<?> type : GroqRuntimeHints.WIRE_TYPES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ChatCompletion.class.getMethod("choices")))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ServiceTier.class.getMethod("wireValue")))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ChatRequest.class)).accepts(hints);
		// Written by Jackson though neither a record component nor a getter.
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(io.github.groqspring.chat.ChatMessage.class.getMethod("wireContent"))).accepts(hints);
		for (Class<?> part : List.of(io.github.groqspring.chat.ContentPart.TextPart.class,
				io.github.groqspring.chat.ContentPart.ImagePart.class,
				io.github.groqspring.chat.ContentPart.DocumentPart.class,
				io.github.groqspring.chat.Document.TextSource.class, io.github.groqspring.chat.Document.JsonSource.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(part.getMethod("type"))).as(part.getName())
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(Usage.PromptTokensDetails.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ChatCompletionChunk.ToolCallDelta.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Batch.RequestCounts.class)).accepts(hints);
		for (String name : GroqRuntimeHints.INTERNAL_WIRE_TYPES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(Class.forName(name))).as(name).accepts(hints);
		}
	}

	@Test
	void hintsAreRegisteredThroughAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(GroqRuntimeHints.class);
	}

	@Test
	void interfaceBasedTierBeansGetAJdkProxyHint() {
		GenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(GroqRuntimeHintsTests.class)), new InMemoryGeneratedFiles());
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("reports", new RootBeanDefinition(DefaultReports.class));
		BeanRegistrationAotContribution contribution = new GroqTierProxyAotProcessor()
			.processAheadOfTime(RegisteredBean.of(beanFactory, "reports"));
		assertThat(contribution).isNotNull();
		contribution.applyTo(generationContext, mock());
		assertThat(RuntimeHintsPredicates.proxies()
			.forInterfaces(Reports.class, SpringProxy.class, Advised.class, DecoratingProxy.class))
			.accepts(generationContext.getRuntimeHints());
	}

	@Test
	void beansWithoutTheAnnotationContributeNothing() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(Plain.class));
		assertThat(new GroqTierProxyAotProcessor().processAheadOfTime(RegisteredBean.of(beanFactory, "plain"))).isNull();
	}

	public interface Reports {

		String nightly();

	}

	static class DefaultReports implements Reports {

		@Override
		@GroqTier(ServiceTier.FLEX)
		public String nightly() {
			return "";
		}

	}

	static class Plain implements Reports {

		@Override
		public String nightly() {
			return "";
		}

	}

}
