package io.github.groqspring.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.jspecify.annotations.Nullable;

/**
 * JUnit extension that runs a {@link GroqEmulator} for a test class or for each test, and
 * hands it to the test. The emulator starts at its first use, so a field initializer may
 * already read its {@link #baseUrl()}.
 *
 * <p>Declared, it runs one emulator per test class, {@linkplain GroqEmulator#reset() resets}
 * it after each test (after the test's own {@code @AfterEach} methods, so that these may
 * still close what used it) and closes it after the class. It injects the emulator into
 * test and lifecycle method parameters and into fields of type {@code GroqEmulator} that
 * are still {@code null}: static ones before the class's first test, so that instance field
 * initializers may already use them, instance ones after each instance is made:
 *
 * <pre>{@code
 * @ExtendWith(GroqEmulatorExtension.class)
 * class MyClientTests {
 *     static GroqEmulator emulator;
 *
 *     private final MyClient client = new MyClient(emulator.baseUrl());
 *
 *     @Test
 *     void retriesFlex(GroqEmulator groq) {   // the same emulator
 *         groq.enqueue(EmulatedResponse.flexCapacityExceeded());
 *     }
 * }
 * }</pre>
 *
 * With {@code @TestInstance(PER_CLASS)} the instance is made before the extension runs:
 * register it in a static field and call {@link #emulator()} instead.
 *
 * Registered in a field, it is per class when the field is {@code static} and per test
 * otherwise (a fresh emulator for each test, closed after it), and may carry settings that
 * hold for every test (applied at start and again after each reset):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GroqEmulatorExtension groq = new GroqEmulatorExtension()
 *     .configure((emulator) -> emulator.requireApiKey(KEY));
 *
 * private final GroqTemplate template = GroqTemplate.builder().baseUrl(groq.baseUrl()).apiKey(KEY).build();
 * }</pre>
 *
 * For Spring tests, use {@link AutoConfigureGroqEmulator} instead.
 */
public class GroqEmulatorExtension
		implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, ParameterResolver, TestInstancePostProcessor {

	private Consumer<GroqEmulator> settings = (emulator) -> {
	};

	private @Nullable GroqEmulator emulator;

	/** Whether the emulator lives as long as the class: set when JUnit calls {@link #beforeAll}. */
	private boolean perClass;

	/** The class whose end closes a per-class emulator (not a nested class's end). */
	private @Nullable Class<?> owner;

	/**
	 * Settings every test starts with: applied when the emulator starts and again after
	 * each reset (which forgets them otherwise).
	 * @param settings what to set, e.g. {@code (groq) -> groq.requireApiKey(KEY)}
	 * @return this extension
	 * @throws IllegalStateException when the emulator has started already
	 */
	public GroqEmulatorExtension configure(Consumer<GroqEmulator> settings) {
		if (this.emulator != null) {
			throw new IllegalStateException("The emulator has started: configure the extension where it is declared");
		}
		this.settings = this.settings.andThen(settings);
		return this;
	}

	/**
	 * The emulator, started at the first call.
	 * @return the running emulator
	 */
	public synchronized GroqEmulator emulator() {
		GroqEmulator running = this.emulator;
		if (running == null) {
			running = GroqEmulator.start();
			this.settings.accept(running);
			this.emulator = running;
		}
		return running;
	}

	/**
	 * The URL to point the code under test at.
	 * @return the emulator's {@link GroqEmulator#baseUrl()}
	 */
	public String baseUrl() {
		return emulator().baseUrl();
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		this.perClass = true;
		if (this.owner == null) {
			this.owner = context.getRequiredTestClass();
		}
		injectFields(context.getRequiredTestClass(), null);
	}

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
		injectFields(testInstance.getClass(), testInstance);
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		GroqEmulator running = this.emulator;
		if (running == null) {
			return;
		}
		if (this.perClass) {
			this.settings.accept(running.reset());
		}
		else {
			running.close();
			this.emulator = null;
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		GroqEmulator running = this.emulator;
		if (context.getRequiredTestClass() != this.owner) {
			return;
		}
		this.owner = null;
		if (running != null) {
			running.close();
			this.emulator = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == GroqEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return emulator();
	}

	/** Set the fields of type GroqEmulator that are still null: static ones without an instance. */
	private void injectFields(Class<?> type, @Nullable Object instance) {
		for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring
			.getSuperclass()) {
			for (Field field : declaring.getDeclaredFields()) {
				boolean isStatic = Modifier.isStatic(field.getModifiers());
				if (field.getType() == GroqEmulator.class && isStatic == (instance == null)
						&& !Modifier.isFinal(field.getModifiers())) {
					inject(field, instance);
				}
			}
		}
	}

	private void inject(Field field, @Nullable Object instance) {
		try {
			field.setAccessible(true);
			if (field.get(instance) == null) {
				field.set(instance, emulator());
			}
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new ExtensionConfigurationException("Could not inject the Groq emulator into " + field, ex);
		}
	}

}
