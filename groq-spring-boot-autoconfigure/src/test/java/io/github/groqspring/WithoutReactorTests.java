package io.github.groqspring;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter without Reactor on the class path at all (not only hidden from conditions):
 * the auto-configuration starts, {@code GroqTemplate}'s and {@code GroqOperations}' methods
 * can be introspected (as Spring, AOT and proxies do) and a call goes through.
 */
class WithoutReactorTests {

	@Test
	void theStarterStartsIntrospectsAndCallsWithoutReactor() throws Exception {
		try (URLClassLoader loader = new URLClassLoader(classPathWithoutReactor(), ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("reactor.core.publisher.Flux"));
			Class<?> probe = loader.loadClass(WithoutReactorProbe.class.getName());
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			Object result;
			try {
				result = probe.getMethod("run").invoke(null);
			}
			finally {
				thread.setContextClassLoader(previous);
			}
			assertThat(result).isEqualTo("groqTemplate=true reactiveGroqTemplate=false "
					+ "introspected=true reply=Emulated reply to: Hi");
		}
	}

	private static URL[] classPathWithoutReactor() throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			if (!entry.isBlank() && !new File(entry).getName().startsWith("reactor-")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

}
