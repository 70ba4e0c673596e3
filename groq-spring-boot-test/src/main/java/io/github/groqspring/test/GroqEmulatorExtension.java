package io.github.groqspring.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

/**
 * JUnit extension that runs one {@link GroqEmulator} per test class, forgets its recorded
 * requests and scripts after each test, and injects it into test and lifecycle methods:
 *
 * <pre>{@code
 * @ExtendWith(GroqEmulatorExtension.class)
 * class MyClientTests {
 *     @Test
 *     void retriesFlex(GroqEmulator groq) {
 *         groq.enqueue(EmulatedResponse.flexCapacityExceeded());
 *         // build the code under test with groq.baseUrl()
 *     }
 * }
 * }</pre>
 *
 * For Spring tests, use {@link AutoConfigureGroqEmulator} instead.
 */
public class GroqEmulatorExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(GroqEmulatorExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		emulator(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		GroqEmulator emulator = existing(context);
		if (emulator != null) {
			emulator.reset();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		GroqEmulator emulator = existing(context);
		if (emulator != null) {
			emulator.close();
			context.getStore(NAMESPACE).remove(GroqEmulator.class);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == GroqEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return emulator(extensionContext);
	}

	private static GroqEmulator emulator(ExtensionContext context) {
		return classStore(context).computeIfAbsent(GroqEmulator.class, (key) -> GroqEmulator.start(),
				GroqEmulator.class);
	}

	private static @Nullable GroqEmulator existing(ExtensionContext context) {
		return classStore(context).get(GroqEmulator.class, GroqEmulator.class);
	}

	private static ExtensionContext.Store classStore(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE);
	}

}
