package io.github.groqspring.ratelimit.redis;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link RedisServer} before a test class and stops it after.
 *
 * <p>A missing {@code redis-server} fails the class when the build asks for Redis with
 * {@code -Dgroq.test.redis-server=required} or {@code GROQ_TEST_REDIS_SERVER=required} (which
 * {@code .ci/run} exports), so CI never skips these
 * tests. Without that property (the README's {@code ./mvnw -B verify} on a machine with only a
 * JDK) the class is skipped, and the skip's reason says what to install.
 */
final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RedisServerExtension.class);

	/** The system property that makes a missing {@code redis-server} fail the tests. */
	static final String REQUIRED_PROPERTY = "groq.test.redis-server";

	/** The environment variable that does the same, so that CI runs the README's own command. */
	static final String REQUIRED_VARIABLE = "GROQ_TEST_REDIS_SERVER";

	private static boolean required() {
		return "required".equals(System.getProperty(REQUIRED_PROPERTY))
				|| "required".equals(System.getenv(REQUIRED_VARIABLE));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!RedisServer.installed() && !required()) {
			Assumptions.abort("redis-server is not installed, so " + context.getDisplayName()
					+ " is skipped: apt-get install -y redis-server to run it (.ci/run installs it and sets "
					+ REQUIRED_VARIABLE + "=required, which fails instead of skipping)");
		}
		context.getStore(NAMESPACE).put("server", RedisServer.start());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		RedisServer server = context.getStore(NAMESPACE).remove("server", RedisServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == RedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return findServer(context);
	}

	private static RedisServer findServer(ExtensionContext context) {
		for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
			RedisServer server = current.getStore(NAMESPACE).get("server", RedisServer.class);
			if (server != null) {
				return server;
			}
		}
		throw new IllegalStateException("No Redis server started for " + context.getDisplayName());
	}

}
