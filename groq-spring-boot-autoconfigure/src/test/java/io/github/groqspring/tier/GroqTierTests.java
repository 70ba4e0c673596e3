package io.github.groqspring.tier;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.autoconfigure.GroqAutoConfiguration;
import io.github.groqspring.autoconfigure.GroqTierAutoConfiguration;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(GroqEmulatorExtension.class)
class GroqTierTests {

	static GroqEmulator emulator;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqTierAutoConfiguration.class,
				RestClientAutoConfiguration.class, JacksonAutoConfiguration.class,
				PropertyPlaceholderAutoConfiguration.class))
		.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=llama-3.1-8b-instant")
		.withUserConfiguration(Services.class);

	@Test
	void withoutAnyTierNoServiceTierIsSent() {
		this.runner.run((context) -> {
			context.getBean(Plain.class).call();
			assertThat(tiersSent()).containsExactly((String) null);
		});
	}

	@Test
	void defaultTierAppliesOutsideAnnotatedCode() {
		this.runner.withPropertyValues("groq.default-service-tier=on_demand").run((context) -> {
			context.getBean(Plain.class).call();
			assertThat(tiersSent()).containsExactly("on_demand");
		});
	}

	@Test
	void classAnnotationBeatsTheDefaultTier() {
		this.runner.withPropertyValues("groq.default-service-tier=on_demand").run((context) -> {
			context.getBean(LatencyCritical.class).answer();
			assertThat(tiersSent()).containsExactly("performance");
		});
	}

	@Test
	void methodAnnotationBeatsItsClassAnnotation() {
		this.runner.run((context) -> {
			context.getBean(LatencyCritical.class).background();
			assertThat(tiersSent()).containsExactly("flex");
		});
	}

	@Test
	void requestTierBeatsEveryAnnotation() {
		this.runner.run((context) -> {
			context.getBean(LatencyCritical.class).explicitOnDemand();
			assertThat(tiersSent()).containsExactly("on_demand");
		});
	}

	@Test
	void nestedAnnotatedCallsRestoreTheOuterTierOnReturnAndOnException() {
		this.runner.run((context) -> {
			context.getBean(LatencyCritical.class).nested();
			assertThat(tiersSent()).containsExactly("performance", "flex", "performance", "flex", "performance");
			assertThat(GroqTierContext.current()).isNull();
		});
	}

	@Test
	void classBasedProxiesByDefaultAndJdkProxiesWhenAsked() {
		this.runner.run((context) -> {
			assertThat(AopUtils.isCglibProxy(context.getBean(Reports.class))).isTrue();
			assertThat(AopUtils.isCglibProxy(context.getBean(LatencyCritical.class))).isTrue();
		});
		this.runner.withPropertyValues("spring.aop.proxy-target-class=false").run((context) -> {
			Reports reports = context.getBean(Reports.class);
			assertThat(AopUtils.isJdkDynamicProxy(reports)).isTrue();
			reports.nightly();
			reports.adhoc();
			assertThat(tiersSent()).containsExactly("flex", null);
		});
	}

	@Test
	void annotationsOnInterfacesAndSuperclassMethodsAreFound() {
		this.runner.run((context) -> {
			context.getBean(Reports.class).nightly();
			context.getBean(SubService.class).inherited();
			assertThat(tiersSent()).containsExactly("flex", "auto");
		});
	}

	@Test
	void beansAlreadyProxiedForAsyncGetTheTierAdvice() {
		this.runner.withUserConfiguration(AsyncConfiguration.class).run((context) -> {
			AsyncWorker worker = context.getBean(AsyncWorker.class);
			assertThat(AopUtils.isAopProxy(worker)).isTrue();
			worker.flexNow();
			assertThat(tiersSent()).containsExactly("flex");
		});
	}

	@Test
	void asyncWorkInheritsTheCallersTierThroughTheContextPropagatingTaskDecorator() {
		this.runner.withUserConfiguration(AsyncConfiguration.class).run((context) -> {
			context.getBean(AsyncCaller.class).flexThenAsync();
			assertThat(tiersSent()).containsExactly("flex");
			assertThat(context.getBean(AsyncWorker.class).threadNames()).singleElement()
				.satisfies((name) -> assertThat(name).startsWith("groq-async-"));
		});
	}

	@Test
	void programmaticScopeWorksWithoutAnnotations() {
		this.runner.run((context) -> {
			GroqTemplate groq = context.getBean(GroqTemplate.class);
			String answer = GroqTierContext.callWith(ServiceTier.FLEX, () -> groq.complete("Hi"));
			GroqTierContext.runWith(ServiceTier.AUTO, () -> groq.complete("Hi"));
			groq.complete("Hi");
			assertThat(answer).isEqualTo("Emulated reply to: Hi");
			assertThat(tiersSent()).containsExactly("flex", "auto", null);
		});
	}

	@Test
	void tierCanComeFromConfiguration() {
		this.runner.withPropertyValues("app.report-tier=ON-DEMAND").withUserConfiguration(ConfiguredTier.class)
			.run((context) -> {
				context.getBean(ConfiguredService.class).call();
				assertThat(tiersSent()).containsExactly("on_demand");
			});
	}

	@Test
	void placeholderResolvingToEmptyMeansNoOverride() {
		this.runner.withPropertyValues("app.report-tier=", "groq.default-service-tier=flex")
			.withUserConfiguration(ConfiguredTier.class)
			.run((context) -> {
				context.getBean(ConfiguredService.class).call();
				assertThat(tiersSent()).containsExactly("flex");
			});
	}

	@Test
	void wrongConfiguredTierFailsStartUpNamingTheMethodAndValidValues() {
		this.runner.withPropertyValues("app.report-tier=turbo").withUserConfiguration(ConfiguredTier.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessage("'turbo' is not a Groq service tier; valid values are performance, on_demand, flex, auto");
				assertThat(context.getStartupFailure()).hasStackTraceContaining(
						"@GroqTier(tier = \"${app.report-tier}\") on " + ConfiguredService.class.getName() + ".call(): "
								+ "'turbo' is not a Groq service tier");
			});
	}

	@Test
	void annotationWithoutATierFailsWithTheFix() {
		GroqTierInterceptor interceptor = new GroqTierInterceptor(null);
		assertThatIllegalStateException()
			.isThrownBy(() -> interceptor.resolve(Broken.class.getMethod("call"), Broken.class))
			.withMessage("@GroqTier on " + Broken.class.getName() + ".call() must name exactly one tier: "
					+ "@GroqTier(ServiceTier.FLEX) or @GroqTier(tier = \"${app.groq-tier}\")");
	}

	@Test
	void switchedOffByPropertyTheAnnotationIsIgnored() {
		this.runner.withPropertyValues("groq.tier-annotation.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(GroqTierAnnotationBeanPostProcessor.class);
			assertThat(AopUtils.isAopProxy(context.getBean(LatencyCritical.class))).isFalse();
			context.getBean(LatencyCritical.class).answer();
			assertThat(tiersSent()).containsExactly((String) null);
		});
	}

	@Test
	void withoutContextPropagationOnTheClassPathAnnotationsStillWork() {
		// JDK proxies only: a CGLIB subclass of a test class cannot be defined in a filtered class loader.
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqTierAutoConfiguration.class))
			.withPropertyValues("groq.base-url=" + emulator.baseUrl(), "groq.default-model=llama-3.1-8b-instant",
					"spring.aop.proxy-target-class=false")
			.withBean(DefaultReports.class)
			.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(Reports.class).nightly();
				assertThat(tiersSent()).containsExactly("flex");
			});
	}

	@Test
	void selfInvocationIsNotInterceptedAsDocumented() {
		this.runner.run((context) -> {
			context.getBean(Plain.class).callsItsOwnAnnotatedMethod();
			assertThat(tiersSent()).containsExactly((String) null);
		});
	}

	private static List<String> tiersSent() {
		return emulator.requests().stream().map(RecordedRequest::serviceTier).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class Services {

		@Bean
		Plain plain(GroqTemplate groq) {
			return new Plain(groq);
		}

		@Bean
		Inner inner(GroqTemplate groq) {
			return new Inner(groq);
		}

		@Bean
		LatencyCritical latencyCritical(GroqTemplate groq, Inner inner) {
			return new LatencyCritical(groq, inner);
		}

		@Bean
		DefaultReports reports(GroqTemplate groq) {
			return new DefaultReports(groq);
		}

		@Bean
		SubService subService(GroqTemplate groq) {
			return new SubService(groq);
		}

	}

	static class Plain {

		private final GroqTemplate groq;

		Plain(GroqTemplate groq) {
			this.groq = groq;
		}

		String call() {
			return this.groq.complete("Hi");
		}

		String callsItsOwnAnnotatedMethod() {
			return flex();
		}

		@GroqTier(ServiceTier.FLEX)
		String flex() {
			return this.groq.complete("Hi");
		}

	}

	@GroqTier(ServiceTier.PERFORMANCE)
	static class LatencyCritical {

		private final GroqTemplate groq;

		private final Inner inner;

		LatencyCritical(GroqTemplate groq, Inner inner) {
			this.groq = groq;
			this.inner = inner;
		}

		String answer() {
			return this.groq.complete("Hi");
		}

		@GroqTier(ServiceTier.FLEX)
		String background() {
			return this.groq.complete("Hi");
		}

		String explicitOnDemand() {
			return this.groq.chat(ChatRequest.builder().user("Hi").serviceTier(ServiceTier.ON_DEMAND)).content();
		}

		void nested() {
			this.groq.complete("outer");
			this.inner.flex();
			this.groq.complete("outer again");
			try {
				this.inner.flexThenFail();
			}
			catch (IllegalStateException expected) {
				// the inner tier must be gone
			}
			this.groq.complete("outer after failure");
		}

	}

	static class Inner {

		private final GroqTemplate groq;

		Inner(GroqTemplate groq) {
			this.groq = groq;
		}

		@GroqTier(ServiceTier.FLEX)
		String flex() {
			return this.groq.complete("inner");
		}

		@GroqTier(ServiceTier.FLEX)
		void flexThenFail() {
			this.groq.complete("inner, then fail");
			throw new IllegalStateException("inner failed");
		}

	}

	public interface Reports {

		@GroqTier(ServiceTier.FLEX)
		String nightly();

		String adhoc();

	}

	static class DefaultReports implements Reports {

		private final GroqTemplate groq;

		DefaultReports(GroqTemplate groq) {
			this.groq = groq;
		}

		@Override
		public String nightly() {
			return this.groq.complete("nightly");
		}

		@Override
		public String adhoc() {
			return this.groq.complete("adhoc");
		}

	}

	static class BaseService {

		private final GroqTemplate groq;

		BaseService(GroqTemplate groq) {
			this.groq = groq;
		}

		@GroqTier(ServiceTier.AUTO)
		public String inherited() {
			return this.groq.complete("inherited");
		}

	}

	static class SubService extends BaseService {

		SubService(GroqTemplate groq) {
			super(groq);
		}

		@Override
		public String inherited() {
			return super.inherited();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		ThreadPoolTaskExecutor taskExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setThreadNamePrefix("groq-async-");
			executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
			return executor;
		}

		@Bean
		AsyncWorker asyncWorker(GroqTemplate groq) {
			return new AsyncWorker(groq);
		}

		@Bean
		AsyncCaller asyncCaller(AsyncWorker worker) {
			return new AsyncCaller(worker);
		}

	}

	static class AsyncWorker {

		private final List<String> threadNames = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final GroqTemplate groq;

		AsyncWorker(GroqTemplate groq) {
			this.groq = groq;
		}

		@Async
		public CompletableFuture<String> ask() {
			this.threadNames.add(Thread.currentThread().getName());
			return CompletableFuture.completedFuture(this.groq.complete("async"));
		}

		public List<String> threadNames() {
			return this.threadNames;
		}

		@GroqTier(ServiceTier.FLEX)
		public String flexNow() {
			return this.groq.complete("now");
		}

	}

	static class AsyncCaller {

		private final AsyncWorker worker;

		AsyncCaller(AsyncWorker worker) {
			this.worker = worker;
		}

		@GroqTier(ServiceTier.FLEX)
		public String flexThenAsync() {
			return this.worker.ask().join();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConfiguredTier {

		@Bean
		ConfiguredService configuredService(GroqTemplate groq) {
			return new ConfiguredService(groq);
		}

	}

	static class ConfiguredService {

		private final GroqTemplate groq;

		ConfiguredService(GroqTemplate groq) {
			this.groq = groq;
		}

		@GroqTier(tier = "${app.report-tier}")
		public String call() {
			return this.groq.complete("configured");
		}

	}

	static class Broken {

		@GroqTier
		public String call() {
			return "";
		}

	}

}
